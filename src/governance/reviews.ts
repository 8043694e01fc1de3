/**
 * Pull-request reviews as GitHub gives them: the REST list (`gh api repos/O/R/pulls/N/reviews`,
 * pages merged with `--slurp` or not) or `gh pr view N --json reviews`. Each reviewer's state is
 * their latest review that approves, requests changes or is dismissed — comments do not change it.
 */

/** A reviewer's standing on the pull request. */
export type ReviewerState = 'approved' | 'changes-requested';

/** Reviews read, or why they could not be. */
export type ParsedReviews =
  { readonly ok: true; readonly states: ReadonlyMap<string, ReviewerState> } | { readonly ok: false; readonly message: string };

interface RawReview {
  readonly login: string;
  readonly state: string;
  readonly at: string;
  readonly index: number;
}

function asReview(value: unknown, index: number): RawReview | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const r = value as Record<string, unknown>;
  const who = (r['user'] ?? r['author']) as Record<string, unknown> | null | undefined;
  const login = who?.['login'];
  const state = r['state'];
  const at = r['submitted_at'] ?? r['submittedAt'];
  if (typeof login !== 'string' || typeof state !== 'string') return undefined;
  return { login, state: state.toUpperCase(), at: typeof at === 'string' ? at : '', index };
}

function flatten(value: unknown): unknown[] | undefined {
  if (Array.isArray(value)) return (value as unknown[]).flatMap((v): unknown[] => (Array.isArray(v) ? (v as unknown[]) : [v]));
  const reviews = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)['reviews'] : undefined;
  return Array.isArray(reviews) ? (reviews as unknown[]) : undefined;
}

/** Reads the reviews JSON; logins are compared case-insensitively (as GitHub does). */
export function parseReviews(text: string): ParsedReviews {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, message: `it is not JSON (${e instanceof Error ? e.message : String(e)})` };
  }
  const items = flatten(json);
  if (items === undefined) {
    return {
      ok: false,
      message: 'it is neither a list of reviews nor an object with `reviews` (use `gh api repos/OWNER/REPO/pulls/N/reviews`)',
    };
  }
  const reviews: RawReview[] = [];
  for (const [i, item] of items.entries()) {
    const r = asReview(item, i);
    if (r === undefined) return { ok: false, message: `review ${i + 1} has no \`user.login\` and \`state\`` };
    reviews.push(r);
  }
  reviews.sort((a, b) => (a.at !== '' && b.at !== '' && a.at !== b.at ? (a.at < b.at ? -1 : 1) : a.index - b.index));
  const states = new Map<string, ReviewerState>();
  for (const r of reviews) {
    const login = r.login.toLowerCase();
    if (r.state === 'APPROVED') states.set(login, 'approved');
    else if (r.state === 'CHANGES_REQUESTED') states.set(login, 'changes-requested');
    else if (r.state === 'DISMISSED') states.delete(login);
  }
  return { ok: true, states };
}

/**
 * The change history of each catalog document, from git (read only): every commit that added,
 * changed or removed the document's text — not merely touched its file — with a document moved
 * to another file shown as a move. Documents are told apart by their first key (`kpi: win_rate`),
 * so a file holding several documents gives each its own history. Changes not committed yet are
 * flagged. Not a git repository (or no git): no history, and the pages say so.
 */

/** Runs git with arguments (and standard input); its standard output, or undefined when git fails. */
export type GitRunner = (args: readonly string[], input?: string) => Buffer | undefined;

/** One change of a document. */
interface HistoryEntry {
  readonly commit: string;
  readonly author: string;
  /** ISO date (YYYY-MM-DD) of the commit. */
  readonly date: string;
  readonly subject: string;
  readonly change: 'added' | 'changed' | 'removed' | 'moved';
  /** The catalog-relative file after the change (before it, for a removal). */
  readonly file: string;
}

/** The history of every document, by `kind:id`, newest first. */
export interface CatalogHistory {
  readonly documents: ReadonlyMap<string, readonly HistoryEntry[]>;
  /** Documents whose text differs from the last commit. */
  readonly uncommitted: ReadonlySet<string>;
}

/** How many commits are read at most (the newest). */
const MAX_COMMITS = 2000;

const KIND_LINE = /^(catalog|source|kpi|lookup|hierarchy|scorecard|role|plan|alert|check|test):[ \t]*([A-Za-z0-9_]+)[ \t]*(?:#.*)?$/m;

/** Splits a YAML file into its documents by `kind:id` (the first key of each), with their text. */
export function documentsOfFile(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of text.split(/^---[ \t]*(?:#.*)?$/m)) {
    const first = KIND_LINE.exec(part);
    if (first === null) continue;
    const key = `${first[1] ?? ''}:${first[2] ?? ''}`;
    const body = part
      .split('\n')
      .map((l) => l.trimEnd())
      .join('\n')
      .trim();
    if (!out.has(key)) out.set(key, body);
  }
  return out;
}

interface Commit {
  readonly sha: string;
  readonly author: string;
  readonly date: string;
  readonly subject: string;
  readonly files: readonly { readonly status: string; readonly path: string }[];
}

function parseLog(log: string): Commit[] {
  return log
    .split('\u001e')
    .filter((chunk) => chunk.trim() !== '')
    .map((chunk) => {
      const [head = '', ...rest] = chunk.split('\n');
      const [sha = '', author = '', date = '', subject = ''] = head.split('\u001f');
      const files = rest
        .filter((l) => l.trim() !== '')
        .map((l) => {
          const [status = '', path = ''] = l.split('\t');
          return { status: status.charAt(0), path };
        });
      return { sha, author, date: date.slice(0, 10), subject, files };
    });
}

/** Reads `<sha>:<path>` blobs in one `git cat-file --batch` (sizes are in bytes). */
function readBlobs(git: GitRunner, specs: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  if (specs.length === 0) return out;
  const raw = git(['cat-file', '--batch'], `${specs.join('\n')}\n`);
  if (raw === undefined) return out;
  let at = 0;
  for (const spec of specs) {
    const eol = raw.indexOf(10, at);
    if (eol < 0) break;
    const header = raw.subarray(at, eol).toString('utf8');
    at = eol + 1;
    const m = /^[0-9a-f]+ blob (\d+)$/.exec(header);
    if (m === null) continue; // `<spec> missing`
    const size = Number(m[1]);
    out.set(spec, raw.subarray(at, at + size).toString('utf8'));
    at += size + 1;
  }
  return out;
}

const isYaml = (p: string): boolean => /\.ya?ml$/.test(p);

/**
 * The history of the documents under `catalogDir` (absolute) whose current texts are `current`
 * (catalog-relative path → text). Undefined when the folder is not in a git work tree.
 */
export function catalogHistory(git: GitRunner, catalogDir: string, current: ReadonlyMap<string, string>): CatalogHistory | undefined {
  const text = (args: readonly string[]): string | undefined => git(['-C', catalogDir, ...args])?.toString('utf8');
  // The catalog folder relative to the repository root, with a trailing `/` (or empty at the root).
  const prefix = text(['rev-parse', '--show-prefix'])?.trim();
  if (prefix === undefined) return undefined;
  const log = text(['log', `-n${MAX_COMMITS}`, '--no-renames', '--name-status', '--format=%x1e%H%x1f%an%x1f%aI%x1f%s', '--', '.']);
  if (log === undefined) return undefined;
  const commits = parseLog(log).reverse(); // oldest first
  const specs = commits.flatMap((c) => c.files.filter((f) => f.status !== 'D' && isYaml(f.path)).map((f) => `${c.sha}:${f.path}`));
  const blobs = readBlobs((args, input) => git(['-C', catalogDir, ...args], input), specs);
  const state = new Map<string, Map<string, string>>(); // repository path → its documents
  const history = new Map<string, HistoryEntry[]>();
  const rel = (p: string): string => (p.startsWith(prefix) ? p.slice(prefix.length) : p);
  for (const c of commits) {
    const before = new Map<string, { text: string; file: string }>();
    const after = new Map<string, { text: string; file: string }>();
    for (const f of c.files.filter((x) => isYaml(x.path))) {
      for (const [key, body] of state.get(f.path) ?? []) before.set(key, { text: body, file: f.path });
      const docs = f.status === 'D' ? new Map<string, string>() : documentsOfFile(blobs.get(`${c.sha}:${f.path}`) ?? '');
      state.set(f.path, docs);
      for (const [key, body] of docs) after.set(key, { text: body, file: f.path });
    }
    for (const key of new Set([...before.keys(), ...after.keys()])) {
      const b = before.get(key);
      const a = after.get(key);
      let change: HistoryEntry['change'] | undefined;
      if (a === undefined) change = 'removed';
      else if (b === undefined) change = 'added';
      else if (a.text !== b.text) change = 'changed';
      else if (a.file !== b.file) change = 'moved';
      if (change === undefined) continue;
      const file = rel((a ?? b)?.file ?? '');
      const entry: HistoryEntry = { commit: c.sha, author: c.author, date: c.date, subject: c.subject, change, file };
      history.set(key, [entry, ...(history.get(key) ?? [])]);
    }
  }
  const committed = new Map<string, string>();
  for (const docs of state.values()) for (const [key, body] of docs) committed.set(key, body);
  const uncommitted = new Set<string>();
  for (const fileText of current.values()) {
    for (const [key, body] of documentsOfFile(fileText)) if (committed.get(key) !== body) uncommitted.add(key);
  }
  return { documents: history, uncommitted };
}

/**
 * `kpic approvals`: with `--check REVIEWS.json`, the seats the change between `--base` and `--head`
 * needs (the base's rules) and whether each has approved — exit code 1 until all have, for a
 * required CI check; with `--codeowners`, a CODEOWNERS file from the working tree's rules.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { checkApprovals, type SeatApproval } from '../diff/check-approvals.js';
import { codeownersText } from '../governance/codeowners.js';
import { readGovernance } from '../governance/read.js';
import { requiredApprovals } from '../diff/required.js';
import { parseReviews } from '../governance/reviews.js';
import type { ParsedFlags } from './args.js';
import { catalogRepository, openVersion } from './catalog-versions.js';
import { openComparison, refuseInvalidHead } from './comparison.js';
import { emit, refuseUnwritable } from './governance-run.js';
import type { CliIo } from './io.js';
import { printError, streamStyle, usageError } from './report.js';

const HELP = 'kpic approvals --help';

const STATE_WORDS: Readonly<Record<SeatApproval['state'], string>> = {
  approved: 'approved',
  missing: 'waiting',
  'changes-requested': 'changes requested',
  nobody: 'no members',
};

function textReport(io: CliIo, seats: readonly SeatApproval[], ok: boolean, labels: string): string {
  const style = streamStyle(io, io.stdout);
  if (seats.length === 0) return `no approvals needed: no rule covers the changes (${labels})\n`;
  const lines = [`approvals for the changes ${labels}:`];
  for (const s of seats) {
    const who =
      s.state === 'approved'
        ? `by ${s.approvedBy.join(', ')}`
        : s.state === 'changes-requested'
          ? `by ${s.blockedBy.join(', ')}`
          : s.state === 'nobody'
            ? 'the governance document names no members for this seat'
            : `from one of ${s.seat.members.join(', ')}`;
    const mark = s.state === 'approved' ? style.green('✓') : style.red('✗');
    lines.push(`  ${mark} ${s.seat.seat.padEnd(20)} ${STATE_WORDS[s.state]} ${who}`);
    for (const r of s.seat.reasons) lines.push(`      ${r.rule}: ${r.documents.join(', ').replace(/`/g, '')}`);
  }
  const missing = seats.filter((s) => s.state !== 'approved').length;
  lines.push(ok ? style.green('every required seat has approved') : style.bold(`${missing} of ${seats.length} seats still to approve`));
  return `${lines.join('\n')}\n`;
}

async function check(io: CliIo, flags: ParsedFlags, usage: string, file: string): Promise<number> {
  let text: string;
  try {
    text = readFileSync(path.resolve(io.cwd, file), 'utf8');
  } catch (e) {
    return usageError(
      io,
      `cannot read \`--check ${file}\`: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(e)}`,
      usage,
      HELP,
    );
  }
  const reviews = parseReviews(text);
  if (!reviews.ok) return usageError(io, `\`--check ${file}\` is not GitHub's reviews: ${reviews.message}`, usage, HELP);
  const catalogDir = path.resolve(io.cwd, flags.values.get('catalog') ?? 'catalog');
  const opened = openComparison(io, { base: flags.values.get('base'), head: flags.values.get('head') }, catalogDir, {
    line: usage,
    help: HELP,
  });
  if (typeof opened === 'number') return opened;
  const { base, head, diff, governance } = opened;
  const result = checkApprovals(requiredApprovals(governance, diff), reviews.states);
  const labels = `from ${base.label} to ${head.label}`;
  const out =
    flags.values.get('format') === 'json'
      ? `${JSON.stringify({ ok: result.ok, base: base.label, head: head.label, seats: result.seats }, null, 2)}\n`
      : textReport(io, result.seats, result.ok, labels);
  const written = await emit(io, out, flags.values.get('out'), 'the approvals');
  if (written !== 0) return written;
  return result.ok ? 0 : 1;
}

async function codeowners(io: CliIo, flags: ParsedFlags, usage: string): Promise<number> {
  const catalogDir = path.resolve(io.cwd, flags.values.get('catalog') ?? 'catalog');
  const head = openVersion(io, undefined, 'head', catalogDir);
  if (!head.ok) return usageError(io, head.message, usage, HELP);
  const invalid = refuseInvalidHead(io, head.value, catalogDir);
  if (invalid !== undefined) return invalid;
  const governance = readGovernance(head.value.checked.catalog).value;
  if (governance.rules.length === 0) {
    printError(
      io,
      'the catalog names no approval rules (a `governance` document with `rules:`, or `governance.approvals` in catalog.yaml)',
    );
    return 1;
  }
  const where = catalogRepository(io, catalogDir);
  const folder = where.ok ? where.value.folder : path.relative(io.cwd, catalogDir).split(path.sep).join('/');
  return emit(
    io,
    codeownersText(governance, head.value.checked.catalog, folder, 'kpic approvals --codeowners'),
    flags.values.get('out'),
    'CODEOWNERS',
  );
}

/** Runs `kpic approvals`. */
export async function approvalsCommand(io: CliIo, flags: ParsedFlags, usage: string): Promise<number> {
  const refused = await refuseUnwritable(io, flags.values.get('out'), usage, 'approvals');
  if (refused !== undefined) return refused;
  const file = flags.values.get('check');
  const owners = flags.switches.has('codeowners');
  if ((file === undefined) === !owners) {
    return usageError(
      io,
      owners
        ? '`--check` and `--codeowners` do one thing each; give one of them'
        : '`kpic approvals` needs `--check REVIEWS.json` or `--codeowners`',
      usage,
      HELP,
    );
  }
  if (owners) {
    for (const flag of ['base', 'head', 'format']) {
      if (flags.values.has(flag))
        return usageError(io, `\`--${flag}\` is for \`--check\`; \`--codeowners\` reads the working tree`, usage, HELP);
    }
    return codeowners(io, flags, usage);
  }
  return check(io, flags, usage, file ?? '');
}

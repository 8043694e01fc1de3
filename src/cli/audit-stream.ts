/**
 * NDJSON and CSV audits stream: each check's findings are written as soon as the check has run,
 * in chunks, to stdout or to a temporary file that replaces `--out` when the audit is done. So an
 * audit with millions of findings never holds them, or their text, all at once; one that fails
 * (the data breaks its contract) writes nothing and leaves an earlier `--out` file as it was.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import { AUDIT_CSV_HEADER, csvLine } from '../audit/render-csv.js';
import { ndjsonLine } from '../audit/render.js';
import type { AuditReport, CheckOutcome } from '../audit/run.js';
import type { Failure } from '../pipeline.js';
import { writeAtomically } from '../results/write-atomic.js';
import type { CliIo } from './io.js';
import { printError } from './report.js';

/** The formats that stream. */
export type StreamFormat = 'ndjson' | 'csv';

/** Whether `format` streams. */
export function streams(format: string): format is StreamFormat {
  return format === 'ndjson' || format === 'csv';
}

/** Runs the audit with a callback that receives each check's outcome. */
type AuditRun = (onOutcome: (outcome: CheckOutcome) => void) => Promise<AuditReport | Failure>;

/** The audit's result, or the exit code when `--out` could not be written. */
type Streamed = { readonly kind: 'streamed'; readonly result: AuditReport | Failure } | { readonly kind: 'exit'; readonly code: number };

const CHUNK = 1 << 20;

/** Text sink that buffers up to a chunk before passing it on. */
function chunked(flush: (text: string) => void): { add(text: string): void; end(): void } {
  let buffer = '';
  return {
    add(text) {
      buffer += text;
      if (buffer.length >= CHUNK) {
        flush(buffer);
        buffer = '';
      }
    },
    end() {
      if (buffer !== '') flush(buffer);
      buffer = '';
    },
  };
}

/** Runs the audit, writing each finding as a line of `format` (CSV: after one header row). */
async function runInto(format: StreamFormat, run: AuditRun, flush: (text: string) => void): Promise<AuditReport | Failure> {
  const out = chunked(flush);
  let started = false;
  const start = (): void => {
    if (!started && format === 'csv') out.add(AUDIT_CSV_HEADER);
    started = true;
  };
  const result = await run((o) => {
    start();
    for (const f of o.findings) out.add(format === 'csv' ? csvLine(o, f) : ndjsonLine(o, f));
  });
  if ('kind' in result && result.kind === 'audit-report') start();
  out.end();
  return result;
}

/** Raised inside the atomic write to drop the temporary file of an audit that failed. */
class AuditFailed extends Error {}

/** Streams the audit to stdout, or to `outArg` atomically. */
export async function streamAudit(io: CliIo, outArg: string | undefined, format: StreamFormat, run: AuditRun): Promise<Streamed> {
  if (outArg === undefined) return { kind: 'streamed', result: await runInto(format, run, (t) => io.stdout.write(t)) };
  let result: AuditReport | Failure | undefined;
  try {
    await writeAtomically(path.resolve(io.cwd, outArg), async (temporary) => {
      const fd = openSync(temporary, 'w');
      try {
        result = await runInto(format, run, (t) => writeSync(fd, t));
      } finally {
        closeSync(fd);
      }
      if (!('kind' in result) || result.kind !== 'audit-report') throw new AuditFailed();
    });
  } catch (e) {
    if (!(e instanceof AuditFailed) || result === undefined) {
      printError(io, `cannot write \`${outArg}\`: ${e instanceof Error ? e.message : String(e)}`);
      return { kind: 'exit', code: 2 };
    }
  }
  if (result === undefined) return { kind: 'exit', code: 2 };
  if ('kind' in result && result.kind === 'audit-report' && io.stderr.isTTY === true) io.stderr.write(`wrote the audit to ${outArg}\n`);
  return { kind: 'streamed', result };
}

/**
 * `npm run generate -- …`: parses the command line, generates the data set and prints what was
 * written. Exit codes: 0 done, 1 the generation failed (e.g. the folder is not writable), 2 usage
 * error. Never prints a stack trace for either.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { USAGE, parseGenerateArgs } from './args.js';
import { generateDataset } from './generate.js';
import { QUIRKS } from './quirks.js';

/** Where the command writes its messages. */
export interface GenerateIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

/** Runs the generator with `argv` (the arguments after the script); resolves to the exit code. */
export async function main(argv: readonly string[], io: GenerateIo): Promise<number> {
  const parsed = parseGenerateArgs(argv);
  if (parsed.kind === 'help') {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  if (parsed.kind === 'error') {
    io.stderr(`generate: ${parsed.message}\n\n${USAGE}\n`);
    return 2;
  }
  const started = performance.now();
  let summary;
  try {
    summary = await generateDataset(parsed);
  } catch (error) {
    io.stderr(`generate: failed: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const lines = [`wrote ${summary.files.length} files to ${parsed.outDir} (scale ${parsed.scale}, seed ${parsed.seed}) in ${seconds} s`];
  for (const [table, rows] of summary.rows) lines.push(`  ${table.padEnd(26)} ${String(rows).padStart(12)} rows`);
  lines.push('deliberate quirks:');
  for (const [name, count] of summary.quirks) lines.push(`  ${String(count).padStart(8)}  ${QUIRKS[name]}`);
  io.stdout(`${lines.join('\n')}\n`);
  return 0;
}

function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  process.exitCode = await main(process.argv.slice(2), {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
  });
}

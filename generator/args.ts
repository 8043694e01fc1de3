/**
 * The generator's command line: `--scale N --seed S --out DIR [--format csv|parquet|both]`.
 * Parsing never throws; a bad argument comes back as a one-line message for exit code 2.
 */

/** Which files a run writes. */
export type OutputFormat = 'csv' | 'parquet' | 'both';

/** A fully parsed command line. */
interface GenerateArgs {
  readonly kind: 'run';
  readonly scale: number;
  readonly seed: number;
  readonly outDir: string;
  readonly format: OutputFormat;
}

/** What parsing found: a run, a request for help, or a usage error. */
export type ParsedArgs = GenerateArgs | { readonly kind: 'help' } | { readonly kind: 'error'; readonly message: string };

/** The default number of opportunities. */
const DEFAULT_SCALE = 5000;
/** The default seed (the committed example data set uses it). */
const DEFAULT_SEED = 42;
/** The largest scale accepted (ids are sized for it). */
const MAX_SCALE = 99_999_999;

/** The usage text printed with `--help` and after a usage error. */
export const USAGE = `usage: npm run generate -- --out DIR [--scale N] [--seed S] [--format csv|parquet|both]

  --out DIR      folder to write into (created if missing; existing files of the same name are replaced)
  --scale N      number of opportunities, 1–${MAX_SCALE} (default ${DEFAULT_SCALE}); everything else scales with it
  --seed S       integer 0–4294967295 (default ${DEFAULT_SEED}); the same seed gives byte-identical files
  --format F     csv (default), parquet, or both`;

const FLAGS = new Set(['--scale', '--seed', '--out', '--format']);

/** Parses the arguments after `generate`. */
export function parseGenerateArgs(argv: readonly string[]): ParsedArgs {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--help' || arg === '-h') return { kind: 'help' };
    const eq = arg.indexOf('=');
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    if (!FLAGS.has(flag)) {
      return { kind: 'error', message: arg.startsWith('-') ? `unknown option \`${flag}\`` : `unexpected argument \`${arg}\`` };
    }
    if (values.has(flag)) return { kind: 'error', message: `option \`${flag}\` is given twice` };
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || (eq < 0 && value.startsWith('--'))) {
      return { kind: 'error', message: `option \`${flag}\` needs a value` };
    }
    values.set(flag, value);
  }

  const scale = integerOption(values.get('--scale'), '--scale', DEFAULT_SCALE, 1, MAX_SCALE);
  if (typeof scale === 'string') return { kind: 'error', message: scale };
  const seed = integerOption(values.get('--seed'), '--seed', DEFAULT_SEED, 0, 4_294_967_295);
  if (typeof seed === 'string') return { kind: 'error', message: seed };
  const outDir = values.get('--out');
  if (outDir === undefined || outDir === '') return { kind: 'error', message: 'missing `--out DIR`: the folder to write into' };
  const format = values.get('--format') ?? 'csv';
  if (format !== 'csv' && format !== 'parquet' && format !== 'both') {
    return { kind: 'error', message: `\`--format\` must be csv, parquet or both, not \`${format}\`` };
  }
  return { kind: 'run', scale, seed, outDir, format };
}

/** The option's integer value, its default when absent, or an error message. */
function integerOption(text: string | undefined, flag: string, fallback: number, min: number, max: number): number | string {
  if (text === undefined) return fallback;
  const plain = text.replaceAll('_', '');
  if (!/^\d+$/.test(plain)) return `\`${flag}\` must be a whole number, not \`${text}\``;
  const value = Number(plain);
  if (value < min || value > max) return `\`${flag}\` must be between ${min} and ${max}, not ${text}`;
  return value;
}

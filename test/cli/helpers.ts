/**
 * CLI test helpers: captured output streams, and small catalogs with CSV data written to fresh
 * temporary folders (real files, real DuckDB).
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/io.js';

/** A CLI invocation's outcome. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Options of {@link cli}. */
export interface CliOptions {
  readonly tty?: boolean;
  readonly env?: Record<string, string | undefined>;
}

const TEST_CACHE_DIR = path.join(tmpdir(), `kpic-test-cache-${process.pid}`);

/** Runs `kpic argv` in `cwd` with captured output. */
export async function cli(cwd: string, argv: readonly string[], options: CliOptions = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (t: string) => (stdout += t), isTTY: options.tty ?? false },
    stderr: { write: (t: string) => (stderr += t), isTTY: options.tty ?? false },
    cwd,
    // Passed data checks are cached in a folder of the test run, never in the user's cache.
    env: { KPIC_CACHE_DIR: TEST_CACHE_DIR, ...options.env },
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

/** A temporary folder with files. */
export interface Folder {
  readonly root: string;
  write(relative: string, text: string): void;
  /** Every file below the root, relative, sorted. */
  files(): string[];
  remove(): void;
}

/** A fresh temporary folder holding `files` (relative path → text). */
export function folder(files: Readonly<Record<string, string>> = {}): Folder {
  const root = mkdtempSync(path.join(tmpdir(), 'kpic-cli-'));
  const write = (relative: string, text: string): void => {
    const file = path.join(root, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  };
  for (const [name, text] of Object.entries(files)) write(name, text);
  const list = (dir: string, prefix: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? list(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
    );
  return { root, write, files: () => list(root, '').sort(), remove: () => rmSync(root, { recursive: true, force: true }) };
}

/** The root catalog document of the sales fixture. */
export const CATALOG_YAML = 'catalog: sales\nversion: 1.2.0\ntitle: Sales test catalog\ncurrency: USD\ndata: ../data\n';

/** One source with a region dimension and a contract. */
export const SOURCE_YAML = `source: opportunities
file: opportunities.csv
key: id
time: close_date
columns:
  id: { type: string, required: true, unique: true }
  region: { type: string }
  stage: { type: string, values: [Won, Lost, Open] }
  amount: { type: money }
  cycle: { type: number }
  close_date: { type: date }
definitions:
  won: stage = 'Won'
  closed: stage in ('Won', 'Lost')
dimensions:
  region: region
`;

/** KPIs of every display unit; one deprecated. */
const KPIS_YAML = `kpi: bookings
title: Bookings
formula: sum(amount where won)
unit: money
perspective: financial
---
kpi: win_rate
title: Win rate
formula: count(opportunities where won) / count(opportunities where closed)
unit: percent
perspective: internal_process
---
kpi: deals
title: Deals won
formula: count(opportunities where won)
unit: count
---
kpi: cycle_days
title: Sales cycle
formula: avg(cycle where won)
unit: days
direction: down
---
kpi: old_deals
title: Old deal count
formula: count(opportunities)
unit: count
status: deprecated
`;

/** Six deals over two quarters of 2024 in two regions. */
export const OPPORTUNITIES_CSV = `id,region,stage,amount,cycle,close_date
1,EMEA,Won,1000,10,2024-01-15
2,EMEA,Lost,500,20,2024-02-15
3,AMER,Won,2500.5,30,2024-04-10
4,AMER,Won,300,40,2024-05-01
5,EMEA,Won,700,50,2024-06-30
6,AMER,Lost,100,60,2024-03-03
`;

/** A valid catalog with data: `catalog/` and `data/` under one root. */
export function salesFolder(overrides: Readonly<Record<string, string>> = {}): Folder {
  return folder({
    'catalog/catalog.yaml': CATALOG_YAML,
    'catalog/sources/opportunities.yaml': SOURCE_YAML,
    'catalog/kpis/kpis.yaml': KPIS_YAML,
    'data/opportunities.csv': OPPORTUNITIES_CSV,
    ...overrides,
  });
}

/**
 * Generates the example data set: a B2B subscription business's CRM, billing and HR exports over
 * the three years up to the as-of date. Every table is written into a temporary folder inside the
 * output folder and moved into place only when all of them are complete, so a failed run leaves
 * no half-written file behind.
 */
import { writeDuplicateDeals } from './duplicate-deals.js';
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { convertCsvToParquet, type ParquetColumnType } from './convert.js';
import { generateAccount } from './account-lifecycle.js';
import type { OutputFormat } from './args.js';
import { newRepBookings } from './bookings.js';
import { newCounters, type GenContext } from './context.js';
import { openCsv, type CsvWriter } from './csv-writer.js';
import { writeOrgTables, writeTraining } from './org-tables.js';
import { newQuirkCounts, type QuirkName } from './quirks.js';
import { buildPools } from './rep-pools.js';
import { buildRoster } from './roster.js';
import { TABLE_NAMES, TABLES, type ColumnType, type TableName } from './schema.js';
import { writeTargets } from './targets.js';
import { REGIONS } from './org.js';
import { plant } from './planted.js';

/** What to generate and where. */
export interface GenerateOptions {
  /** Number of opportunities. */
  readonly scale: number;
  readonly seed: number;
  readonly outDir: string;
  readonly format: OutputFormat;
}

/** What a run wrote. */
export interface GenerateSummary {
  /** Rows per table (CSV rows, header excluded), in table order. */
  readonly rows: ReadonlyMap<TableName, number>;
  /** The files moved into the output folder, as names relative to it. */
  readonly files: readonly string[];
  readonly quirks: ReadonlyMap<QuirkName, number>;
}

const PARQUET_TYPES = {
  string: 'VARCHAR',
  integer: 'BIGINT',
  money: 'DECIMAL(18,2)',
  fraction: 'DOUBLE',
  date: 'DATE',
  timestamp: 'TIMESTAMP',
} as const satisfies Record<ColumnType, ParquetColumnType>;

/** Generates every table for `options`; rejects (leaving the output folder as it was) on failure. */
export async function generateDataset(options: GenerateOptions): Promise<GenerateSummary> {
  mkdirSync(options.outDir, { recursive: true });
  const staging = join(options.outDir, `.kpic-generate-${process.pid}.tmp`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging);
  const writers = new Map<TableName, CsvWriter>();
  try {
    for (const table of TABLE_NAMES) {
      writers.set(
        table,
        openCsv(
          join(staging, `${table}.csv`),
          TABLES[table].map((c) => c.name),
        ),
      );
    }
    const quirks = writeAllTables(options, writers);
    for (const w of writers.values()) w.close();
    const rows = new Map<TableName, number>();
    for (const [table, w] of writers) rows.set(table, w.rows);

    const files: string[] = [];
    if (options.format !== 'csv') {
      await convertCsvToParquet(
        TABLE_NAMES.map((table) => ({
          csvPath: join(staging, `${table}.csv`),
          parquetPath: join(staging, `${table}.parquet`),
          columns: TABLES[table].map((c) => ({ name: c.name, type: PARQUET_TYPES[c.type] })),
        })),
      );
      files.push(...TABLE_NAMES.map((t) => `${t}.parquet`));
    }
    if (options.format !== 'parquet') files.push(...TABLE_NAMES.map((t) => `${t}.csv`));
    for (const file of files) renameSync(join(staging, file), join(options.outDir, file));
    return { rows, files, quirks };
  } finally {
    for (const w of writers.values()) w.close();
    rmSync(staging, { recursive: true, force: true });
  }
}

/** The generation proper: organisation, then account after account until `scale` deals, then targets. */
function writeAllTables(options: GenerateOptions, out: ReadonlyMap<TableName, CsvWriter>): Map<QuirkName, number> {
  const roster = buildRoster(options.seed, options.scale);
  const ctx: GenContext = {
    seed: options.seed,
    roster,
    pools: buildPools(roster),
    out,
    counters: newCounters(),
    quirks: newQuirkCounts(),
    bookings: newRepBookings(roster),
    enterpriseAccounts: REGIONS.map(() => []),
    duplicateCandidates: [],
  };
  for (const r of roster.reps) if (r.traits.gaming) plant(ctx, 'gaming_reps', r.id);
  writeOrgTables(ctx);
  writeTraining(ctx);
  for (let index = 0; ctx.counters.opportunity < options.scale; index++) {
    generateAccount(ctx, index, options.scale - ctx.counters.opportunity);
  }
  writeTargets(ctx);
  // After everything else, so the copies' ids and rows come last and move no other value.
  writeDuplicateDeals(ctx);
  return ctx.quirks;
}

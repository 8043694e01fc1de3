/**
 * The partition check: every row of a file in `year=`/`quarter=`/`month=`/`day=` folders has its
 * `time:` value within the folder's dates (or none). Partition pruning (hive-partitions.ts) leaves
 * files out by their folders alone, so a row in the wrong folder would be silently missing from a
 * pruned run; this check makes it an error on every run that reads the file.
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceDef } from '../model/types.js';
import { quoteIdentifier, stringLiteral } from '../sql/quote.js';
import { displayPath } from './data-location.js';
import type { Database } from './duckdb.js';
import type { DateRange } from './hive-partitions.js';
import { PlaceLocator } from './record-lines.js';
import { PATH_COLUMN, ROW_COLUMN, checkRelationSql } from './source-sql.js';
import type { SourceFiles } from './source-files.js';

/** Files named in one diagnostic. */
const MAX_FILES = 3;

/**
 * A `data/outside-partition` error per source whose partitioned files (`ranges`, by absolute
 * path) hold rows outside their folders' dates; empty when they all fit. `files` must have
 * passed the other checks (its values convert).
 */
export async function partitionProblems(
  db: Database,
  source: SourceDef,
  files: SourceFiles,
  ranges: ReadonlyMap<string, DateRange>,
): Promise<Diagnostic[]> {
  const time = source.time === undefined ? undefined : source.columns.get(source.time.value);
  if (time === undefined || source.time === undefined || ranges.size === 0) return [];
  const layouts = files.layouts?.map((l) => ({ ...l, paths: l.paths.filter((f) => ranges.has(f)) })).filter((l) => l.paths.length > 0);
  const partitioned: SourceFiles = { ...files, paths: files.paths.filter((f) => ranges.has(f)), layouts };
  if (partitioned.paths.length === 0) return [];
  const list = [...ranges]
    .filter(([file]) => partitioned.paths.includes(file))
    .map(([file, r]) => `(${stringLiteral(file)}, DATE ${stringLiteral(r.from)}, DATE ${stringLiteral(r.to)})`);
  const rows = `(${checkRelationSql(source, partitioned, [time], true)}) AS t`;
  const d = `CAST(t.${quoteIdentifier('v0')} AS DATE)`;
  const found = await db.query(
    `SELECT t.${quoteIdentifier(PATH_COLUMN)} AS path, count(*) AS n, min(t.${quoteIdentifier(ROW_COLUMN)}) AS row, arg_min(CAST(t.${quoteIdentifier('v0')} AS VARCHAR), t.${quoteIdentifier(ROW_COLUMN)}) AS value, p.lo AS lo, p.hi AS hi
     FROM ${rows} JOIN (VALUES ${list.join(', ')}) AS p(path, lo, hi) ON t.${quoteIdentifier(PATH_COLUMN)} = p.path
     WHERE ${d} < p.lo OR ${d} >= p.hi
     GROUP BY t.${quoteIdentifier(PATH_COLUMN)}, p.lo, p.hi ORDER BY 1`,
  );
  if (found.length === 0) return [];
  const offending = found.map((r) => ({
    path: String(r['path']),
    row: Number(r['row']),
    n: Number(r['n']),
    value: String(r['value']),
    lo: String(r['lo']),
    hi: String(r['hi']),
  }));
  const locator = new PlaceLocator(source, partitioned);
  locator.prepare(offending.slice(0, MAX_FILES));
  const total = offending.reduce((sum, f) => sum + f.n, 0);
  const first = offending[0];
  if (first === undefined) return [];
  const shown = offending
    .slice(0, MAX_FILES)
    .map((f) => `\`${displayPath(f.path)}\` (${f.n.toLocaleString('en-US')}, first \`${f.value}\` at ${locator.line(f)})`)
    .join(', ');
  const more = offending.length > MAX_FILES ? `, and ${offending.length - MAX_FILES} more files` : '';
  return [
    diagnostic(
      'data/outside-partition',
      source.time.span,
      `${total.toLocaleString('en-US')} rows of source \`${source.id}\` have a \`${time.name}\` outside the dates of their partition folder: ${shown}${more}`,
      {
        hint: `a file under \`year=\`, \`quarter=\`, \`month=\` or \`day=\` folders must hold only rows whose \`${time.name}\` (the source's \`time:\`) falls in them (the first file's folder holds ${first.lo} to the day before ${first.hi}); move the rows, or rename folders that partition another column (\`created_year=2025\`)`,
        location: locator.locate(first, time),
      },
    ),
  ];
}

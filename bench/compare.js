/**
 * Compares two long-format result files (`kpi,period,<dims…>,value[,…]` CSV, as `kpic run --format
 * csv` and bench/run-sql.js write them): the same cells on both sides, and every value equal
 * within a relative tolerance (nulls equal only to nulls).
 *
 * Usage as a module: compareResults(aText, bText, { tolerance }) → { cells, mismatches, … }.
 * Usage as a script: node bench/compare.js A.csv B.csv [--tolerance 1e-9]
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Splits one CSV line (RFC 4180 quotes). */
function splitCsvLine(line) {
  const out = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(field);
      field = '';
    } else field += ch;
  }
  out.push(field);
  return out;
}

/** Cells of a result CSV: key `kpi|period|dim…` → number or null. Empty fields are nulls. */
export function readCells(text, label) {
  const lines = text.split(/\r?\n/).filter((l) => l !== '');
  const header = splitCsvLine(lines[0] ?? '');
  // Columns after `value` (kpic's `complete`, `as_of`) describe the cell; they are not compared.
  const at = header.indexOf('value');
  if (header[0] !== 'kpi' || header[1] !== 'period' || at < 2) {
    throw new Error(`${label}: expected a header kpi,period,…,value, got ${header.join(',')}`);
  }
  const cells = new Map();
  for (const line of lines.slice(1)) {
    const fields = splitCsvLine(line);
    const key = fields.slice(0, at).join('|');
    const raw = fields[at] ?? '';
    const value = raw === '' ? null : Number(raw);
    if (value !== null && Number.isNaN(value)) throw new Error(`${label}: not a number in ${line}`);
    if (cells.has(key)) throw new Error(`${label}: the cell ${key} appears twice`);
    cells.set(key, value);
  }
  return { header, cells };
}

/** Whether two values agree: both null, or within `tolerance` relative to the larger magnitude. */
export function agree(a, b, tolerance) {
  if (a === null || b === null) return a === b;
  if (a === b) return true;
  return Math.abs(a - b) <= tolerance * Math.max(Math.abs(a), Math.abs(b));
}

/**
 * Compares result A with result B. Returns the number of cells compared, the worst relative
 * difference seen, and every disagreement: cells only on one side, or values that differ.
 */
export function compareResults(aText, bText, { tolerance = 1e-9, labels = ['A', 'B'] } = {}) {
  const a = readCells(aText, labels[0]);
  const b = readCells(bText, labels[1]);
  const mismatches = [];
  let worst = 0;
  for (const [key, av] of a.cells) {
    if (!b.cells.has(key)) {
      mismatches.push({ key, [labels[0]]: av, [labels[1]]: 'missing' });
      continue;
    }
    const bv = b.cells.get(key);
    if (av !== null && bv !== null && av !== bv) worst = Math.max(worst, Math.abs(av - bv) / Math.max(Math.abs(av), Math.abs(bv)));
    if (!agree(av, bv, tolerance)) mismatches.push({ key, [labels[0]]: av, [labels[1]]: bv });
  }
  for (const [key, bv] of b.cells) if (!a.cells.has(key)) mismatches.push({ key, [labels[0]]: 'missing', [labels[1]]: bv });
  return { cells: a.cells.size, worst, mismatches, kpis: new Set([...a.cells.keys()].map((k) => k.split('|')[0])).size };
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [fa, fb] = process.argv.slice(2).filter((x) => !x.startsWith('--'));
  const t = process.argv.indexOf('--tolerance');
  const tolerance = t < 0 ? 1e-9 : Number(process.argv[t + 1]);
  if (fa === undefined || fb === undefined) {
    console.error('usage: node bench/compare.js A.csv B.csv [--tolerance 1e-9]');
    process.exit(2);
  }
  const r = compareResults(readFileSync(fa, 'utf8'), readFileSync(fb, 'utf8'), { tolerance, labels: [fa, fb] });
  console.log(
    `${r.cells} cells of ${r.kpis} KPIs compared; worst relative difference ${r.worst.toExponential(2)}; ${r.mismatches.length} disagreements`,
  );
  for (const m of r.mismatches.slice(0, 50)) console.log(JSON.stringify(m));
  process.exit(r.mismatches.length === 0 ? 0 : 1);
}

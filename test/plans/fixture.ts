/**
 * A small catalog for plan tests: reps with dated positions (a hierarchy over `positions`), deals
 * credited to their owner, and a plan written by each test. Data files are written to a temporary
 * folder so that payouts are computed by the real engine on real files.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The catalog files, without plans. */
const BASE_FILES: Readonly<Record<string, string>> = {
  'catalog.yaml': 'catalog: pay\ncurrency: USD\ndata: ../data\n',
  'sources/positions.yaml': `source: positions
file: positions.csv
columns:
  rep_id:     { type: string, required: true }
  role:       { type: string, required: true }
  team:       { type: string }
  valid_from: { type: date, required: true }
  valid_to:   { type: date }
`,
  'sources/deals.yaml': `source: deals
file: deals.csv
key: deal_id
time: close_date
columns:
  deal_id:    { type: string, required: true, unique: true }
  owner_id:   { type: string, required: true }
  stage:      { type: string, required: true, values: [Won, Lost, Cancelled] }
  amount:     { type: money }
  term:       { type: integer }
  product:    { type: string }
  discount:   { type: percent }
  close_date: { type: date, required: true }
  cancelled_date: { type: date }
definitions:
  won: stage in ('Won', 'Cancelled')
dimensions:
  rep: owner_id
`,
  'kpis/deals.yaml': `kpi: bookings
formula: sum(amount where won)
unit: money
---
kpi: deals_won
formula: count(deals where won)
unit: count
`,
  'hierarchies/org.yaml': `hierarchy: org
source: positions
member: rep_id
dimension: rep
valid_from: valid_from
valid_to: valid_to
levels:
  - level: company
  - level: team
    value: team
  - level: rep
`,
};

/** A split source (deal, rep, share, revenue or overlay) for plans with `splits:`, file deal_splits.csv. */
export const SPLITS_SOURCE = `source: deal_splits
file: deal_splits.csv
columns:
  deal_id: { type: string, required: true }
  rep_id:  { type: string, required: true }
  share:   { type: percent, required: true }
  kind:    { type: string, required: true, values: [Revenue, Overlay] }
`;

/**
 * Writes the catalog (with `plans`, file name → text, and `more` catalog files by path) and data
 * (file name → CSV); returns the catalog folder.
 */
export function writeFixture(
  plans: Readonly<Record<string, string>>,
  data: Readonly<Record<string, string>>,
  more: Readonly<Record<string, string>> = {},
): string {
  const root = mkdtempSync(path.join(tmpdir(), 'kpic-plans-'));
  const files = { ...BASE_FILES, ...more, ...Object.fromEntries(Object.entries(plans).map(([k, v]) => [`plans/${k}`, v])) };
  for (const [file, text] of Object.entries(files)) {
    const target = path.join(root, 'catalog', file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
  mkdirSync(path.join(root, 'data'), { recursive: true });
  for (const [file, text] of Object.entries(data)) writeFileSync(path.join(root, 'data', file), text);
  return path.join(root, 'catalog');
}

/** In-memory catalog files with `plans` added (for checks without data). */
export function catalogFiles(plans: Readonly<Record<string, string>>): Map<string, string> {
  const files = new Map(Object.entries(BASE_FILES));
  for (const [k, v] of Object.entries(plans)) files.set(`plans/${k}`, v);
  return files;
}

/**
 * Generates a realistic catalog of N KPIs for the validation benchmark: one domain per 50 KPIs,
 * each with a fact source (deals, 12 columns, 2 joins, definitions, dimensions), a reps and an
 * accounts source, a fixed-rows lookup and a KPI-computed lookup; KPIs spread over files of 25
 * documents, with titles, descriptions, owners, targets and thresholds. About 45% are base
 * aggregates (filters through definitions, joined columns, a second time anchor, lookups), the
 * rest derived: ratios of other KPIs, windows (rolling, prior, change, growth, to_date), total,
 * per / hhi / top_share. Every formula is valid: validation must report no error.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const KPIS_PER_DOMAIN = 50;
const DOCS_PER_FILE = 25;

function sources(d) {
  return `source: deals_${d}
title: Opportunities of business unit ${d} (CRM export)
file: bu${d}/opportunities.csv
key: opportunity_id
time: close_date
columns:
  opportunity_id: { type: string, required: true, unique: true }
  account_id:     { type: string, required: true }
  owner_id:       { type: string, required: true }
  stage:          { type: string, required: true, values: [Prospecting, Discovery, Proposal, Negotiation, Closed Won, Closed Lost] }
  amount:         { type: money }
  discount:       { type: percent }
  created_date:   { type: date, required: true }
  close_date:     { type: date, required: true, from: "Close Date", format: "%m/%d/%Y" }
  type:           { type: string, values: [New Business, Expansion, Renewal] }
  source_channel: { type: string }
  probability:    { type: percent }
  is_partner:     { type: boolean }
joins:
  account: { to: accounts_${d}, on: account_id }
  owner:   { to: reps_${d}, on: owner_id }
definitions:
  won: stage = 'Closed Won'
  lost: stage = 'Closed Lost'
  closed: won or lost
  open: not closed
  new_logo: type = 'New Business'
  large: amount >= 100000
  discounted: discount > 10%
dimensions:
  region: owner.region
  team: owner.team
  rep: owner_id
  segment: account.segment
  industry: account.industry
  size_band: if(amount >= 100000, 'Large', 'Standard')
---
source: reps_${d}
file: bu${d}/reps.csv
key: rep_id
columns:
  rep_id:     { type: string, required: true, unique: true }
  name:       { type: string }
  region:     { type: string, values: [AMER, EMEA, APAC, LATAM] }
  team:       { type: string }
  hire_date:  { type: date }
  quota:      { type: money }
dimensions:
  region: region
  team: team
---
source: accounts_${d}
file: bu${d}/accounts.csv
key: account_id
columns:
  account_id: { type: string, required: true, unique: true }
  segment:    { type: string, values: [SMB, MM, ENT] }
  industry:   { type: string }
  employees:  { type: integer }
dimensions:
  segment: segment
  industry: industry
---
lookup: stage_weight_${d}
key: stage
rows: { Prospecting: 0.05, Discovery: 0.1, Proposal: 0.3, Negotiation: 0.6 }
---
lookup: rep_win_rate_${d}
key: owner_id
value: win_rate_${d}_0
window: 4 quarters
`;
}

/** Base aggregates over domain d's source s (`${s}.column` or `count(${s} …)` pins the source). */
const BASE = [
  (s) => ({ f: `sum(${s}.amount where won)`, unit: 'money' }),
  (s) => ({ f: `count(${s} where closed)`, unit: 'count' }),
  (s) => ({ f: `count(${s} where won)`, unit: 'count' }),
  (s) => ({ f: `sum(${s}.amount where won and new_logo)`, unit: 'money' }),
  (s) => ({ f: `avg(days_between(${s}.created_date, close_date) where won)`, unit: 'days' }),
  (s) => ({ f: `count_distinct(${s}.account_id where won and segment = 'ENT')`, unit: 'count' }),
  (s) => ({ f: `sum(${s}.amount where open on created_date)`, unit: 'money' }),
  (s) => ({ f: `median(${s}.amount where won and region in ('EMEA', 'APAC'))`, unit: 'money' }),
  (s) => ({ f: `sum(${s}.amount * stage_weight_${s.slice(6)}[stage] where open)`, unit: 'money' }),
  (s) => ({ f: `sum(${s}.account.employees where won and account.industry is not null)`, unit: 'number' }),
  (s) => ({ f: `percentile(${s}.amount, 0.9 where won and not discounted)`, unit: 'money' }),
  (s) => ({ f: `count(${s} where lost and amount between 10000 and 50000 and source_channel != 'Partner')`, unit: 'count' }),
  (s) => ({ f: `sum(${s}.amount * (1 - coalesce(discount, 0)) where won and large)`, unit: 'money' }),
  (s) => ({ f: `max(${s}.amount where won and year(close_date) >= 2024)`, unit: 'money' }),
  (s) => ({ f: `sum(rep_win_rate_${s.slice(6)}[${s}.owner_id] on created_date)`, unit: undefined }),
];

/** Derived KPIs over earlier KPIs a, b (ids) of the same domain and its source s. */
const DERIVED = [
  (a, b) => ({ f: `${a} / ${b}` }),
  (a) => ({ f: `rolling(${a}, 3 months)` }),
  (a) => ({ f: `growth(${a}, 1 year)` }),
  (a) => ({ f: `change(${a}, 1 quarter)` }),
  (a) => ({ f: `to_date(${a}, year)` }),
  (a) => ({ f: `${a} / total(${a})` }),
  (a) => ({ f: `prior(${a}, 1 year)` }),
  (a, b, s) => ({ f: `avg(sum(${s}.amount where won) per owner_id)` }),
  (a, b, s) => ({ f: `hhi(sum(${s}.amount where won) per account_id)` }),
  (a, b, s) => ({ f: `top_share(sum(${s}.amount where won) per account_id, 10)` }),
  (a, b) => ({ f: `rolling(${a}, 6 months) / rolling(${b}, 6 months)` }),
  (a) => ({ f: `if(prior(${a}, 1 month) > 0, ${a} / prior(${a}, 1 month) - 1, null)` }),
];

function kpiDoc(id, domain, formula, unit, i) {
  const lines = [
    `kpi: ${id}`,
    `title: KPI ${i} of business unit ${domain}`,
    `description: Generated benchmark KPI number ${i} of business unit ${domain}.`,
    `formula: ${JSON.stringify(formula)}`,
  ];
  if (unit !== undefined) lines.push(`unit: ${unit}`);
  lines.push(
    `direction: ${i % 5 === 4 ? 'down' : 'up'}`,
    `indicator: ${i % 2 === 0 ? 'lagging' : 'leading'}`,
    `perspective: ${['financial', 'customer', 'internal_process', 'learning_growth'][i % 4]}`,
    `owner: sales_ops`,
    `refresh: ${['daily', 'weekly', 'monthly'][i % 3]}`,
    `status: active`,
  );
  if (i % 4 === 0 && unit !== undefined)
    lines.push(`target: ${unit === 'percent' ? 0.3 : 1000 * (i + 1)}`, 'thresholds: { green: 1.0, amber: 0.85 }');
  return lines.join('\n');
}

/** The KPIs of domain d: ids `k_${d}_${i}`; `win_rate_${d}_0` feeds the rep lookup. */
function domainKpis(d, count) {
  const s = `deals_${d}`;
  const docs = [kpiDoc(`win_rate_${d}_0`, d, `count(${s} where won) / count(${s} where closed)`, 'percent', 0)];
  const ids = [];
  for (let i = 1; i < count; i++) {
    const id = `k_${d}_${i}`;
    if (ids.length < 4 || i % 20 < 9) {
      const { f, unit } = BASE[i % BASE.length](s);
      docs.push(kpiDoc(id, d, f, unit, i));
    } else {
      // Reference recent KPIs, so the dependency graph has depth as well as breadth.
      const a = ids[ids.length - 1 - (i % 3)];
      const b = ids[ids.length - 2 - (i % 2)];
      const { f } = DERIVED[i % DERIVED.length](a, b, s);
      docs.push(kpiDoc(id, d, f, undefined, i));
    }
    ids.push(id);
  }
  return docs;
}

/** Writes a catalog of `kpis` KPIs into `dir`; returns the number of files written. */
export function writeCatalog(dir, kpis) {
  const root = `catalog: bench_validate\nversion: 1.0.0\ntitle: Validation benchmark (${kpis} KPIs)\ncurrency: USD\ndata: data\ncalendar:\n  fiscal_year_start: 2\n  week_start: monday\n`;
  return writeUnits(dir, kpis, root, domainKpis);
}

/**
 * Writes `root` as catalog.yaml, then one business unit per 50 KPIs: its sources (`sources(d)`)
 * and the KPI documents `kpisOf(d, count)` in files of 25. Returns the number of files written.
 */
export function writeUnits(dir, kpis, root, kpisOf) {
  mkdirSync(path.join(dir, 'sources'), { recursive: true });
  mkdirSync(path.join(dir, 'kpis'), { recursive: true });
  writeFileSync(path.join(dir, 'catalog.yaml'), root);
  let files = 1;
  const domains = Math.ceil(kpis / KPIS_PER_DOMAIN);
  for (let d = 0; d < domains; d++) {
    writeFileSync(path.join(dir, 'sources', `bu${d}.yaml`), sources(d));
    files++;
    const docs = kpisOf(d, Math.min(KPIS_PER_DOMAIN, kpis - d * KPIS_PER_DOMAIN));
    for (let f = 0; f * DOCS_PER_FILE < docs.length; f++) {
      writeFileSync(
        path.join(dir, 'kpis', `bu${d}-${f}.yaml`),
        `${docs.slice(f * DOCS_PER_FILE, (f + 1) * DOCS_PER_FILE).join('\n---\n')}\n`,
      );
      files++;
    }
  }
  return files;
}

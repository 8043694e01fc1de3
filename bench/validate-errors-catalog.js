/**
 * Generates a catalog of N KPIs in which nearly every KPI has a mistake, for the benchmark of
 * validation with errors (issue 10, item 7): one business unit per 50 KPIs with the sources of
 * bench/validate-catalog.js (so the number of sources, columns and lookups grows with N too),
 * and KPIs cycling through the mistakes people make:
 *   0  a typo in a KPI name                      `k_3_7x / k_3_6`          (did-you-mean over every KPI)
 *   1  a typo in a column, no source named       `sum(amout where won)`    (source inference over every source)
 *   2  a typo in a column of a named source      `sum(deals_3.amout …)`
 *   3  a typo in a function name                 `sume(deals_3.amount …)`
 *   4  a typo in a source name                   `count(deal_3 where …)`   (no source has it: every name)
 *   5  a typo in a lookup name                   `stage_wieght_3[stage]`   (did-you-mean over every lookup)
 *   6  a typo in a `per` key                      `… per ownr_id`
 *   7  a typo in an enum value of the YAML        `unit: monye`
 * Every mistake has a near name, so each diagnostic carries a did-you-mean.
 */
import { writeUnits } from './validate-catalog.js';

/** The mistakes, by KPI number modulo 8: formula and unit (d: unit, s: its source, prev: an earlier KPI). */
const MISTAKES = [
  (d, s, prev) => ({ f: `${prev}x / ${prev}`, unit: 'ratio' }),
  () => ({ f: 'sum(amout where won)', unit: 'money' }),
  (d, s) => ({ f: `sum(${s}.amout where won)`, unit: 'money' }),
  (d, s) => ({ f: `sume(${s}.amount where won)`, unit: 'money' }),
  (d) => ({ f: `count(deal_${d} where closed)`, unit: 'count' }),
  (d, s) => ({ f: `sum(${s}.amount * stage_wieght_${d}[stage] where open)`, unit: 'money' }),
  (d, s) => ({ f: `avg(sum(${s}.amount where won) per ownr_id)`, unit: 'money' }),
  (d, s) => ({ f: `sum(${s}.amount where won)`, unit: 'monye' }),
];

/** The KPIs of unit d: `win_rate_${d}_0` (valid: the rep lookup reads it), then mistakes. */
function domainKpis(d, count) {
  const s = `deals_${d}`;
  const docs = [`kpi: win_rate_${d}_0\ntitle: Win rate ${d}\nformula: count(${s} where won) / count(${s} where closed)\nunit: percent`];
  for (let i = 1; i < count; i++) {
    const prev = i > 1 ? `k_${d}_${i - 1}` : `win_rate_${d}_0`;
    const { f, unit } = MISTAKES[i % MISTAKES.length](d, s, prev);
    docs.push(`kpi: k_${d}_${i}\ntitle: KPI ${i} of business unit ${d}\nformula: ${JSON.stringify(f)}\nunit: ${unit}\nowner: sales_ops`);
  }
  return docs;
}

/** Writes the catalog of `kpis` KPIs into `dir`; returns the number of files written. */
export function writeErrorCatalog(dir, kpis) {
  const root = `catalog: bench_validate_errors\nversion: 1.0.0\ntitle: Validation benchmark with errors (${kpis} KPIs)\ncurrency: USD\ndata: data\n`;
  return writeUnits(dir, kpis, root, domainKpis);
}

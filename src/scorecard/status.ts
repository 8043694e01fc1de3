/**
 * Status rules, evaluated with json-rules-engine: an ordered rule set per set of levels — green
 * when the measure reaches the green level, else amber when it reaches the amber level, else red —
 * where "reaches" means at or above when higher is better and at or below when lower is better.
 * One engine per distinct rule set, built once.
 */
import { Engine, type RuleProperties } from 'json-rules-engine';

/** A status; `none` when there is nothing to judge (no value or no target). */
export type Status = 'green' | 'amber' | 'red' | 'none';

/** The levels of an ordered rule set. */
export interface StatusRules {
  readonly green: number;
  readonly amber: number;
  /** `higher`: at or above a level reaches it; `lower`: at or below. */
  readonly better: 'higher' | 'lower';
}

const engines = new Map<string, Engine>();

function engineFor(rules: StatusRules): Engine {
  const key = `${rules.green}|${rules.amber}|${rules.better}`;
  let engine = engines.get(key);
  if (engine === undefined) {
    const operator = rules.better === 'higher' ? 'greaterThanInclusive' : 'lessThanInclusive';
    const rule = (status: 'green' | 'amber', level: number, priority: number): RuleProperties => ({
      name: status,
      priority,
      conditions: { all: [{ fact: 'measure', operator, value: level }] },
      event: { type: status },
    });
    engine = new Engine([rule('green', rules.green, 2), rule('amber', rules.amber, 1)], { allowUndefinedFacts: false });
    engines.set(key, engine);
  }
  return engine;
}

/** The status of `measure` under `rules`; `none` for a missing measure. */
export async function evaluateStatus(measure: number | null, rules: StatusRules): Promise<Status> {
  if (measure === null || Number.isNaN(measure)) return 'none';
  // json-rules-engine compares with plain JavaScript operators, so ±Infinity is handled too.
  const { events } = await engineFor(rules).run({ measure });
  const types = new Set(events.map((e) => e.type));
  if (types.has('green')) return 'green';
  if (types.has('amber')) return 'amber';
  return 'red';
}

/**
 * Keeping the busiest figures ready: the scorecard of the whole organisation and of each node one
 * level down, as every viewer who sees all rows shares them, computed when the server starts and
 * again as soon as each refresh boundary passes — so the first executive of the day does not wait
 * for them. Runs in the background; a failure is left for the page to report.
 */
import type { Dashboard } from './dashboard.js';
import { nodeAtText } from './node-path.js';
import { computedScorecard } from './scorecard-view.js';

/** Computes the top scorecards of the latest period (for viewers who see every row). */
export async function warmScorecards(d: Dashboard): Promise<Date | undefined> {
  const dates = (await d.dates()).value;
  if ('ok' in dates) return undefined;
  const org = await d.organisation(dates.latest);
  if ('ok' in org) return undefined;
  const all = (): boolean => true;
  let next: Date | undefined;
  for (const node of [org.tree, ...org.tree.children]) {
    const at = nodeAtText(d.hierarchy, node);
    if (at === undefined) continue;
    const got = await computedScorecard(d, undefined, dates.latest.label, node.key, at, 'all', all);
    if (next === undefined || got.next < next) next = got.next;
  }
  return next;
}

/** Warms now and after every refresh boundary until stopped. */
export function keepWarm(d: Dashboard): () => void {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const run = async (): Promise<void> => {
    let next: Date | undefined;
    try {
      next = await warmScorecards(d);
    } catch {
      next = undefined;
    }
    if (stopped) return;
    const wait = next === undefined ? 3600_000 : Math.max(1000, next.getTime() - d.now().getTime() + 1000);
    timer = setTimeout(() => void run(), Math.min(wait, 24 * 3600_000));
    timer.unref();
  };
  void run();
  return () => {
    stopped = true;
    if (timer !== undefined) clearTimeout(timer);
  };
}

/**
 * "Did you mean …?" suggestions: the nearest candidate by edit distance (with transpositions),
 * only when it is close enough to be a plausible typo.
 */
import { NameIndex } from './name-index.js';
import { yamlScalar } from './yaml-scalar.js';

/** Optimal-string-alignment distance: insertions, deletions, substitutions, adjacent swaps. */
export function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  if (m === 0) return n;
  if (n === 0) return m;
  let prev2: number[] = new Array<number>(n + 1).fill(0);
  let prev: number[] = Array.from({ length: n + 1 }, (_, j) => j);
  let cur: number[] = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        v = Math.min(v, (prev2[j - 2] ?? 0) + 1);
      }
      cur[j] = v;
    }
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n] ?? 0;
}

/**
 * The candidate nearest to `name`, or undefined when none is within a third of the name's length
 * (at least 1, at most 3 edits). Case differences count as half an edit, so `Amount` → `amount`.
 * Pass a {@link NameIndex} built once when the candidates are many and the queries repeated.
 */
export function closestName(name: string, candidates: Iterable<string> | NameIndex): string | undefined {
  return (candidates instanceof NameIndex ? candidates : new NameIndex(candidates)).closest(name);
}

/** `did you mean \`x\`?` for the nearest candidate, or undefined. */
export function didYouMean(name: string, candidates: Iterable<string> | NameIndex): string | undefined {
  const best = closestName(name, candidates);
  return best === undefined ? undefined : `did you mean \`${best}\`?`;
}

/**
 * `did you mean \`x\`?` for a value written in YAML (an id after `to:`, a header after `from:`, a
 * file after `file:`): the nearest candidate as it must be written there, quoted when plain text
 * would not read back as that string (see {@link yamlScalar}).
 */
export function didYouMeanInYaml(name: string, candidates: Iterable<string> | NameIndex): string | undefined {
  const best = closestName(name, candidates);
  return best === undefined ? undefined : `did you mean \`${yamlScalar(best)}\`?`;
}

/** `did you mean \`a\`, \`b\` or \`c\`?` for every one of `options` (none: undefined). */
export function didYouMeanAny(options: readonly string[]): string | undefined {
  if (options.length === 0) return undefined;
  const quoted = options.map((o) => `\`${o}\``);
  const last = quoted.pop() ?? '';
  return `did you mean ${quoted.length === 0 ? last : `${quoted.join(', ')} or ${last}`}?`;
}

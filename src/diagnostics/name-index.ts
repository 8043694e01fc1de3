/**
 * A set of names prepared for "did you mean …?" queries that stay cheap when the set is large
 * (150,000 KPI ids) and the queries are many (one per unknown name).
 *
 * The names are kept lower-cased, distinct and sorted, which lays them out as a trie: the names
 * that share a prefix are one run of the array. A query explores that trie best first, carrying
 * for each prefix one row of the edit-distance table against the query. No name below a prefix
 * can be nearer than the smallest value of its row, so prefixes are explored in order of that
 * bound (0, then 1, up to the query's limit), a prefix whose bound exceeds the limit is never
 * entered, and the search ends once the nearest name found is nearer than every prefix left. The
 * result is exactly that of comparing with every name; only the work differs. A query also stops
 * after {@link MAX_CELLS} table cells, keeping the best name found so far: in a large set of
 * near-identical names a suggestion may then be missed, but one is never wrong.
 */

/** The most edit-distance cells one query computes (about a millisecond of work). */
const MAX_CELLS = 100_000;

/**
 * How many edits a name of this length may be away from a suggestion: a third of its length, at
 * least 1, at most 3.
 */
export function suggestionLimit(name: string): number {
  return Math.min(3, Math.max(1, Math.floor(name.length / 3)));
}

/** Names prepared for repeated nearest-name queries ({@link NameIndex.closest}). */
export class NameIndex {
  /** How many distinct names the index holds. */
  readonly size: number;
  /** The distinct names, in their first-seen order. */
  readonly names: readonly string[];
  private readonly keys: readonly string[];
  private readonly spellings: ReadonlyMap<string, readonly string[]>;

  /** Indexes `names` (duplicates are kept once). */
  constructor(names: Iterable<string>) {
    const distinct = [...new Set(names)];
    const spellings = new Map<string, string[]>();
    for (const n of distinct) {
      const key = n.toLowerCase();
      const list = spellings.get(key);
      if (list === undefined) spellings.set(key, [n]);
      else list.push(n);
    }
    this.names = distinct;
    this.size = distinct.length;
    this.spellings = spellings;
    this.keys = [...spellings.keys()].sort();
  }

  /**
   * The name nearest to `name` by edit distance with adjacent transpositions, ignoring case, or
   * undefined when none is within {@link suggestionLimit}. A difference of case alone counts as
   * half an edit (`Amount` → `amount`); `name` itself is never suggested; ties go to the name
   * that sorts first.
   */
  closest(name: string): string | undefined {
    const limit = suggestionLimit(name);
    const query = name.toLowerCase();
    const width = query.length + 1;
    const keys = this.keys;
    // The table rows of the prefixes explored, one after the other (row i at i × width).
    let rows = new Int32Array(width * 64);
    let used = 1;
    for (let j = 0; j < width; j++) rows[j] = j;
    // One stack of prefixes to explore per bound 0..limit.
    const buckets: Prefix[][] = Array.from({ length: limit + 1 }, () => []);
    buckets[0]?.push({ lo: 0, hi: keys.length, depth: 0, row: 0, parent: -1 });
    let best: string | undefined;
    let bestScore = Infinity;
    let cells = 0;
    for (let bound = 0; bound <= limit && bound <= bestScore && cells < MAX_CELLS; bound++) {
      const stack = buckets[bound] ?? [];
      for (let prefix = stack.pop(); prefix !== undefined && cells < MAX_CELLS; prefix = stack.pop()) {
        let { lo } = prefix;
        const { hi, depth, row } = prefix;
        const first = keys[lo] ?? '';
        if (first.length === depth) {
          // The prefix is a name itself.
          const distance = rows[row * width + width - 1] ?? Infinity;
          for (const spelling of distance <= limit ? (this.spellings.get(first) ?? []) : []) {
            if (spelling === name) continue;
            const score = distance === 0 ? 0.5 : distance;
            if (score < bestScore || (score === bestScore && best !== undefined && spelling < best)) {
              best = spelling;
              bestScore = score;
            }
          }
          lo++;
        }
        while (lo < hi) {
          const key = keys[lo] ?? '';
          const end = endOfRun(keys, lo, hi, depth, key.charCodeAt(depth));
          if ((used + 1) * width > rows.length) {
            const grown = new Int32Array(rows.length * 2);
            grown.set(rows);
            rows = grown;
          }
          const min = fillRow(rows, width, used, row, prefix.parent, query, key, depth + 1);
          cells += width;
          if (min <= limit) buckets[min]?.push({ lo, hi: end, depth: depth + 1, row: used++, parent: row });
          lo = end;
        }
      }
    }
    return best;
  }
}

/** A run keys[lo..hi) of the sorted keys sharing their first `depth` characters. */
interface Prefix {
  readonly lo: number;
  readonly hi: number;
  readonly depth: number;
  /** Where its row of edit distances against every prefix of the query is kept. */
  readonly row: number;
  /** The same for the prefix one character shorter (for adjacent swaps); -1 at the root. */
  readonly parent: number;
}

/**
 * Fills row `at` of `rows`: the edit distances between the first `depth` characters of `key` and
 * every prefix of `query` (optimal string alignment: insertions, deletions, substitutions,
 * adjacent swaps), from row `up` (one character shorter) and row `up2` (two shorter, -1 for
 * none). Returns the row's smallest value: no name starting with this prefix is nearer.
 */
function fillRow(rows: Int32Array, width: number, at: number, up: number, up2: number, query: string, key: string, depth: number): number {
  const r = at * width;
  const u = up * width;
  const u2 = up2 * width;
  const c = key.charCodeAt(depth - 1);
  const before = depth > 1 ? key.charCodeAt(depth - 2) : -1;
  rows[r] = depth;
  let rowMin = depth;
  for (let j = 1; j < width; j++) {
    const q = query.charCodeAt(j - 1);
    let v = Math.min((rows[u + j] as number) + 1, (rows[r + j - 1] as number) + 1, (rows[u + j - 1] as number) + (q === c ? 0 : 1));
    if (up2 >= 0 && j > 1 && q === before && query.charCodeAt(j - 2) === c) v = Math.min(v, (rows[u2 + j - 2] as number) + 1);
    rows[r + j] = v;
    if (v < rowMin) rowMin = v;
  }
  return rowMin;
}

/** The end of the run of keys[lo..hi) whose character at `depth` is `c` (keys are sorted). */
function endOfRun(keys: readonly string[], lo: number, hi: number, depth: number, c: number): number {
  let a = lo + 1;
  let b = hi;
  while (a < b) {
    const mid = (a + b) >>> 1;
    if ((keys[mid] ?? '').charCodeAt(depth) === c) a = mid + 1;
    else b = mid;
  }
  return a;
}

/**
 * What the resolver looks up across the whole catalog, built once per catalog and only when first
 * needed: which sources have a name, and the name sets behind "did you mean …?" hints. Without
 * it, every aggregate and every unknown name walked every source and compared with every KPI,
 * so validating a large catalog with many mistakes took time quadratic in its size.
 */
import { NameIndex } from '../diagnostics/name-index.js';
import type { Catalog, SourceDef } from '../model/types.js';

/** Of the sources that have the most of some names: how many names that is, and which sources. */
export interface BestSources {
  readonly best: number;
  readonly sources: readonly SourceDef[];
}

const INDEXES = new WeakMap<Catalog, CatalogIndex>();

/** The one {@link CatalogIndex} of `catalog`, shared by every check of it. */
export function catalogIndex(catalog: Catalog): CatalogIndex {
  let index = INDEXES.get(catalog);
  if (index === undefined) {
    index = new CatalogIndex(catalog);
    INDEXES.set(catalog, index);
  }
  return index;
}

/** Lazily built indexes over one catalog. */
export class CatalogIndex {
  private byName: Map<string, SourceDef[]> | undefined;
  private dimensionNames: Set<string> | undefined;
  private readonly built = new Map<string, NameIndex>();
  private readonly sets = new Map<string, ReadonlySet<SourceDef>>();
  private readonly bestByNames = new Map<string, BestSources>();
  private owners: Map<string, string> | undefined;

  /** An index over `catalog`; nothing is computed until asked. */
  constructor(private readonly catalog: Catalog) {}

  /** The sources that have `name` as a column, definition, dimension or join, in catalog order. */
  sourcesWith(name: string): readonly SourceDef[] {
    if (this.byName === undefined) {
      this.byName = new Map();
      for (const source of this.catalog.sources.values()) {
        for (const n of new Set(sourceNames(source))) {
          const list = this.byName.get(n);
          if (list === undefined) this.byName.set(n, [source]);
          else list.push(source);
        }
      }
    }
    return this.byName.get(name) ?? [];
  }

  /** The sources that have every one of `names` (each name: {@link sourcesWith}), in catalog order. */
  sourcesWithAll(names: readonly string[]): readonly SourceDef[] {
    const distinct = [...new Set(names)].sort((a, b) => this.sourcesWith(a).length - this.sourcesWith(b).length);
    const [shortest, ...rest] = distinct;
    if (shortest === undefined) return [...this.catalog.sources.values()];
    const first = this.sourcesWith(shortest);
    if (first.length === 0 || rest.length === 0) return first;
    const others = rest.map((n) => this.sourceSetWith(n));
    return first.filter((s) => others.every((set) => set.has(s)));
  }

  /** {@link sourcesWith} as a set, made once per name. */
  private sourceSetWith(name: string): ReadonlySet<SourceDef> {
    let set = this.sets.get(name);
    if (set === undefined) {
      set = new Set(this.sourcesWith(name));
      this.sets.set(name, set);
    }
    return set;
  }

  /**
   * The sources that have the most of `names` and how many that is (0 when none has any). Kept
   * per set of names, since many aggregates use the same ones.
   */
  bestSources(names: readonly string[]): BestSources {
    // A name no source has counts for none: the key leaves it out, so typos share an entry.
    const known = [...new Set(names)].filter((n) => this.sourcesWith(n).length > 0).sort();
    const key = known.join('\u0000');
    const cached = this.bestByNames.get(key);
    if (cached !== undefined) return cached;
    const counts = new Map<SourceDef, number>();
    for (const n of known) for (const s of this.sourcesWith(n)) counts.set(s, (counts.get(s) ?? 0) + 1);
    const best = Math.max(0, ...counts.values());
    const sources = best === 0 ? [] : [...this.catalog.sources.values()].filter((s) => counts.get(s) === best);
    const result = { best, sources };
    this.bestByNames.set(key, result);
    return result;
  }

  /** Whether any source has a dimension `name`. */
  isDimension(name: string): boolean {
    this.dimensionNames ??= new Set([...this.catalog.sources.values()].flatMap((s) => [...s.dimensions.keys()]));
    return this.dimensionNames.has(name);
  }

  /** The id of the first source that has `name` (see {@link sourcesWith}). */
  ownerOf(name: string): string | undefined {
    this.owners ??= new Map();
    let owner = this.owners.get(name);
    if (owner === undefined) {
      owner = this.sourcesWith(name)[0]?.id;
      if (owner !== undefined) this.owners.set(name, owner);
    }
    return owner;
  }

  /** Every KPI id. */
  get kpis(): NameIndex {
    return this.index('kpis', () => this.catalog.kpis.keys());
  }

  /** Every lookup id. */
  get lookups(): NameIndex {
    return this.index('lookups', () => this.catalog.lookups.keys());
  }

  /** Every source id. */
  get sources(): NameIndex {
    return this.index('sources', () => this.catalog.sources.keys());
  }

  /** Every name of every source (columns, definitions, dimensions, joins). */
  get sourceNames(): NameIndex {
    return this.index('source names', () => [...this.catalog.sources.values()].flatMap(sourceNames));
  }

  /** Every dimension of every source. */
  get dimensions(): NameIndex {
    return this.index('dimensions', () => [...this.catalog.sources.values()].flatMap((s) => [...s.dimensions.keys()]));
  }

  private index(what: string, names: () => Iterable<string>): NameIndex {
    let index = this.built.get(what);
    if (index === undefined) {
      index = new NameIndex(names());
      this.built.set(what, index);
    }
    return index;
  }
}

/** Every name a formula can use inside an aggregate over `source`. */
export function sourceNames(source: SourceDef): string[] {
  return [...source.columns.keys(), ...source.definitions.keys(), ...source.dimensions.keys(), ...source.joins.keys()];
}

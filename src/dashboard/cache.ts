/**
 * Computed figures kept until their refresh: each entry remembers when it was computed, on which
 * version of the data, and when it is next due. Requests for an entry being computed wait for
 * that computation rather than starting another. The oldest entries go first beyond a size.
 */

/** A computed value with its times. */
export interface Computed<T> {
  readonly value: T;
  readonly computedAt: Date;
  readonly next: Date;
  /** The data folder's fingerprint when it was computed. */
  readonly dataVersion: string;
}

/** A cache of computations by key. */
export interface FigureCache {
  get<T>(key: string, compute: () => Promise<{ value: T; next: Date }>): Promise<Computed<T>>;
  /** Forgets every entry (the data's contract failed, an administrator asked). */
  clear(): void;
}

/** A cache with the given clock, data version and size. */
export function figureCache(now: () => Date, dataVersion: () => string, size = 2000): FigureCache {
  const entries = new Map<string, Computed<unknown>>();
  const pending = new Map<string, Promise<Computed<unknown>>>();
  return {
    async get<T>(key: string, compute: () => Promise<{ value: T; next: Date }>): Promise<Computed<T>> {
      const hit = entries.get(key);
      if (hit !== undefined && now().getTime() < hit.next.getTime()) return hit as Computed<T>;
      const running = pending.get(key);
      if (running !== undefined) return (await running) as Computed<T>;
      const job = (async (): Promise<Computed<unknown>> => {
        const computedAt = now();
        const version = dataVersion();
        const { value, next } = await compute();
        const entry: Computed<unknown> = { value, computedAt, next, dataVersion: version };
        entries.delete(key);
        entries.set(key, entry);
        while (entries.size > size) entries.delete(entries.keys().next().value as string);
        return entry;
      })();
      pending.set(key, job);
      try {
        return (await job) as Computed<T>;
      } finally {
        pending.delete(key);
      }
    },
    clear: () => entries.clear(),
  };
}

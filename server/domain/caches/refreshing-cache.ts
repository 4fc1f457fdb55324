/** Looks a value up (in the database); `null` is a miss, which is never cached. */
export type Loader<V> = () => Promise<V | null>;

/** An entry: the value and until when it is fresh. */
interface Entry<V> {
  value: V;
  until: number;
}

/**
 * A short-lived, bounded, per-process cache of lookups by key (token identities, connection states). Changes made
 * in this process are dropped by their owner's invalidation; changes made by another process are seen within
 * `ttlMs` (0 disables the cache) plus one lookup.
 *
 * Under load every request in flight would miss together when an entry expires and run the same queries (on the
 * embedded database, one after another: a latency spike each second). So lookups are single-flight — one lookup per
 * key at a time, the others wait for it — and an entry that expired less than `ttlMs` ago is still answered while
 * one lookup refreshes it in the background.
 */
export class RefreshingCache<V> {
  private readonly byKey = new Map<string, Entry<V>>();
  private readonly inFlight = new Map<string, Promise<V | null>>();
  /** Bumped by every invalidation: a lookup that started before one must not store what it found. */
  private generation = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 50_000,
  ) {}

  /**
   * The value: fresh from the cache, stale while a refresh runs, or from `load`. Concurrent calls for one key share
   * one `load`.
   */
  async resolve(key: string, nowMs: number, load: Loader<V>): Promise<V | null> {
    const hit = this.ttlMs > 0 ? this.byKey.get(key) : undefined;
    if (hit && hit.until > nowMs) return hit.value;
    if (hit && hit.until + this.ttlMs > nowMs) {
      void this.lookup(key, nowMs, load).catch(() => this.byKey.delete(key));
      return hit.value;
    }
    if (hit) this.byKey.delete(key);
    return this.lookup(key, nowMs, load);
  }

  /**
   * The value when it is cached and fresh, else undefined (no lookup starts): for callers that answer at once from
   * what is cached and take the `resolve` path otherwise. A stale entry is not answered here, so `resolve` gets to
   * refresh it.
   */
  peek(key: string, nowMs: number): V | undefined {
    const hit = this.ttlMs > 0 ? this.byKey.get(key) : undefined;
    return hit && hit.until > nowMs ? hit.value : undefined;
  }

  /** Forget every entry `matches` picks. */
  invalidateWhere(matches: (key: string, value: V) => boolean): void {
    this.generation++;
    for (const [key, entry] of this.byKey) if (matches(key, entry.value)) this.byKey.delete(key);
  }

  /** One lookup per key at a time; its result is stored unless an invalidation happened meanwhile. */
  private lookup(key: string, nowMs: number, load: Loader<V>): Promise<V | null> {
    const running = this.inFlight.get(key);
    if (running) return running;
    const generation = this.generation;
    const promise = load()
      .then((value) => {
        if (value === null) this.byKey.delete(key);
        else if (this.ttlMs > 0 && generation === this.generation) this.store(key, value, nowMs);
        return value;
      })
      .finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, promise);
    return promise;
  }

  private store(key: string, value: V, nowMs: number): void {
    if (this.byKey.size >= this.maxEntries) this.byKey.clear();
    this.byKey.set(key, { value, until: nowMs + this.ttlMs });
  }
}

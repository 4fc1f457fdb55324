/**
 * Snapshots never change, so their records can be kept in memory once read: a cache bounded by bytes, keyed by
 * snapshot and kind (or page). No invalidation is ever needed; a new snapshot simply has a new id. Size is estimated
 * from JSON lengths.
 *
 * Eviction is second chance (CLOCK), an approximation of least-recently-used: a hit only marks its entry used, and
 * when the budget is exceeded the oldest entries are visited in insertion order, a used one getting its mark cleared
 * and going to the back, an unused one going. A strict LRU moves every hit to the back of the map (a delete and an
 * insert): a pay-statement answer hits ten pages, and that churn rebuilt the map's table often enough to show in a
 * CPU profile of the gzip workload.
 */
export class RecordCache<V> {
  private readonly entries = new Map<string, { value: V; bytes: number; used: boolean }>();
  private bytes = 0;
  constructor(private readonly maxBytes: number) {}

  /** The cached value, marked as used. */
  get(key: string): V | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    hit.used = true;
    return hit.value;
  }

  /** Cache a value of about `bytes` size, evicting beyond the budget. */
  set(key: string, value: V, bytes: number): void {
    if (bytes > this.maxBytes) return; // too big to keep: callers still get their value
    const old = this.entries.get(key);
    if (old) this.bytes -= old.bytes;
    this.entries.delete(key);
    this.entries.set(key, { value, bytes, used: false });
    this.bytes += bytes;
    // each used entry is passed over once (its mark cleared, moved to the back), so this ends; the entry just set is
    // skipped (it fits the budget on its own)
    for (const [k, e] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      if (k === key) continue;
      this.entries.delete(k);
      if (e.used) {
        e.used = false;
        this.entries.set(k, e);
      } else {
        this.bytes -= e.bytes;
      }
    }
  }

  /**
   * The cached value at once, or a promise of it loaded and cached. A hit costs no promise and no microtask (a
   * batch answer looks up ten pages per request); concurrent loads of one key share one promise.
   */
  lookup(key: string, loader: () => Promise<{ value: V; bytes: number }>): V | Promise<V> {
    const hit = this.get(key);
    if (hit !== undefined) return hit;
    let pending = this.pending.get(key);
    if (!pending) {
      pending = loader().then(({ value, bytes }) => {
        this.set(key, value, bytes);
        return value;
      });
      this.pending.set(key, pending);
      pending.finally(() => this.pending.delete(key)).catch(() => {});
    }
    return pending;
  }

  /** Get, or load and cache (`lookup` as a promise). */
  async load(key: string, loader: () => Promise<{ value: V; bytes: number }>): Promise<V> {
    return this.lookup(key, loader);
  }

  private readonly pending = new Map<string, Promise<V>>();
}

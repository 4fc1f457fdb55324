/**
 * Snapshots never change, so their records can be kept in memory once read: a bounded LRU keyed by snapshot and
 * kind. No invalidation is ever needed; a new snapshot simply has a new id. Size is estimated from JSON lengths.
 */
export class RecordCache<V> {
  private readonly entries = new Map<string, { value: V; bytes: number }>();
  /** The key last moved to the end of `entries` (the most recently used), if it is still there. */
  private newest: string | undefined;
  private bytes = 0;
  constructor(private readonly maxBytes: number) {}

  /** The cached value, refreshed as most recently used. */
  get(key: string): V | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    if (key !== this.newest) {
      // moving the hot key to the end on every hit would cost a delete and an insert per request for nothing
      this.entries.delete(key);
      this.entries.set(key, hit);
      this.newest = key;
    }
    return hit.value;
  }

  /** Cache a value of about `bytes` size, evicting the least recently used beyond the budget. */
  set(key: string, value: V, bytes: number): void {
    if (bytes > this.maxBytes) return; // too big to keep: callers still get their value
    const old = this.entries.get(key);
    if (old) this.bytes -= old.bytes;
    this.entries.delete(key);
    this.entries.set(key, { value, bytes });
    this.newest = key;
    this.bytes += bytes;
    for (const [k, e] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= e.bytes;
    }
  }

  /** Get, or load and cache. Concurrent loads of one key share one promise. */
  async load(key: string, loader: () => Promise<{ value: V; bytes: number }>): Promise<V> {
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

  private readonly pending = new Map<string, Promise<V>>();
}

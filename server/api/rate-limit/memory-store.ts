import type { HitResult, RateLimitStore } from "./store.js";

/** Options for the in-process store. */
export interface MemoryStoreOptions {
  /** How often (in the callers' clock) to drop keys with no hit inside their window. Default 60 s. */
  sweepEveryMs?: number;
}

/** The in-process store, which also reports how many keys it holds. */
export interface MemoryStore extends RateLimitStore {
  /** Keys currently held (idle ones disappear at the next sweep). */
  readonly size: number;
}

/** One key's accepted hits, oldest first, and the window they were counted under. */
interface Log {
  times: number[];
  windowMs: number;
}

/** Insert keeping ascending order; callers' clocks almost always move forward, so this is usually a push. */
function insertSorted(times: number[], t: number): void {
  let i = times.length;
  while (i > 0 && (times[i - 1] ?? 0) > t) i--;
  times.splice(i, 0, t);
}

/**
 * In-process store using a true sliding log: each key keeps the timestamps of its allowed hits in the last window
 * (at most `limit` of them, since refused hits are not recorded). A hit at `t` stops counting at `t + windowMs`.
 * Memory stays bounded: logs are trimmed on every hit and idle keys are swept, driven by the callers' `nowMs`
 * rather than a timer, so tests with a manual clock see exactly what production does. Limits apply per process only.
 */
export function createMemoryStore(options: MemoryStoreOptions = {}): MemoryStore {
  const sweepEveryMs = options.sweepEveryMs ?? 60_000;
  const logs = new Map<string, Log>();
  let lastSweep = Number.NEGATIVE_INFINITY;

  /** Drop every key whose newest hit has left its window. */
  function sweep(nowMs: number): void {
    lastSweep = nowMs;
    for (const [key, log] of logs) {
      const newest = log.times[log.times.length - 1];
      if (newest === undefined || newest <= nowMs - log.windowMs) logs.delete(key);
    }
  }

  return {
    get size() {
      return logs.size;
    },
    hit(key: string, limit: number, windowMs: number, nowMs: number): HitResult {
      if (nowMs - lastSweep >= sweepEveryMs) sweep(nowMs);
      let log = logs.get(key);
      if (!log) {
        log = { times: [], windowMs };
        logs.set(key, log);
      }
      log.windowMs = windowMs;
      const times = log.times;
      const cutoff = nowMs - windowMs;
      let expired = 0;
      while (expired < times.length && (times[expired] ?? 0) <= cutoff) expired++;
      if (expired > 0) times.splice(0, expired);

      if (times.length < limit) {
        insertSorted(times, nowMs);
        return { allowed: true, remaining: limit - times.length, retryAfterMs: 0 };
      }
      // Full: the next slot frees when the oldest hit that must leave for the count to drop below the limit leaves.
      // That is times[length - limit], which is times[0] unless the limit was lowered since those hits.
      const freeing = times[times.length - limit] ?? nowMs;
      return { allowed: false, remaining: 0, retryAfterMs: Math.max(1, freeing + windowMs - nowMs) };
    },
    async close(): Promise<void> {
      logs.clear();
    },
  };
}

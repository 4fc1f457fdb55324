import { describe, expect, it } from "vitest";
import type { Db } from "../../db/client.js";
import type { ConnectionRow } from "../../db/repositories/connections.repository.js";
import { ConnectionStateCache } from "./connection-state-cache.js";
import { RefreshingCache } from "./refreshing-cache.js";

/** A loader that counts its calls and answers when told to. */
function loader<V>(answer: () => V | null) {
  const calls: ((v: V | null) => void)[] = [];
  const load = () => new Promise<V | null>((resolve) => calls.push(resolve));
  const finish = () => {
    for (const resolve of calls.splice(0)) resolve(answer());
  };
  return {
    load,
    finish,
    get started() {
      return calls.length;
    },
  };
}

describe("RefreshingCache", () => {
  it("runs one lookup for concurrent requests of the same key", async () => {
    const cache = new RefreshingCache<{ tag: string }>(1000);
    const l = loader(() => ({ tag: "a" }));
    const pending = Array.from({ length: 50 }, () => cache.resolve("h", 0, l.load));
    expect(l.started).toBe(1);
    l.finish();
    const results = await Promise.all(pending);
    expect(results.every((r) => r?.tag === "a")).toBe(true);
    expect(await cache.resolve("h", 500, l.load)).toEqual({ tag: "a" });
    expect(l.started).toBe(0); // fresh hit, no lookup
  });

  it("answers a just-expired entry while one lookup refreshes it, and looks up again after twice the TTL", async () => {
    const cache = new RefreshingCache<{ tag: string }>(1000);
    let tag = "old";
    const l = loader(() => ({ tag }));
    const first = cache.resolve("h", 0, l.load);
    l.finish();
    await first;
    tag = "new";
    const stale = await cache.resolve("h", 1500, l.load);
    expect(stale?.tag).toBe("old");
    expect(l.started).toBe(1); // the background refresh
    l.finish();
    await new Promise((r) => setImmediate(r));
    const fresh = await cache.resolve("h", 1600, l.load);
    expect(fresh?.tag).toBe("new");
    const late = cache.resolve("h", 5000, l.load); // long expired: waits for a lookup
    expect(l.started).toBe(1);
    l.finish();
    expect(await late).toEqual({ tag: "new" });
  });

  it("peek answers only a fresh entry, and never starts a lookup", async () => {
    const cache = new RefreshingCache<{ tag: string }>(1000);
    const l = loader(() => ({ tag: "a" }));
    expect(cache.peek("h", 0)).toBeUndefined();
    expect(l.started).toBe(0);
    const pending = cache.resolve("h", 0, l.load);
    expect(cache.peek("h", 0)).toBeUndefined(); // still loading
    l.finish();
    await pending;
    expect(cache.peek("h", 999)).toEqual({ tag: "a" });
    expect(cache.peek("h", 1000)).toBeUndefined(); // stale: left to resolve, which refreshes it
    expect(l.started).toBe(0);
    cache.invalidateWhere(() => true);
    expect(cache.peek("h", 0)).toBeUndefined();
    expect(new RefreshingCache<{ tag: string }>(0).peek("h", 0)).toBeUndefined();
  });

  it("never caches misses, and an invalidation during a lookup keeps its result out of the cache", async () => {
    const cache = new RefreshingCache<{ id: string }>(1000);
    let answer: { id: string } | null = null;
    const l = loader(() => answer);
    const failed = cache.resolve("h", 0, l.load);
    l.finish();
    expect(await failed).toBeNull();
    answer = { id: "c1" };
    const racing = cache.resolve("h", 0, l.load);
    cache.invalidateWhere((_k, v) => v.id === "c1"); // e.g. a publish committed while the lookup ran
    l.finish();
    expect(await racing).toEqual({ id: "c1" });
    cache.resolve("h", 10, l.load);
    expect(l.started).toBe(1); // not cached: looked up again
    l.finish();
  });
});

describe("ConnectionStateCache", () => {
  it("drops a connection and the parents listing it as an entity", async () => {
    const cache = new ConnectionStateCache({} as Db, 1000); // no commits in this test: the database is never used
    const row = (id: string) => ({ id }) as ConnectionRow;
    const l = loader(() => null);
    await cache.resolve("parent", 0, async () => ({ connection: row("parent"), entities: [row("child")] }));
    await cache.resolve("other", 0, async () => ({ connection: row("other"), entities: [] }));
    cache.invalidate(["child"]);
    void cache.resolve("parent", 10, l.load);
    expect(l.started).toBe(1); // dropped: looked up again
    expect(await cache.resolve("other", 10, l.load)).toMatchObject({ connection: { id: "other" } });
    expect(l.started).toBe(1);
    l.finish();
  });
});

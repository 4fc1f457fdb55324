import { describe, expect, it } from "vitest";
import { FinchError, type Result } from "../errors.js";
import type { TokenContext } from "./authenticate-token.js";
import { TokenCache } from "./token-cache.js";

const ctx = (connectionId: string, tag: string) => ({ connection: { id: connectionId }, token: { tag } }) as unknown as TokenContext;

/** A loader that counts its calls and answers when told to. */
function loader(answer: () => Result<TokenContext>) {
  const calls: ((v: Result<TokenContext>) => void)[] = [];
  const load = () => new Promise<Result<TokenContext>>((resolve) => calls.push(resolve));
  const finish = () => {
    for (const resolve of calls.splice(0)) resolve(answer());
  };
  return { load, finish, get started() {
    return calls.length;
  } };
}

describe("TokenCache", () => {
  it("runs one lookup for concurrent requests of the same token", async () => {
    const cache = new TokenCache(1000);
    const l = loader(() => ({ ok: true, value: ctx("c1", "a") }));
    const pending = Array.from({ length: 50 }, () => cache.resolve("h", 0, l.load));
    expect(l.started).toBe(1);
    l.finish();
    const results = await Promise.all(pending);
    expect(results.every((r) => r.ok && (r.value.token as unknown as { tag: string }).tag === "a")).toBe(true);
    expect(await cache.resolve("h", 500, l.load)).toMatchObject({ ok: true });
    expect(l.started).toBe(0); // fresh hit, no lookup
  });

  it("answers a just-expired entry while one lookup refreshes it, and looks up again after twice the TTL", async () => {
    const cache = new TokenCache(1000);
    let tag = "old";
    const l = loader(() => ({ ok: true, value: ctx("c1", tag) }));
    const first = cache.resolve("h", 0, l.load);
    l.finish();
    await first;
    tag = "new";
    const stale = await cache.resolve("h", 1500, l.load);
    expect(stale.ok && (stale.value.token as unknown as { tag: string }).tag).toBe("old");
    expect(l.started).toBe(1); // the background refresh
    l.finish();
    await new Promise((r) => setImmediate(r));
    const fresh = await cache.resolve("h", 1600, l.load);
    expect(fresh.ok && (fresh.value.token as unknown as { tag: string }).tag).toBe("new");
    const late = cache.resolve("h", 5000, l.load); // long expired: waits for a lookup
    expect(l.started).toBe(1);
    l.finish();
    expect(await late).toMatchObject({ ok: true });
  });

  it("never caches failures, and an invalidation during a lookup keeps its result out of the cache", async () => {
    const cache = new TokenCache(1000);
    let answer: Result<TokenContext> = { ok: false, error: new FinchError("invalid_token", "revoked") };
    const l = loader(() => answer);
    const failed = cache.resolve("h", 0, l.load);
    l.finish();
    expect((await failed).ok).toBe(false);
    answer = { ok: true, value: ctx("c1", "a") };
    const racing = cache.resolve("h", 0, l.load);
    cache.invalidateConnection("c1"); // e.g. a publish committed while the lookup ran
    l.finish();
    expect((await racing).ok).toBe(true);
    cache.resolve("h", 10, l.load);
    expect(l.started).toBe(1); // not cached: looked up again
    l.finish();
  });
});

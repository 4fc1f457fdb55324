import { randomUUID } from "node:crypto";
import net from "node:net";
import { createClient } from "redis";
import { afterAll, describe, expect, it } from "vitest";
import { rateLimitStoreContract } from "../../../test/support/rate-limit-store-contract.js";
import type { Log } from "../../domain/deps.js";
import { createRedisStore } from "./redis-store.js";
import type { RateLimitStore } from "./store.js";

/** CI sets this; without it the cases that need a real Redis are skipped. */
const REDIS_URL = process.env.LINNET_TEST_REDIS_URL;
const noRedis = !REDIS_URL;

/** One prefix per run, so parallel runs never meet and cleanup removes only ours. */
const PREFIX = `linnet-test:${randomUUID()}:`;

/** A logger that records warnings. */
function recordingLog(): Log & { warnings: string[] } {
  const warnings: string[] = [];
  return {
    warnings,
    debug() {},
    info() {},
    warn(obj, msg) {
      warnings.push(msg ?? String(obj));
    },
    error() {},
  };
}

const opened: RateLimitStore[] = [];

/** A store on the test Redis, closed after the suite. */
function redisStore(): RateLimitStore {
  const store = createRedisStore({ url: REDIS_URL ?? "redis://127.0.0.1:6379", log: recordingLog(), prefix: PREFIX });
  opened.push(store);
  return store;
}

afterAll(async () => {
  await Promise.all(opened.map((s) => s.close()));
  if (noRedis) return;
  const admin = createClient({ url: REDIS_URL });
  await admin.connect();
  const keys: string[] = [];
  for await (const batch of admin.scanIterator({ MATCH: `${PREFIX}*`, COUNT: 1000 })) keys.push(...batch);
  if (keys.length > 0) await admin.del(keys);
  await admin.close();
});

describe("redis rate-limit store", () => {
  let shared: RateLimitStore | undefined;
  rateLimitStoreContract(() => {
    shared ??= redisStore();
    return shared;
  }, noRedis);

  it.skipIf(noRedis)("two API processes (two stores) enforce one limit", async () => {
    const a = redisStore();
    const b = redisStore();
    const key = `shared-${randomUUID()}`;
    const t0 = 1_767_625_200_000;
    expect((await a.hit(key, 3, 60_000, t0)).allowed).toBe(true);
    expect((await b.hit(key, 3, 60_000, t0 + 1)).remaining).toBe(1);
    expect((await a.hit(key, 3, 60_000, t0 + 2)).allowed).toBe(true);
    expect(await b.hit(key, 3, 60_000, t0 + 3)).toEqual({ allowed: false, remaining: 0, retryAfterMs: 59_997 });
    expect((await a.hit(key, 3, 60_000, t0 + 4)).allowed).toBe(false);
  });

  it.skipIf(noRedis)("is atomic under concurrent hits from several processes", async () => {
    const stores = [redisStore(), redisStore(), redisStore()];
    const key = `burst-${randomUUID()}`;
    const now = 1_767_625_200_000;
    const results = await Promise.all(Array.from({ length: 60 }, (_, i) => stores[i % 3]!.hit(key, 20, 60_000, now)));
    expect(results.filter((r) => r.allowed)).toHaveLength(20);
    expect(results.filter((r) => !r.allowed).every((r) => r.retryAfterMs === 60_000)).toBe(true);
  });

  it.skipIf(noRedis)("lets an idle key expire in Redis", async () => {
    const key = `ttl-${randomUUID()}`;
    await redisStore().hit(key, 5, 60_000, Date.now());
    const admin = createClient({ url: REDIS_URL });
    await admin.connect();
    const ttl = await admin.pTTL(PREFIX + key);
    await admin.close();
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(60_000);
  });

  it.skipIf(noRedis)("fails open within the command timeout when Redis hangs, then recovers", async () => {
    // A TCP proxy to the test Redis that can stop forwarding requests, as a hung server or a network partition would.
    const target = new URL(REDIS_URL ?? "redis://127.0.0.1:6379");
    let frozen = false;
    const proxy = net.createServer((downstream) => {
      const upstream = net.connect(Number(target.port || 6379), target.hostname);
      downstream.on("data", (d) => frozen || upstream.write(d));
      upstream.on("data", (d) => downstream.write(d));
      downstream.on("error", () => {});
      upstream.on("error", () => {});
      downstream.on("close", () => upstream.destroy());
    });
    await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
    const { port } = proxy.address() as net.AddressInfo;
    const log = recordingLog();
    const store = createRedisStore({ url: `redis://127.0.0.1:${port}`, log, prefix: PREFIX, commandTimeoutMs: 200 });
    const key = `hang-${randomUUID()}`;
    try {
      expect((await store.hit(key, 1, 60_000, 0)).allowed).toBe(true);
      frozen = true;
      // each hit gives up after commandTimeoutMs; were it to wait for the frozen Redis, the test's timeout would fail it
      expect((await store.hit(key, 1, 60_000, 1)).allowed).toBe(true);
      expect((await store.hit(key, 1, 60_000, 2)).allowed).toBe(true);
      expect(log.warnings).toHaveLength(1);
      frozen = false;
      await new Promise((resolve) => setTimeout(resolve, 300));
      // Enforced again, and the hits that failed open were never counted.
      expect(await store.hit(key, 1, 60_000, 3)).toEqual({ allowed: false, remaining: 0, retryAfterMs: 59_997 });
    } finally {
      await store.close();
      await new Promise((resolve) => proxy.close(resolve));
    }
  });

  it("fails open, warning once, when Redis is unreachable", async () => {
    const log = recordingLog();
    // Port 1 refuses connections at once, standing in for a Redis that is down.
    const store = createRedisStore({ url: "redis://127.0.0.1:1", log, connectTimeoutMs: 300 });
    try {
      for (let i = 0; i < 5; i++) {
        expect(await store.hit("k", 1, 60_000, i)).toEqual({ allowed: true, remaining: 0, retryAfterMs: 0 });
      }
      expect(log.warnings).toHaveLength(1);
      expect(log.warnings[0]).toMatch(/Redis unreachable/);
    } finally {
      await store.close();
    }
  });
});

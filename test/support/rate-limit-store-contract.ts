import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import type { RateLimitStore } from "../../server/api/rate-limit/store.js";

/** Window used by the contract: Finch's minute. */
const WINDOW = 60_000;

/** An arbitrary fixed start, so tests move time by hand. */
const T0 = 1_767_625_200_000;

/**
 * The behaviour every RateLimitStore must share, registered as vitest cases.
 * `store()` returns the store under test; `skip` skips every case (e.g. no Redis configured).
 */
export function rateLimitStoreContract(store: () => RateLimitStore, skip = false): void {
  const key = () => `contract-${randomUUID()}`;
  const test = it.skipIf(skip);

  test("allows up to the limit, then refuses until the oldest hit leaves the window", async () => {
    const s = store();
    const k = key();
    expect(await s.hit(k, 3, WINDOW, T0)).toEqual({ allowed: true, remaining: 2, retryAfterMs: 0 });
    expect(await s.hit(k, 3, WINDOW, T0 + 10_000)).toEqual({ allowed: true, remaining: 1, retryAfterMs: 0 });
    expect(await s.hit(k, 3, WINDOW, T0 + 20_000)).toEqual({ allowed: true, remaining: 0, retryAfterMs: 0 });
    expect(await s.hit(k, 3, WINDOW, T0 + 30_000)).toEqual({ allowed: false, remaining: 0, retryAfterMs: 30_000 });
  });

  test("slides: each hit stops counting exactly one window after it", async () => {
    const s = store();
    const k = key();
    for (const t of [0, 10_000, 20_000]) await s.hit(k, 3, WINDOW, T0 + t);
    expect((await s.hit(k, 3, WINDOW, T0 + 59_999)).allowed).toBe(false);
    expect(await s.hit(k, 3, WINDOW, T0 + 60_000)).toEqual({ allowed: true, remaining: 0, retryAfterMs: 0 });
    // Now full again with hits at 10 s, 20 s and 60 s: the next slot frees at 70 s.
    expect(await s.hit(k, 3, WINDOW, T0 + 65_000)).toEqual({ allowed: false, remaining: 0, retryAfterMs: 5_000 });
    expect((await s.hit(k, 3, WINDOW, T0 + 70_000)).allowed).toBe(true);
  });

  test("refused hits do not count, so a client that keeps knocking is not blocked longer", async () => {
    const s = store();
    const k = key();
    await s.hit(k, 2, WINDOW, T0);
    await s.hit(k, 2, WINDOW, T0 + 1_000);
    for (let t = 2_000; t < 60_000; t += 1_000) {
      const r = await s.hit(k, 2, WINDOW, T0 + t);
      expect(r).toEqual({ allowed: false, remaining: 0, retryAfterMs: 60_000 - t });
    }
    expect((await s.hit(k, 2, WINDOW, T0 + 60_000)).allowed).toBe(true);
    expect((await s.hit(k, 2, WINDOW, T0 + 61_000)).allowed).toBe(true);
  });

  test("keys are independent", async () => {
    const s = store();
    const a = key();
    const b = key();
    await s.hit(a, 1, WINDOW, T0);
    expect((await s.hit(a, 1, WINDOW, T0 + 1)).allowed).toBe(false);
    expect(await s.hit(b, 1, WINDOW, T0 + 1)).toEqual({ allowed: true, remaining: 0, retryAfterMs: 0 });
  });

  test("a lowered limit waits until enough old hits have left", async () => {
    const s = store();
    const k = key();
    for (const t of [0, 1_000, 2_000, 3_000]) await s.hit(k, 4, WINDOW, T0 + t);
    // Limit 2 with 4 hits in the window: three must leave to admit one more, the last of them (at 2 s) at 62 s.
    expect(await s.hit(k, 2, WINDOW, T0 + 4_000)).toEqual({ allowed: false, remaining: 0, retryAfterMs: 58_000 });
    expect((await s.hit(k, 2, WINDOW, T0 + 61_000)).allowed).toBe(false);
    expect((await s.hit(k, 2, WINDOW, T0 + 62_000)).allowed).toBe(true);
  });
}

import { describe, expect, it } from "vitest";
import { rateLimitStoreContract } from "../../../test/support/rate-limit-store-contract.js";
import { createMemoryStore } from "./memory-store.js";

describe("memory rate-limit store", () => {
  rateLimitStoreContract(() => createMemoryStore());

  it("forgets idle keys, so memory follows recent traffic only", async () => {
    const s = createMemoryStore({ sweepEveryMs: 10_000 });
    for (let i = 0; i < 100; i++) await s.hit(`app-${i}`, 5, 60_000, 0);
    expect(s.size).toBe(100);
    await s.hit("late", 5, 60_000, 30_000);
    expect(s.size).toBe(101);
    // At 60 s the first hundred have left their window; the sweep drops them and keeps "late".
    await s.hit("later", 5, 60_000, 60_000);
    expect(s.size).toBe(2);
  });

  it("keeps at most `limit` entries per key however hard it is hammered", async () => {
    const s = createMemoryStore();
    let allowed = 0;
    for (let i = 0; i < 10_000; i++) if ((await s.hit("k", 20, 60_000, i)).allowed) allowed++;
    expect(allowed).toBe(20);
  });
});

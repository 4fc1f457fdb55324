import { describe, expect, it } from "vitest";
import { afterAttempt } from "./delivery-machine.js";

const now = new Date("2026-01-01T00:00:00Z");
const at = (step: number, outcome: Parameters<typeof afterAttempt>[0]) => afterAttempt(outcome, step, now);

describe("the delivery machine", () => {
  it("delivers on 2xx, gives up on other 4xx, retries 5xx, 429 and network errors with the documented backoff", () => {
    expect(at(0, { statusCode: 204, excerpt: "", latencyMs: 1 }).state).toBe("delivered");
    expect(at(0, { statusCode: 410, excerpt: "", latencyMs: 1 }).state).toBe("failed");
    const delays = [0, 1, 2, 3, 4, 5, 6, 9].map(
      (step) => (at(step, { statusCode: 503, excerpt: "", latencyMs: 1 }).nextAttemptAt?.getTime() ?? 0) - now.getTime(),
    );
    expect(delays).toEqual([5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000, 36_000_000]);
    expect(at(0, { statusCode: 429, excerpt: "", latencyMs: 1 }).state).toBe("pending");
    expect(at(3, { error: "ECONNREFUSED", latencyMs: 1 })).toMatchObject({ state: "pending", step: 4 });
  });
});

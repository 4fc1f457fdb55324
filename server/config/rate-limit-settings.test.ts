import { describe, expect, it } from "vitest";
import { DEFAULT_RATE_LIMITS, parseRateLimits } from "./rate-limit-settings.js";

describe("rate-limit configuration string", () => {
  it("defaults to Finch's table when blank or absent", () => {
    expect(parseRateLimits(undefined)).toEqual({ ok: true, value: DEFAULT_RATE_LIMITS });
    expect(parseRateLimits("  ")).toEqual({ ok: true, value: DEFAULT_RATE_LIMITS });
    expect(DEFAULT_RATE_LIMITS).toEqual({
      company: 20,
      directory: 20,
      individual: 20,
      employment: 20,
      payment: 12,
      "pay-statement": 12,
      "pay-statement-item": 20,
      "pay-groups": 12,
      benefits: 60,
    });
  });

  it("turns limiting off", () => {
    expect(parseRateLimits("off")).toEqual({ ok: true, value: null });
    expect(parseRateLimits(" OFF ")).toEqual({ ok: true, value: null });
  });

  it("overrides named endpoints and keeps the rest", () => {
    expect(parseRateLimits("directory=100, payment=30,")).toEqual({
      ok: true,
      value: { ...DEFAULT_RATE_LIMITS, directory: 100, payment: 30 },
    });
  });

  it("sets every endpoint with *, named entries winning whatever the order", () => {
    const r = parseRateLimits("payment=3,*=50");
    expect(r.ok && r.value).toMatchObject({ company: 50, "pay-groups": 50, payment: 3 });
  });

  it("reports every problem", () => {
    const r = parseRateLimits("directroy=5,payment=1.5,company=0,individual=-2,nonsense,employment=1e3,pay-groups=2,pay-groups=3");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toHaveLength(7);
    expect(r.problems.join("\n")).toMatch(/unknown endpoint "directroy"/);
    expect(r.problems.join("\n")).toMatch(/"pay-groups" is listed more than once/);
  });

  it("caps limits so per-key memory stays bounded", () => {
    expect(parseRateLimits("*=100000").ok).toBe(true);
    expect(parseRateLimits("*=100001").ok).toBe(false);
  });
});

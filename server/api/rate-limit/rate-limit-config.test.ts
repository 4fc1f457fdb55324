import { describe, expect, it } from "vitest";
import { DEFAULT_RATE_LIMITS } from "../../config/rate-limit-settings.js";
import { loadConfig } from "../../config.js";

describe("rate-limit configuration", () => {
  it("limits as Finch does, in-process, by default", () => {
    const c = loadConfig({});
    expect(c.rateLimits).toEqual(DEFAULT_RATE_LIMITS);
    expect(c.redisUrl).toBeUndefined();
  });

  it("reads REDIS_URL and LINNET_RATE_LIMITS", () => {
    const c = loadConfig({ REDIS_URL: "redis://cache:6379/2", LINNET_RATE_LIMITS: "*=100,payment=30" });
    expect(c.redisUrl).toBe("redis://cache:6379/2");
    expect(c.rateLimits).toMatchObject({ directory: 100, "pay-statement": 100, payment: 30 });
  });

  it("turns limiting off", () => {
    expect(loadConfig({ LINNET_RATE_LIMITS: "off" }).rateLimits).toBeNull();
  });

  it("fails loading, naming the variable, on an unknown endpoint or a non-integer", () => {
    expect(() => loadConfig({ LINNET_RATE_LIMITS: "employees=5" })).toThrow(/LINNET_RATE_LIMITS: unknown endpoint "employees"/);
    expect(() => loadConfig({ LINNET_RATE_LIMITS: "directory=ten" })).toThrow(/LINNET_RATE_LIMITS: "directory=ten"/);
  });

  it("rejects a REDIS_URL that is not redis:// or rediss://", () => {
    expect(() => loadConfig({ REDIS_URL: "http://cache:6379" })).toThrow(/REDIS_URL/);
    expect(loadConfig({ REDIS_URL: "rediss://:secret@cache:6380" }).redisUrl).toBe("rediss://:secret@cache:6380");
  });

  it("lists rate-limit problems alongside the others", () => {
    expect(() => loadConfig({ PORT: "abc", LINNET_RATE_LIMITS: "x=1", REDIS_URL: "nope" })).toThrow(
      /PORT[\s\S]*REDIS_URL[\s\S]*LINNET_RATE_LIMITS/,
    );
  });
});

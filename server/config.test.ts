import { describe, expect, it } from "vitest";
import { loadConfig } from "./config.js";

describe("configuration", () => {
  it("has working defaults for the embedded mode", () => {
    const c = loadConfig({});
    expect(c.port).toBe(8080);
    expect(c.publicUrl).toBe("http://localhost:8080");
    expect(c.databaseUrl).toBeUndefined();
    expect(c.dataDir).toMatch(/\.linnet$/);
    expect(c.sla).toEqual({ orgDays: 14, payDays: 42, payEnabledDays: 14, refreshDays: 7 });
  });
  it("lists every problem at once", () => {
    expect(() => loadConfig({ PORT: "abc", LINNET_PUBLIC_URL: "not a url", LINNET_SLA_ORG_DAYS: "-1" })).toThrow(
      /PORT[\s\S]*LINNET_PUBLIC_URL[\s\S]*LINNET_SLA_ORG_DAYS/,
    );
  });
  it("requires a shared secrets key with PostgreSQL", () => {
    expect(() => loadConfig({ DATABASE_URL: "postgres://x/y" })).toThrow(/LINNET_SECRETS_KEY/);
  });
  it("reads the 202 body mode: empty by default, finch on request, nothing else", () => {
    expect(loadConfig({}).acceptedBody).toBe("empty");
    expect(loadConfig({ LINNET_ACCEPTED_BODY: "finch" }).acceptedBody).toBe("finch");
    expect(() => loadConfig({ LINNET_ACCEPTED_BODY: "json" })).toThrow(/LINNET_ACCEPTED_BODY/);
  });
  it("strips a trailing slash from the public URL", () => {
    expect(loadConfig({ LINNET_PUBLIC_URL: "https://linnet.example.com/" }).publicUrl).toBe("https://linnet.example.com");
  });
  it("turns the demo on by default only in the embedded mode, and parses the per-address limit", () => {
    const key = Buffer.alloc(32).toString("base64");
    expect(loadConfig({}).demoEnabled).toBe(true);
    expect(loadConfig({ DATABASE_URL: "postgres://x/y", LINNET_SECRETS_KEY: key }).demoEnabled).toBe(false);
    expect(loadConfig({ DATABASE_URL: "postgres://x/y", LINNET_SECRETS_KEY: key, LINNET_DEMO: "true" }).demoEnabled).toBe(true);
    expect(loadConfig({ LINNET_DEMO: "false" }).demoEnabled).toBe(false);
    expect(loadConfig({}).publicRateLimit).toBe(120);
    expect(loadConfig({ LINNET_PUBLIC_RATE_LIMIT: "off" }).publicRateLimit).toBeNull();
    expect(() => loadConfig({ LINNET_PUBLIC_RATE_LIMIT: "0", LINNET_DEMO: "yes" })).toThrow(
      /LINNET_DEMO[\s\S]*LINNET_PUBLIC_RATE_LIMIT|LINNET_PUBLIC_RATE_LIMIT[\s\S]*LINNET_DEMO/,
    );
  });
});

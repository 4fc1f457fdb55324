import { describe, expect, it } from "vitest";
import { firstDataDays, firstDataDue } from "./sla.js";

const sla = { orgDays: 14, payDays: 42, payEnabledDays: 14, refreshDays: 7 };
const census = ["company", "directory", "individual", "employment"];

describe("first-data service levels", () => {
  it("census only: 14 days, no pay date", () => {
    expect(firstDataDays(census, { pay_enabled: false }, sla)).toEqual({ org: 14, pay: null });
  });
  it("with pay products: 6 weeks, or 14 days when the provider is pay-enabled", () => {
    expect(firstDataDays([...census, "payment"], { pay_enabled: false }, sla)).toEqual({ org: 14, pay: 42 });
    expect(firstDataDays([...census, "pay_statement"], { pay_enabled: true }, sla)).toEqual({ org: 14, pay: 14 });
  });
  it("pay only: no census date", () => {
    expect(firstDataDays(["payment"], { pay_enabled: false }, sla)).toEqual({ org: null, pay: 42 });
  });
  it("counts from when the token was created", () => {
    const due = firstDataDue([...census, "payment"], { pay_enabled: false }, sla, new Date("2026-03-01T10:00:00Z"));
    expect(due.map((d) => [d.group, d.due_at.toISOString()])).toEqual([
      ["org", "2026-03-15T10:00:00.000Z"],
      ["pay", "2026-04-12T10:00:00.000Z"],
    ]);
  });
});

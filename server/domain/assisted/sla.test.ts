import { describe, expect, it } from "vitest";
import type { Product } from "../../../contracts/finch/products.js";
import { firstDataDays, firstDataDue } from "./sla.js";

const sla = { orgDays: 14, payDays: 42, payEnabledDays: 14, refreshDays: 7 };
const census: Product[] = ["company", "directory", "individual", "employment"];
/** A provider that supplies everything (a payroll system) with or without a built pay mapping. */
const payroll = (pay_enabled: boolean) => ({ pay_enabled, products: [...census, "payment", "pay_statement"] as Product[] });

describe("first-data service levels", () => {
  it("census only: 14 days, no pay date", () => {
    expect(firstDataDays(census, payroll(false), sla)).toEqual({ org: 14, pay: null });
  });
  it("with pay products: 6 weeks, or 14 days when the provider is pay-enabled", () => {
    expect(firstDataDays([...census, "payment"], payroll(false), sla)).toEqual({ org: 14, pay: 42 });
    expect(firstDataDays([...census, "pay_statement"], payroll(true), sla)).toEqual({ org: 14, pay: 14 });
  });
  it("pay only: no census date", () => {
    expect(firstDataDays(["payment"], payroll(false), sla)).toEqual({ org: null, pay: 42 });
  });
  it("promises nothing for products the provider does not supply (an HRIS without pay data)", () => {
    const hris = { pay_enabled: false, products: census };
    expect(firstDataDays([...census, "payment", "pay_statement"], hris, sla)).toEqual({ org: 14, pay: null });
    expect(firstDataDue([...census, "payment"], hris, sla, new Date()).map((d) => d.group)).toEqual(["org"]);
  });
  it("counts from when the token was created", () => {
    const due = firstDataDue([...census, "payment"], payroll(false), sla, new Date("2026-03-01T10:00:00Z"));
    expect(due.map((d) => [d.group, d.due_at.toISOString()])).toEqual([
      ["org", "2026-03-15T10:00:00.000Z"],
      ["pay", "2026-04-12T10:00:00.000Z"],
    ]);
  });
});

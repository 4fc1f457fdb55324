import { describe, expect, it } from "vitest";
import { PaySnapshotInputSchema } from "../../../contracts/linnet/snapshot-input.js";
import { BUILTIN_TEMPLATES, type Issue, type Mapping, mapPay, parseUpload, validatePay } from "./index.js";

const REGISTER = BUILTIN_TEMPLATES.find((t) => t.group === "pay")!.mapping;
const HEADERS = [
  "Associate ID",
  "Pay Date",
  "Period Beginning Date",
  "Period Ending Date",
  "Gross Pay",
  "Federal Income Tax",
  "Social Security - EE",
  "Medicare - EE",
  "401(k)",
  "Social Security - ER",
  "Medicare - ER",
  "Net Pay",
];

/** A statement row: gross 2000.00, federal 200.00, SS 124.00, Medicare 29.00, 401(k) 100.00 → net 1547.00. */
const row = (id: string, over: Partial<Record<string, string>> = {}) => {
  const base: Record<string, string> = {
    "Associate ID": id,
    "Pay Date": "01/12/2024",
    "Period Beginning Date": "12/24/2023",
    "Period Ending Date": "01/06/2024",
    "Gross Pay": "2,000.00",
    "Federal Income Tax": "200.00",
    "Social Security - EE": "124.00",
    "Medicare - EE": "29.00",
    "401(k)": "100.00",
    "Social Security - ER": "124.00",
    "Medicare - ER": "29.00",
    "Net Pay": "1,547.00",
    ...over,
  };
  return base;
};

async function register(rows: Record<string, string>[], opts: { known?: string[]; mapping?: Mapping; headers?: string[] } = {}) {
  const headers = opts.headers ?? HEADERS;
  const quote = (c: string) => (/[",\n]/.test(c) ? `"${c}"` : c);
  const text = [headers.join(","), ...rows.map((r) => headers.map((h) => quote(r[h] ?? "")).join(","))].join("\n");
  const parsed = await parseUpload(new TextEncoder().encode(text), "register.csv");
  if (!parsed.ok) throw new Error(parsed.error.message);
  const mapped = mapPay(parsed.value, opts.mapping ?? REGISTER);
  const report = validatePay(mapped.input, mapped.issues, { knownPeople: new Set(opts.known ?? ["E1", "E2", "E3"]) });
  return { ...mapped, report };
}

const where = (issues: Issue[]) => issues.map((i) => ({ code: i.code, row: i.row, column: i.column, field: i.field }));

describe("mapPay", () => {
  it("groups statements into payments by pay date and sums them", async () => {
    const { input, report } = await register([
      row("E1"),
      row("E2"),
      row("E3", { "Pay Date": "01/26/2024", "Period Beginning Date": "01/07/2024", "Period Ending Date": "01/20/2024" }),
    ]);
    expect(report).toMatchObject({ ok: true, counts: { payments: 2, statements: 3, people: 3, gross_cents: 600000 } });
    expect(PaySnapshotInputSchema.safeParse(input).success).toBe(true);
    const first = input.payments[0]!;
    expect(first).toMatchObject({
      source_id: "2024-01-12",
      pay_date: "2024-01-12",
      pay_period: { start_date: "2023-12-24", end_date: "2024-01-06" },
      gross_pay: { amount: 400000 },
      net_pay: { amount: 309400 },
      employee_taxes: { amount: 70600 },
      employer_taxes: { amount: 30600 },
      company_debit: { amount: 430600 },
      pay_frequencies: ["bi_weekly"],
    });
    expect(first.pay_statements.map((s) => s.individual_source_id)).toEqual(["E1", "E2"]);
    expect(input.pay_groups).toEqual([
      { source_id: "bi_weekly", name: "Bi-weekly payroll", pay_frequencies: ["bi_weekly"], individual_source_ids: ["E1", "E2", "E3"] },
    ]);
    expect(first.pay_statements[0]!.earnings).toEqual([
      { type: "salary", name: "Gross Pay", amount: 200000, currency: "usd", hours: null },
    ]);
  });
  it("keeps runs with the same pay date apart by payroll id", async () => {
    const headers = [...HEADERS, "Payroll Number"];
    const { input } = await register([row("E1", { "Payroll Number": "1" }), row("E1", { "Payroll Number": "2" })], { headers });
    expect(input.payments.map((p) => p.source_id)).toEqual(["2024-01-12/1", "2024-01-12/2"]);
  });
  it("infers semi-monthly periods", async () => {
    const { input } = await register([row("E1", { "Period Beginning Date": "02/16/2024", "Period Ending Date": "02/29/2024" })]);
    expect(input.payments[0]!.pay_frequencies).toEqual(["semi_monthly"]);
  });
});

describe("validatePay", () => {
  it("net ≠ gross − employee taxes − deductions is an error beyond one cent", async () => {
    const { report } = await register([row("E1", { "Net Pay": "1,547.01" }), row("E2", { "Net Pay": "1,500.00" })]);
    expect(where(report.errors)).toEqual([{ code: "net_mismatch", row: 3, column: "Net Pay", field: "net" }]);
    expect(report.errors[0]!.message).toContain("$1,547.00");
  });
  it("statements for people outside the organization data", async () => {
    const { report } = await register([row("E1"), row("X9")]);
    expect(where(report.errors)).toEqual([{ code: "unknown_employee", row: 3, column: "Associate ID", field: "source_id" }]);
  });
  it("negative amounts name their column", async () => {
    const { report } = await register([row("E1", { "401(k)": "(100.00)", "Net Pay": "1,747.00" })]);
    expect(where(report.errors)).toEqual([{ code: "negative_amount", row: 2, column: "401(k)", field: "deduction_401k" }]);
  });
  it("bad and missing pay dates, missing ids and unreadable amounts", async () => {
    const { report, input } = await register([
      row("E1", { "Pay Date": "2024/31/01" }),
      row("E2", { "Pay Date": "" }),
      row("", {}),
      row("E3", { "Gross Pay": "n/a" }),
    ]);
    expect(where(report.errors)).toEqual([
      { code: "invalid_date", row: 2, column: "Pay Date", field: "pay_date" },
      { code: "missing_value", row: 3, column: "Pay Date", field: "pay_date" },
      { code: "missing_id", row: 4, column: "Associate ID", field: "source_id" },
      { code: "invalid_amount", row: 5, column: "Gross Pay", field: "gross" },
    ]);
    expect(input.payments.flatMap((p) => p.pay_statements).map((s) => s.individual_source_id)).toEqual(["E3"]);
  });
  it("a census mapping is refused", async () => {
    const census = BUILTIN_TEMPLATES.find((t) => t.group === "org")!.mapping;
    const { report } = await register([row("E1")], { mapping: census });
    expect(report.errors.map((e) => e.code)).toEqual(["wrong_mapping_group", "no_statements"]);
  });
});

describe("validatePay without row origins", () => {
  it("checks inputs that did not come from mapPay too, naming fields instead of rows", () => {
    const report = validatePay(
      {
        pay_groups: [{ source_id: "g", name: "Weekly", pay_frequencies: ["weekly"], individual_source_ids: ["E1", "Z1"] }],
        payments: [
          {
            source_id: "p1",
            pay_period: null,
            pay_date: "2024-01-12",
            debit_date: null,
            company_debit: null,
            gross_pay: null,
            net_pay: null,
            employer_taxes: null,
            employee_taxes: null,
            pay_frequencies: ["weekly"],
            pay_group_source_ids: ["g"],
            pay_statements: [
              {
                individual_source_id: "E1",
                type: "regular_payroll",
                payment_method: null,
                total_hours: null,
                gross_pay: { amount: 1000, currency: "usd" },
                net_pay: { amount: 900, currency: "usd" },
                earnings: [],
                taxes: [{ type: "federal", name: "FIT", employer: false, amount: 50, currency: "usd" }],
                employee_deductions: [],
                employer_contributions: [],
              },
            ],
          },
        ],
      },
      [],
      { knownPeople: new Set(["E1"]) },
    );
    expect(report.errors.map((e) => [e.code, e.row, e.field])).toEqual([
      ["net_mismatch", undefined, "net"],
      ["unknown_employee", undefined, undefined],
    ]);
  });
});

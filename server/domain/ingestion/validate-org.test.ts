import { describe, expect, it } from "vitest";
import { BASE_COMPANY } from "./fixtures/golden-cases.js";
import { BUILTIN_TEMPLATES, type Issue, type Mapping, mapOrg, parseUpload, validateOrg } from "./index.js";

const ADP = BUILTIN_TEMPLATES.find((t) => t.provider_id === "adp_workforce_now" && t.group === "org")!.mapping;
const HEADERS = [
  "Associate ID",
  "Legal First Name",
  "Legal Last Name",
  "Tax ID (SSN)",
  "Birth Date",
  "Hire Date",
  "Reports To Associate ID",
  "Regular Pay Rate Amount",
  "Regular Pay Rate Description",
  "Position Status",
];

/** A census with the given rows (cells in HEADERS order, missing ones empty), mapped and validated. */
async function census(rows: string[][], opts: { headers?: string[]; mapping?: Mapping; previous?: Set<string> } = {}) {
  const headers = opts.headers ?? HEADERS;
  const quote = (c: string) => (/[",\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c);
  const text = [headers, ...rows.map((r) => headers.map((_, i) => r[i] ?? ""))].map((r) => r.map(quote).join(",")).join("\r\n");
  const parsed = await parseUpload(new TextEncoder().encode(text), "census.csv");
  if (!parsed.ok) throw new Error(parsed.error.message);
  const mapped = mapOrg(parsed.value, opts.mapping ?? ADP, { company: BASE_COMPANY });
  const report = validateOrg(mapped.input, mapped.issues, opts.previous ? { previousSourceIds: opts.previous } : {});
  return { ...mapped, report };
}

const person = (id: string, extra: Partial<Record<(typeof HEADERS)[number], string>> = {}): string[] => {
  const base: Record<string, string> = {
    "Associate ID": id,
    "Legal First Name": "Ann",
    "Legal Last Name": `Lee-${id}`,
    "Tax ID (SSN)": "512-44-8190",
    "Birth Date": "01/02/1990",
    "Hire Date": "03/04/2020",
    "Regular Pay Rate Amount": "50000.00",
    "Regular Pay Rate Description": "Salary",
    "Position Status": "Active",
    ...extra,
  };
  return HEADERS.map((h) => base[h] ?? "");
};

const where = (issues: Issue[]) => issues.map((i) => ({ code: i.code, row: i.row, column: i.column, field: i.field }));

describe("validateOrg errors", () => {
  it("a clean census is ok", async () => {
    const { report, input } = await census([person("A1"), person("A2", { "Reports To Associate ID": "A1" })]);
    expect(report).toMatchObject({ ok: true, errors: [], requiresConfirmation: false, counts: { people: 2, active: 2, errors: 0 } });
    expect(input.people[1]!.employment.manager_source_id).toBe("A1");
  });
  it("missing and duplicate employee ids", async () => {
    const { report, input } = await census([person("A1"), person(""), person("A1"), person("A3")]);
    expect(report.ok).toBe(false);
    expect(where(report.errors)).toEqual([
      { code: "missing_id", row: 3, column: "Associate ID", field: "source_id" },
      { code: "duplicate_id", row: 4, column: "Associate ID", field: "source_id" },
    ]);
    expect(report.errors[1]!.message).toMatch(/first on row 2/);
    expect(input.people.map((p) => p.source_id)).toEqual(["A1", "A1", "A3"]);
  });
  it("unparseable dates name the cell", async () => {
    const { report, input } = await census([
      person("A1", { "Birth Date": "31/12/1990" }),
      person("A2", { "Hire Date": "02/30/2021" }),
      person("A3", { "Hire Date": "soon" }),
    ]);
    expect(where(report.errors)).toEqual([
      { code: "invalid_date", row: 2, column: "Birth Date", field: "dob" },
      { code: "invalid_date", row: 3, column: "Hire Date", field: "start_date" },
      { code: "invalid_date", row: 4, column: "Hire Date", field: "start_date" },
    ]);
    expect(report.errors[0]!.message).toContain("31/12/1990");
    expect(input.people[0]!.individual.dob).toBeNull();
  });
  it("invalid SSNs, without repeating the number", async () => {
    const bad = ["000-12-3456", "666-12-3456", "923-12-3456", "512-00-3456", "512-44-0000", "51244819"];
    const { report } = await census(bad.map((ssn, i) => person(`A${i}`, { "Tax ID (SSN)": ssn })));
    expect(report.errors.map((e) => [e.code, e.row, e.field])).toEqual(bad.map((_, i) => ["invalid_ssn", i + 2, "ssn"]));
    for (const [i, e] of report.errors.entries()) expect(e.message).not.toContain(bad[i]);
  });
  it("9-digit SSNs are normalized; masked ones are left out with a warning", async () => {
    const { report, input } = await census([
      person("A1", { "Tax ID (SSN)": "512448190" }),
      person("A2", { "Tax ID (SSN)": "XXX-XX-8190" }),
    ]);
    expect(report.ok).toBe(true);
    expect(input.people.map((p) => p.individual.ssn)).toEqual(["512-44-8190", null]);
    expect(where(report.warnings)).toContainEqual({ code: "masked_ssn", row: 3, column: "Tax ID (SSN)", field: "ssn" });
  });
  it("negative and unreadable amounts", async () => {
    const { report } = await census([
      person("A1", { "Regular Pay Rate Amount": "-52000.00" }),
      person("A2", { "Regular Pay Rate Amount": "lots" }),
    ]);
    expect(where(report.errors)).toEqual([
      { code: "invalid_amount", row: 3, column: "Regular Pay Rate Amount", field: "pay_rate" },
      { code: "negative_amount", row: 2, column: "Regular Pay Rate Amount", field: "pay_rate" },
    ]);
  });
  it("managers that are not in the file, and self-managers", async () => {
    const { report } = await census([person("A1", { "Reports To Associate ID": "Z9" }), person("A2", { "Reports To Associate ID": "A2" })]);
    expect(where(report.errors)).toEqual([
      { code: "unknown_manager", row: 2, column: "Reports To Associate ID", field: "manager_id" },
      { code: "self_manager", row: 3, column: "Reports To Associate ID", field: "manager_id" },
    ]);
  });
  it("a file without the employee id column maps nobody", async () => {
    const { report, input } = await census([["Ann", "Lee"]], { headers: ["Legal First Name", "Legal Last Name"] });
    expect(input.people).toEqual([]);
    expect(report.errors.map((e) => e.code)).toEqual(["missing_column", "no_people"]);
  });
});

describe("validateOrg warnings", () => {
  it("unknown columns, missing optional fields and unknown coded values", async () => {
    const headers = [...HEADERS, "Favorite Color"];
    const { report } = await census([[...person("A1", { "Position Status": "Sabbatical" }), "teal"]], { headers });
    expect(report.ok).toBe(true);
    const codes = where(report.warnings);
    expect(codes).toContainEqual({ code: "unknown_column", row: undefined, column: "Favorite Color", field: undefined });
    expect(codes).toContainEqual({ code: "missing_column", row: undefined, column: "Job Title Description", field: "title" });
    expect(codes).toContainEqual({ code: "unknown_value", row: 2, column: "Position Status", field: "employment_status" });
  });
  it("formula-like cells are carried through from parsing", async () => {
    const { report, input } = await census([person("A1", { "Legal First Name": '=HYPERLINK("http://evil.example","x")' })]);
    expect(report.ok).toBe(true);
    expect(where(report.warnings)).toContainEqual({ code: "formula_like", row: 2, column: "Legal First Name", field: "first_name" });
    expect(input.people[0]!.individual.first_name).toBe('=HYPERLINK("http://evil.example","x")');
  });
  it("a file from the wrong employer requires confirmation", async () => {
    const { report } = await census([person("B1"), person("B2")], { previous: new Set(["A1", "A2", "A3"]) });
    expect(report.ok).toBe(true);
    expect(report.requiresConfirmation).toBe(true);
    expect(report.confirmationReason).toMatch(/None of the 2 employee ids.*3 people/);
    expect(report.warnings.map((w) => w.code)).toContain("wrong_employer");
  });
  it("one id in common is enough, and a first upload needs no confirmation", async () => {
    expect((await census([person("A1"), person("B2")], { previous: new Set(["A1", "A2"]) })).report.requiresConfirmation).toBe(false);
    expect((await census([person("B1")], { previous: new Set() })).report.requiresConfirmation).toBe(false);
  });
});

describe("issue lists stay small", () => {
  it("keeps the first 500 errors of a file full of them and counts them all", async () => {
    const rows = Array.from({ length: 1500 }, (_, i) => person(`A${i}`, { "Birth Date": "bad", "Tax ID (SSN)": "000-00-0000" }));
    const { report } = await census(rows);
    expect(report.errors).toHaveLength(500);
    expect(report.counts).toMatchObject({ errors: 3000, "issues.invalid_date": 1500, "issues.invalid_ssn": 1500, people: 1500 });
  });
});

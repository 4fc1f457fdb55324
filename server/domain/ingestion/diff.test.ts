import { describe, expect, it } from "vitest";
import type { OrgSnapshotInput, PersonInput } from "../../../contracts/linnet/snapshot-input.js";
import { BASE_COMPANY } from "./fixtures/golden-cases.js";
import { DIFF_LIST_LIMIT, diffOrg, diffPay } from "./index.js";

function person(
  id: string,
  over: { individual?: Partial<PersonInput["individual"]>; employment?: Partial<PersonInput["employment"]> } = {},
): PersonInput {
  return {
    source_id: id,
    individual: {
      first_name: "Ann",
      middle_name: null,
      last_name: `Lee ${id}`,
      preferred_name: null,
      emails: [{ data: `${id}@example.com`, type: "work" }],
      phone_numbers: null,
      gender: null,
      ethnicity: null,
      marital_status: null,
      dob: "1990-01-02",
      ssn: "512-44-8190",
      residence: null,
      ...over.individual,
    },
    employment: {
      title: "Engineer",
      manager_source_id: null,
      department: { name: "Engineering" },
      employment: { type: "employee", subtype: "full_time" },
      start_date: "2020-01-01",
      end_date: null,
      latest_rehire_date: null,
      is_active: true,
      employment_status: "active",
      flsa_status: "exempt",
      class_code: null,
      location: null,
      income: { unit: "yearly", amount: 10_000_000, currency: "usd", effective_date: null },
      income_history: null,
      custom_fields: null,
      union_code: null,
      union_local: null,
      highly_compensated_employee: null,
      key_employee: null,
      ...over.employment,
    },
  };
}

const org = (people: PersonInput[]): OrgSnapshotInput => ({ company: BASE_COMPANY, people });

describe("diffOrg", () => {
  it("finds hires, terminations, removals and changed fields", () => {
    const before = org([person("A"), person("B"), person("C"), person("D")]);
    const after = org([
      person("A"),
      person("B", {
        employment: {
          title: "Senior Engineer",
          income: { unit: "yearly", amount: 11_000_000, currency: "usd", effective_date: "2024-04-01" },
        },
      }),
      person("C", { employment: { is_active: false, end_date: "2024-05-31", employment_status: "terminated", title: "Staff Engineer" } }),
      person("E", { individual: { preferred_name: "Evie", first_name: "Evelyn" } }),
    ]);
    const diff = diffOrg(before, after);
    expect(diff.hires).toEqual([{ source_id: "E", name: "Evie Lee E" }]);
    expect(diff.terminations).toEqual([{ source_id: "C", name: "Ann Lee C", end_date: "2024-05-31" }]);
    expect(diff.removed).toEqual([{ source_id: "D", name: "Ann Lee D" }]);
    expect(diff.changed).toEqual([
      {
        source_id: "B",
        name: "Ann Lee B",
        fields: [
          { field: "title", before: "Engineer", after: "Senior Engineer" },
          {
            field: "income",
            before: { unit: "yearly", amount: 10_000_000, currency: "usd", effective_date: null },
            after: { unit: "yearly", amount: 11_000_000, currency: "usd", effective_date: "2024-04-01" },
          },
        ],
      },
      // A termination's own fields are not repeated; its other changes are.
      { source_id: "C", name: "Ann Lee C", fields: [{ field: "title", before: "Engineer", after: "Staff Engineer" }] },
    ]);
    expect(diff.counts).toEqual({ hires: 1, terminations: 1, removed: 1, changed: 2, unchanged: 1, previous: 4, next: 4 });
  });
  it("an end date appearing is a termination even while is_active stays true", () => {
    const diff = diffOrg(org([person("A")]), org([person("A", { employment: { end_date: "2024-06-30" } })]));
    expect(diff.terminations).toEqual([{ source_id: "A", name: "Ann Lee A", end_date: "2024-06-30" }]);
    expect(diff.changed).toEqual([]);
  });
  it("reports SSN changes masked, never in clear", () => {
    const diff = diffOrg(org([person("A")]), org([person("A", { individual: { ssn: "538-21-6643" } })]));
    expect(diff.changed).toEqual([
      { source_id: "A", name: "Ann Lee A", fields: [{ field: "ssn", before: "***-**-8190", after: "***-**-6643" }] },
    ]);
    expect(JSON.stringify(diff)).not.toContain("538-21");
  });
  it("key order and missing optional keys are not changes", () => {
    const a = person("A");
    const b = person("A");
    b.employment.income = { effective_date: null, currency: "usd", amount: 10_000_000, unit: "yearly" };
    delete b.individual.ssn;
    a.individual.ssn = undefined;
    expect(diffOrg(org([a]), org([b])).counts.unchanged).toBe(1);
  });
  it("a first upload makes everyone a hire", () => {
    const diff = diffOrg(null, org([person("A"), person("B")]));
    expect(diff.counts).toMatchObject({ hires: 2, previous: 0, next: 2 });
  });
  it("caps its lists and counts everything", () => {
    const many = Array.from({ length: DIFF_LIST_LIMIT + 250 }, (_, i) => person(`P${i}`));
    const diff = diffOrg(org([]), org(many));
    expect(diff.hires).toHaveLength(DIFF_LIST_LIMIT);
    expect(diff.counts.hires).toBe(DIFF_LIST_LIMIT + 250);
  });
});

describe("diffPay", () => {
  it("splits new payments from published ones", () => {
    const payment = (id: string, date: string, gross: number) => ({
      source_id: id,
      pay_date: date,
      gross_pay: { amount: gross, currency: "usd" },
    });
    const diff = diffPay(new Set(["2024-01-12"]), {
      payments: [payment("2024-01-12", "2024-01-12", 100), payment("2024-01-26", "2024-01-26", 250)],
    });
    expect(diff).toEqual({
      newPayments: [{ source_id: "2024-01-26", pay_date: "2024-01-26", gross: 250 }],
      newPaymentCount: 1,
      existingPayments: 1,
    });
  });
});

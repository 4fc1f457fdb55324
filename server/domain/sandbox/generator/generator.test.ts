import { describe, expect, it } from "vitest";
import { OrgSnapshotInputSchema, PaySnapshotInputSchema, type PersonInput } from "../../../../contracts/linnet/snapshot-input.js";
import { isValidRoutingNumber, isValidSsn } from "./identifiers.js";
import { generateCompany } from "./index.js";

const asOf = new Date("2026-03-15T12:00:00Z");
const generate = (seed: string, employeeSize: number, payHistoryMonths?: number) =>
  generateCompany({ seed, employeeSize, asOf, payHistoryMonths });

/** Age in whole years on a YYYY-MM-DD day, computed independently of the generator's calendar. */
function age(dob: string, on: string): number {
  const [by, bm, bd] = dob.split("-").map(Number) as [number, number, number];
  const [oy, om, od] = on.split("-").map(Number) as [number, number, number];
  return oy - by - (om > bm || (om === bm && od >= bd) ? 0 : 1);
}

describe("determinism", () => {
  it("same seed and options give deep-equal companies and payments", () => {
    const a = generate("acme", 60);
    const b = generate("acme", 60);
    expect(JSON.stringify(a.org)).toBe(JSON.stringify(b.org));
    expect(a.payGroups).toEqual(b.payGroups);
    expect(JSON.stringify([...a.payments()])).toBe(JSON.stringify([...b.payments()]));
    expect(JSON.stringify([...a.payments()])).toBe(JSON.stringify([...b.payments()])); // and again, from the same company
  });
  it("different seeds give different companies", () => {
    const a = generate("acme", 60).org;
    const b = generate("globex", 60).org;
    expect(a.company.legal_name === b.company.legal_name && a.company.ein === b.company.ein).toBe(false);
    expect(a.people.map((p) => p.individual.ssn)).not.toEqual(b.people.map((p) => p.individual.ssn));
  });
  it("more pay history never changes the org", () => {
    const short = generate("acme", 40, 3);
    const long = generate("acme", 40, 36);
    expect(long.org).toEqual(short.org);
    expect(long.paymentCount).toBeGreaterThan(short.paymentCount);
  });
  it("rejects sizes outside 1–50,000 and bad dates", () => {
    expect(() => generate("x", 0)).toThrow(RangeError);
    expect(() => generate("x", 50_001)).toThrow(RangeError);
    expect(() => generate("x", 1.5)).toThrow(RangeError);
    expect(() => generateCompany({ seed: "x", employeeSize: 5, asOf: new Date("nope") })).toThrow(RangeError);
  });
});

describe("people", () => {
  it.each([1, 20, 1000])("size %i produces exactly that many people", (size) => {
    expect(generate(`size-${size}`, size).org.people).toHaveLength(size);
  });

  it("a one-person company is its salaried CEO", () => {
    const [ceo] = generate("solo", 1).org.people as [PersonInput];
    expect(ceo.employment.manager_source_id).toBeNull();
    expect(ceo.employment.title).toBe("Chief Executive Officer");
    expect(ceo.employment.income?.unit).toBe("yearly");
    expect(ceo.employment.flsa_status).toBe("exempt");
    expect(ceo.employment.is_active).toBe(true);
  });

  it("source ids, SSNs and work emails are unique and well formed", () => {
    const people = generate("unique", 3000).org.people;
    expect(new Set(people.map((p) => p.source_id)).size).toBe(people.length);
    expect(new Set(people.map((p) => p.individual.ssn)).size).toBe(people.length);
    const work = people.map((p) => p.individual.emails?.find((e) => e.type === "work")?.data);
    expect(new Set(work).size).toBe(people.length);
    for (const p of people) {
      expect(p.source_id).toMatch(/^E\d{6}$/);
      expect(isValidSsn(p.individual.ssn ?? "")).toBe(true);
      for (const phone of p.individual.phone_numbers ?? []) expect(phone?.data).toMatch(/^\+1[2-9]\d{2}[2-9]\d{6}$/);
    }
  });

  it("the manager graph is a tree rooted at the one CEO, managers active and in the same department", () => {
    const people = generate("tree", 2000).org.people;
    const byId = new Map(people.map((p) => [p.source_id, p]));
    const roots = people.filter((p) => p.employment.manager_source_id === null);
    expect(roots).toHaveLength(1);
    const ceo = roots[0]!;
    const heads = new Map<string, number>();
    for (const p of people) {
      let node: PersonInput | undefined = p;
      for (let steps = 0; node && node !== ceo; steps++) {
        expect(steps).toBeLessThan(people.length); // no cycles
        node = byId.get(node.employment.manager_source_id ?? "");
      }
      expect(node).toBe(ceo); // every chain ends at the CEO: no dangling references
      if (p === ceo) continue;
      const manager = byId.get(p.employment.manager_source_id!)!;
      expect(manager.employment.is_active).toBe(true);
      expect(manager.employment.employment_status).toBe("active");
      const dept = p.employment.department?.name ?? "";
      if (manager === ceo && dept !== ceo.employment.department?.name) heads.set(dept, (heads.get(dept) ?? 0) + 1);
      else expect(manager.employment.department?.name).toBe(dept);
    }
    expect([...heads.values()].every((n) => n === 1)).toBe(true); // one head per department reports to the CEO
  });

  it("has plausible demographics, dates and pay", () => {
    const { org } = generate("census", 3000);
    const today = "2026-03-15";
    const people = org.people;
    const states = new Set(org.company.locations?.map((l) => l?.state));
    const share = (pred: (p: PersonInput) => boolean) => people.filter(pred).length / people.length;
    for (const p of people) {
      const e = p.employment;
      const a = age(p.individual.dob!, today);
      expect(a).toBeGreaterThanOrEqual(18);
      expect(a).toBeLessThanOrEqual(70);
      expect(age(p.individual.dob!, e.start_date!)).toBeGreaterThanOrEqual(18);
      expect(e.start_date! <= today).toBe(true);
      expect(states.has(p.individual.residence?.state ?? null)).toBe(true);
      expect(org.company.locations?.some((l) => l?.source_id === e.location?.source_id)).toBe(true);
      expect(p.individual.emails?.[0]?.data.endsWith(`@${org.company.primary_email?.split("@")[1]}`)).toBe(true);
      if (e.employment_status === "terminated") {
        expect(e.is_active).toBe(false);
        expect(e.end_date! < today && e.end_date! >= e.start_date!).toBe(true);
      } else {
        expect(e.is_active).toBe(true);
        expect(e.end_date).toBeNull();
      }
      const income = e.income!;
      expect(income.currency).toBe("usd");
      expect(Number.isInteger(income.amount)).toBe(true);
      if (income.unit === "yearly") {
        expect(income.amount).toBeGreaterThanOrEqual(4_500_000);
        expect(income.amount).toBeLessThanOrEqual(35_000_000);
        expect(e.flsa_status).toBe("exempt");
        expect(e.highly_compensated_employee).toBe(income.amount! > 15_000_000);
      } else {
        expect(income.unit).toBe("hourly");
        if (e.employment?.type === "employee") {
          expect(e.flsa_status).toBe("non_exempt");
          expect(income.amount).toBeGreaterThanOrEqual(1_500);
          expect(income.amount).toBeLessThanOrEqual(4_500);
        }
      }
      expect(e.income_history?.at(-1)).toEqual(income);
      const dates = e.income_history!.map((h) => h!.effective_date!);
      expect(dates[0]).toBe(e.start_date);
      expect([...dates].sort()).toEqual(dates);
      if (e.employment?.type === "contractor") expect(e.employment.subtype).toBe("individual_contractor");
    }
    expect(share((p) => p.employment.employment_status === "terminated")).toBeGreaterThan(0.04);
    expect(share((p) => p.employment.employment_status === "terminated")).toBeLessThan(0.14);
    expect(share((p) => p.employment.employment?.type === "contractor")).toBeGreaterThan(0.02);
    expect(share((p) => p.employment.employment?.type === "contractor")).toBeLessThan(0.09);
    expect(share((p) => p.employment.employment?.subtype === "full_time")).toBeGreaterThan(0.7);
    expect(share((p) => p.individual.gender === "decline_to_specify")).toBeGreaterThan(0);
    expect(share((p) => p.individual.preferred_name !== null)).toBeGreaterThan(0);
    expect(share((p) => (p.employment.income_history?.length ?? 0) > 1)).toBeGreaterThan(0.3);
    expect(people.some((p) => p.employment.employment_status === "leave")).toBe(true);
  });
});

describe("company", () => {
  it("has a legal name matching its entity, valid identifiers and 6–12 departments", () => {
    for (const seed of ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"]) {
      const c = generate(seed, 400).org.company;
      const suffix = {
        llc: / LLC$/,
        corporation: /(, Inc\.| PBC)$/,
        lp: / LP$/,
        partnership: / LLP$/,
        non_profit: / Foundation$/,
        cooperative: / Cooperative$/,
        sole_proprietor: /./,
      };
      expect(c.legal_name).toMatch(suffix[c.entity!.type!]);
      if (c.entity?.type === "corporation") expect(c.entity.subtype).not.toBeNull();
      expect(c.ein).toMatch(/^\d{2}-\d{7}$/);
      expect(c.primary_phone_number).toMatch(/^\+1\d{10}$/);
      expect(c.primary_email).toMatch(/^[a-z]+@[a-z]+\.(com|org)$/);
      expect(c.departments!.length).toBeGreaterThanOrEqual(6);
      expect(c.departments!.length).toBeLessThanOrEqual(12);
      const names = new Set(c.departments!.map((d) => d!.name));
      for (const d of c.departments!) if (d?.parent) expect(names.has(d.parent.name)).toBe(true);
      expect(c.locations!.length).toBeGreaterThanOrEqual(1);
      expect(c.locations!.length).toBeLessThanOrEqual(4);
      expect(c.accounts!.length).toBeGreaterThanOrEqual(1);
      expect(c.accounts!.length).toBeLessThanOrEqual(2);
      for (const a of c.accounts!) {
        expect(isValidRoutingNumber(a.routing_number!)).toBe(true);
        expect(a.account_number).toMatch(/^[1-9]\d{7,11}$/);
      }
    }
  });

  it("parses with the snapshot-input schemas", () => {
    const g = generate("schema", 50);
    expect(() => OrgSnapshotInputSchema.parse(g.org)).not.toThrow();
    expect(() => PaySnapshotInputSchema.parse({ pay_groups: g.payGroups, payments: [...g.payments()] })).not.toThrow();
  });
});

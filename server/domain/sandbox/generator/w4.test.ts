import { describe, expect, it } from "vitest";
import { DocumentInputSchema } from "../../../../contracts/finch/documents.js";
import { generateCompany } from "./generate-company.js";

describe("sandbox W-4s", () => {
  const asOf = new Date("2026-06-15T00:00:00Z");
  const company = generateCompany({ seed: "w4-seed", employeeSize: 300, asOf });
  const docs = company.documents();
  const people = new Map(company.org.people.map((p) => [p.source_id, p]));

  it("are deterministic and parse with the input schema", () => {
    expect(generateCompany({ seed: "w4-seed", employeeSize: 300, asOf }).documents()).toEqual(docs);
    for (const d of docs) expect(DocumentInputSchema.safeParse(d).success).toBe(true);
  });

  it("give every employee one form and contractors none; the 2005 form only to people hired before 2020", () => {
    const employees = company.org.people.filter((p) => p.employment.employment?.type !== "contractor");
    expect(docs.map((d) => d.individual_source_id).sort()).toEqual(employees.map((p) => p.source_id).sort());
    const old = docs.filter((d) => d.type === "w4_2005");
    expect(old.length).toBeGreaterThan(0);
    expect(old.length).toBeLessThan(docs.length / 2);
    for (const d of docs) {
      const hired = Number(people.get(d.individual_source_id)!.employment.start_date!.slice(0, 4));
      if (d.type === "w4_2005") expect(d.year).toBe(hired);
      else expect(d.year).toBeGreaterThanOrEqual(Math.max(2020, hired));
      expect(d.year).toBeLessThanOrEqual(2026);
      if (d.type === "w4_2020")
        expect(d.data.total_claim_dependent_and_other_credits).toBe(
          d.data.amount_for_qualifying_children_under_17 + d.data.amount_for_other_dependents,
        );
    }
  });
});

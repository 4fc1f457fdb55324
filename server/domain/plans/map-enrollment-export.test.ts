import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { parseUpload } from "../ingestion/parse-upload.js";
import { mapEnrollmentExport } from "./map-enrollment-export.js";

/** The benefits-enrollment export template against its fixture (golden), and the problems it names. */
const fixture = fs.readFileSync(new URL("./fixtures/benefits-enrollment-export.csv", import.meta.url));
const people: Record<string, string> = { G3R7T2K9A: "p-margaret", G3M2Q8W4B: "p-daniel", G3K9D3N6D: "p-wei" };

async function mapped(bytes: Uint8Array, known: Record<string, string> = people) {
  const table = await parseUpload(bytes, "export.csv");
  if (!table.ok) throw table.error;
  return mapEnrollmentExport(table.value, (id) => known[id]);
}

describe("the benefits-enrollment export template", () => {
  it("maps the fixture: plans by type and name, one enrollment per person and plan, dependents shared across plans", async () => {
    const result = await mapped(fixture);
    if (!result.ok) throw result.error;
    const { plans, enrollments, dependents } = result.value;
    expect(plans.map((p) => [p.type, p.name, p.carrier_name, p.network_type, p.coverage_tiers])).toEqual([
      ["medical", "Aetna Choice POS II", "Aetna", "pos", ["employee_family", "employee_only"]],
      ["dental", "Delta Dental PPO", "Delta Dental", "ppo", ["employee_family"]],
      ["vision", "VSP Choice", "VSP", "other", ["employee_only"]],
      ["medical", "Aetna HDHP", "Aetna", "hdhp", ["employee_spouse"]],
      ["hsa", "HSA", "HealthEquity", null, ["employee_spouse"]],
    ]);
    expect(enrollments).toHaveLength(6);
    expect(enrollments[0]).toMatchObject({
      individual_id: "p-margaret",
      coverage_tier: "employee_family",
      coverage_start_date: "2026-01-01",
      contributions: { frequency: "per_pay_period", employee: 31_240, employer: 84_510 },
      status: "active",
    });
    expect(enrollments[0]!.dependent_keys).toEqual(enrollments[1]!.dependent_keys);
    expect(enrollments[0]!.dependent_keys).toHaveLength(2);
    expect(dependents.map((d) => [d.first_name, d.relationship, d.date_of_birth, d.ssn, d.gender])).toEqual([
      ["Richard", "spouse", "1969-04-12", "521-33-7781", "male"],
      ["Claire", "child", "2009-09-30", "521-48-1102", "female"],
      ["Lin", "spouse", "1990-02-02", "587-20-4417", "female"],
    ]);
  });

  it("names missing columns, unknown employees and bad cells by row and column", async () => {
    const missing = await mapped(Buffer.from("Employee ID,Plan Name\nA,B\n"));
    expect(missing.ok ? null : missing.error.message).toMatch(
      /Missing columns: "Plan Type", "Coverage Level", "Coverage Start Date", "Employee Cost"/,
    );
    const bad = await mapped(
      Buffer.from(
        "Employee ID,Plan Type,Plan Name,Coverage Level,Coverage Start Date,Employee Cost,Dependent First Name,Relationship\nG3R7T2K9A,Dentistry,X,Everyone,2026-02-30,-5,Kid,Cousin\n",
      ),
    );
    const message = bad.ok ? "" : bad.error.message;
    for (const part of [
      'row 2, "Plan Type": "Dentistry"',
      'row 2, "Coverage Level": "Everyone"',
      'row 2, "Coverage Start Date"',
      'row 2, "Employee Cost"',
    ])
      expect(message).toContain(part);
  });
});

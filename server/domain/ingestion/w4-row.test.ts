import { describe, expect, it } from "vitest";
import { BASE_COMPANY } from "./fixtures/golden-cases.js";
import { type Mapping, mapOrg, parseUpload, validateOrg } from "./index.js";

/** A census joined with a federal-withholding (W-4) export, as operators build one from two provider reports. */
const CSV = [
  "Employee ID,First Name,Last Name,W4 Year,Filing Status,Allowances,Exempt,Dependents Under 17,Other Dependents,Other Income,Deductions,Extra Withholding",
  '100,Ada,Lovelace,2023,Head of Household,,,"4,000.00",500.00,0,0,25.00',
  '101,Alan,Turing,2015,"Married, but withhold at higher Single rate",3,No,,,,,10.00',
  "102,Grace,Hopper,,,,,,,,,",
  "103,Edsger,Dijkstra,2021,MFJ,,,,,1200.50,,",
].join("\n");

const MAPPING: Mapping = {
  group: "org",
  dateFormat: "MM/DD/YYYY",
  amountsIn: "dollars",
  columns: {
    source_id: "Employee ID",
    first_name: "First Name",
    last_name: "Last Name",
    w4_year: "W4 Year",
    w4_filing_status: "Filing Status",
    w4_allowances: "Allowances",
    w4_exempt: "Exempt",
    w4_dependents_children: "Dependents Under 17",
    w4_dependents_other: "Other Dependents",
    w4_other_income: "Other Income",
    w4_deductions: "Deductions",
    w4_extra_withholding: "Extra Withholding",
  },
};

describe("W-4 columns of a census", () => {
  it("map to 2020 and 2005 forms by year and allowances; rows without a year have none", async () => {
    const parsed = await parseUpload(Buffer.from(CSV), "w4.csv");
    if (!parsed.ok) throw parsed.error;
    const mapped = mapOrg(parsed.value, MAPPING, { company: BASE_COMPANY });
    expect(validateOrg(mapped.input, mapped.issues, {}).ok).toBe(true);
    expect(mapped.input.documents).toEqual([
      {
        type: "w4_2020",
        year: 2023,
        individual_source_id: "100",
        data: {
          filing_status: "head_of_household",
          amount_for_qualifying_children_under_17: 400_000,
          amount_for_other_dependents: 50_000,
          total_claim_dependent_and_other_credits: 450_000,
          other_income: 0,
          deductions: 0,
          extra_withholding: 2_500,
        },
      },
      {
        type: "w4_2005",
        year: 2015,
        individual_source_id: "101",
        data: {
          filing_status: "married_but_withhold_at_higher_single_rate",
          total_number_of_allowances: 3,
          additional_withholding: 1_000,
          exemption: "non_exempt",
        },
      },
      {
        type: "w4_2020",
        year: 2021,
        individual_source_id: "103",
        data: {
          filing_status: "married_filing_jointly_or_qualifying_surviving_spouse",
          amount_for_qualifying_children_under_17: 0,
          amount_for_other_dependents: 0,
          total_claim_dependent_and_other_credits: 0,
          other_income: 120_050,
          deductions: 0,
          extra_withholding: 0,
        },
      },
    ]);
  });

  it("leaves documents out when the mapping has no W-4 year (the current W-4s are then kept), and flags bad cells", async () => {
    const parsed = await parseUpload(Buffer.from(CSV.replace("2015", "20x5").replace("Head of Household", "Widowed")), "w4.csv");
    if (!parsed.ok) throw parsed.error;
    const { w4_year: _y, ...columns } = MAPPING.columns;
    expect(mapOrg(parsed.value, { ...MAPPING, columns }, { company: BASE_COMPANY }).input.documents).toBeUndefined();
    const mapped = mapOrg(parsed.value, MAPPING, { company: BASE_COMPANY });
    expect(mapped.issues.map((i) => [i.code, i.field])).toEqual(
      expect.arrayContaining([
        ["invalid_year", "w4_year"],
        ["unknown_value", "w4_filing_status"],
      ]),
    );
    expect(mapped.input.documents?.[0]?.data.filing_status).toBeNull();
  });
});

/**
 * The W-4 columns of a census (a payroll system's federal-withholding export joined to the census by employee id):
 * one W-4 per row that has any of them. A form year before 2020, or an allowances column, means the 2005-era form.
 */
import type { DocumentInput } from "../../../contracts/finch/documents.js";
import type { RowReader } from "./row-reader.js";

/** The census fields a W-4 export feeds (amounts as the mapping's `amountsIn` says). */
export const W4_FIELDS = [
  "w4_year",
  "w4_filing_status",
  "w4_allowances",
  "w4_exempt",
  "w4_dependents_children",
  "w4_dependents_other",
  "w4_other_income",
  "w4_deductions",
  "w4_extra_withholding",
] as const;

/** Lower-case letters only, so "Married, but withhold at higher Single rate" and "MARRIED_HIGHER_SINGLE" compare. */
const squash = (s: string) => s.toLowerCase().replace(/[^a-z]/g, "");

const STATUS_2020: [RegExp, NonNullable<Extract<DocumentInput, { type: "w4_2020" }>["data"]["filing_status"]>][] = [
  [/^(hoh|headofhousehold)/, "head_of_household"],
  [/^(mfj|marriedfilingjointly|married$|marriedjointly)/, "married_filing_jointly_or_qualifying_surviving_spouse"],
  [/^(s$|single|mfs|marriedfilingseparately)/, "single_or_married_filing_separately"],
];
const STATUS_2005: [RegExp, NonNullable<Extract<DocumentInput, { type: "w4_2005" }>["data"]["filing_status"]>][] = [
  [/^(m$|married)(buthigher|butwithhold|withholdathigher|higher)/, "married_but_withhold_at_higher_single_rate"],
  [/^(m$|married)/, "married"],
  [/^(s$|single)/, "single"],
];

/** A filing status spelling to the form's value; unknown spellings are a warning and read as null. */
function filingStatus<V>(reader: RowReader, table: [RegExp, V][]): V | null {
  const raw = reader.text("w4_filing_status");
  if (raw === null) return null;
  const hit = table.find(([re]) => re.test(squash(raw)));
  if (!hit) reader.warning("unknown_value", `"${raw}" is not a known W-4 filing status; it is left empty`, "w4_filing_status");
  return hit ? hit[1] : null;
}

/** The W-4 on the reader's current row, or null when the row has no W-4 year (the one column a form cannot lack). */
export function w4FromRow(reader: RowReader, sourceId: string): DocumentInput | null {
  if (!reader.has("w4_year")) return null;
  const yearText = reader.text("w4_year");
  if (yearText === null) return null;
  const year = Number(yearText);
  if (!Number.isInteger(year) || year < 1900 || year > 2100) {
    reader.error("invalid_year", `"${yearText}" is not a year`, "w4_year");
    return null;
  }
  const cents = (field: (typeof W4_FIELDS)[number]) => reader.cents(field) ?? 0;
  if (year < 2020 || reader.text("w4_allowances") !== null) {
    const allowances = reader.decimal("w4_allowances") ?? 0;
    const exempt = reader.text("w4_exempt");
    return {
      type: "w4_2005",
      year,
      individual_source_id: sourceId,
      data: {
        filing_status: filingStatus(reader, STATUS_2005),
        total_number_of_allowances: Math.round(allowances),
        additional_withholding: cents("w4_extra_withholding"),
        exemption: exempt === null ? null : /^(y|yes|true|exempt|1)$/i.test(exempt) ? "exempt" : "non_exempt",
      },
    };
  }
  const children = cents("w4_dependents_children");
  const others = cents("w4_dependents_other");
  return {
    type: "w4_2020",
    year,
    individual_source_id: sourceId,
    data: {
      filing_status: filingStatus(reader, STATUS_2020),
      amount_for_qualifying_children_under_17: children,
      amount_for_other_dependents: others,
      total_claim_dependent_and_other_credits: children + others,
      other_income: cents("w4_other_income"),
      deductions: cents("w4_deductions"),
      extra_withholding: cents("w4_extra_withholding"),
    },
  };
}

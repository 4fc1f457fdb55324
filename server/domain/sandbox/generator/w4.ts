/**
 * Sandbox W-4s. Every employee (not contractors, who file no W-4) has one: the 2020 form for most, the 2005-era
 * form (allowances) for some of those hired before 2020 who never re-filed, as real payroll systems still hold them.
 * Drawn from their own labelled random stream, so adding them changed nothing else the generator makes.
 */
import type { DocumentInput } from "../../../../contracts/finch/documents.js";
import type { PersonInput } from "../../../../contracts/linnet/snapshot-input.js";
import type { Rng } from "./random.js";

/** Cents per qualifying child and per other dependent on the 2020 form (step 3). */
const PER_CHILD = 200_000;
const PER_OTHER_DEPENDENT = 50_000;

/** The W-4 of one person as of `today` (YYYY-MM-DD), or null for a contractor. */
export function makeW4(rng: Rng, person: PersonInput, today: string): DocumentInput | null {
  if (person.employment.employment?.type === "contractor") return null;
  const hired = Number((person.employment.start_date ?? today).slice(0, 4));
  const thisYear = Number(today.slice(0, 4));
  if (hired < 2020 && rng.chance(0.35)) {
    const filing_status = rng.weighted([
      ["single", 5],
      ["married", 4],
      ["married_but_withhold_at_higher_single_rate", 1],
    ] as const);
    return {
      type: "w4_2005",
      year: hired,
      individual_source_id: person.source_id,
      data: {
        filing_status,
        total_number_of_allowances: rng.int(0, filing_status === "single" ? 2 : 5),
        additional_withholding: rng.chance(0.15) ? rng.int(1, 20) * 1_000 : 0,
        exemption: rng.chance(0.02) ? "exempt" : "non_exempt",
      },
    };
  }
  const filing_status = rng.weighted([
    ["single_or_married_filing_separately", 5],
    ["married_filing_jointly_or_qualifying_surviving_spouse", 4],
    ["head_of_household", 1],
  ] as const);
  const children = filing_status === "single_or_married_filing_separately" ? (rng.chance(0.1) ? 1 : 0) : rng.int(0, 3);
  const others = rng.chance(0.08) ? 1 : 0;
  const amount_for_qualifying_children_under_17 = children * PER_CHILD;
  const amount_for_other_dependents = others * PER_OTHER_DEPENDENT;
  return {
    type: "w4_2020",
    // re-filed in a later year by some; never before the form existed or the person was hired
    year: Math.min(thisYear, Math.max(2020, hired) + (rng.chance(0.3) ? rng.int(0, 2) : 0)),
    individual_source_id: person.source_id,
    data: {
      filing_status,
      amount_for_qualifying_children_under_17,
      amount_for_other_dependents,
      total_claim_dependent_and_other_credits: amount_for_qualifying_children_under_17 + amount_for_other_dependents,
      other_income: rng.chance(0.1) ? rng.int(10, 200) * 10_000 : 0,
      deductions: rng.chance(0.1) ? rng.int(10, 150) * 10_000 : 0,
      extra_withholding: rng.chance(0.12) ? rng.int(1, 20) * 1_000 : 0,
    },
  };
}

/** The W-4s of a roster, in roster order. */
export function makeW4s(rng: Rng, people: readonly PersonInput[], today: string): DocumentInput[] {
  const documents: DocumentInput[] = [];
  for (const p of people) {
    const doc = makeW4(rng, p, today);
    if (doc) documents.push(doc);
  }
  return documents;
}

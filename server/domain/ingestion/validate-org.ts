/** Validation of organization data against the normalized model: ids, SSNs, dates, amounts, managers, the employer. */
import type { OrgSnapshotInput, PersonInput } from "../../../contracts/linnet/snapshot-input.js";
import { type Issue, IssueCollector } from "./issues.js";
import type { OrgField } from "./mapping.js";
import { originOf } from "./origin.js";
import { isIsoDate } from "./parse-date.js";
import { ssnProblem } from "./ssn.js";
import { buildReport, type ValidationReport } from "./validation-report.js";

/** What validation compares the file with. */
export interface OrgValidationContext {
  /** Employee ids of the connection's last published organization data; none in common asks for confirmation. */
  previousSourceIds?: Set<string>;
}

/** Date fields of a person, with the field name issues use. */
const DATES: readonly [OrgField, (p: PersonInput) => string | null | undefined][] = [
  ["dob", (p) => p.individual.dob],
  ["start_date", (p) => p.employment.start_date],
  ["end_date", (p) => p.employment.end_date],
  ["rehire_date", (p) => p.employment.latest_rehire_date],
  ["pay_effective_date", (p) => p.employment.income?.effective_date],
];

/**
 * Validate organization data, adding to the mapping's issues. Issues name file rows and headers when the input came
 * from `mapOrg`. Wrong-employer files (no employee id in common with the previous data) require confirmation.
 */
export function validateOrg(
  input: OrgSnapshotInput,
  issuesFromMapping: readonly Issue[],
  context: OrgValidationContext = {},
): ValidationReport {
  const issues = new IssueCollector();
  issues.absorb(issuesFromMapping);
  const origin = originOf(input);
  const rowOf = (i: number) => origin?.rows[i];
  const column = (field: OrgField) => origin?.columns[field];
  const people = input.people;
  const firstIndex = new Map<string, number>();
  for (let i = 0; i < people.length; i++) {
    const id = people[i]!.source_id;
    if (id === "") {
      issues.error("missing_id", "The employee id is empty", rowOf(i), column("source_id"), "source_id");
      continue;
    }
    const first = firstIndex.get(id);
    if (first === undefined) firstIndex.set(id, i);
    else
      issues.error(
        "duplicate_id",
        `Employee id "${id}" appears more than once (first on row ${rowOf(first) ?? first + 1})`,
        rowOf(i),
        column("source_id"),
        "source_id",
      );
  }
  let active = 0;
  for (let i = 0; i < people.length; i++) {
    const p = people[i]!;
    const row = rowOf(i);
    if (p.employment.is_active) active++;
    const ssn = p.individual.ssn;
    if (ssn) {
      const problem = ssnProblem(ssn);
      if (problem) issues.error("invalid_ssn", `The SSN ${problem}`, row, column("ssn"), "ssn");
    }
    for (const [field, get] of DATES) {
      const value = get(p);
      if (value && !isIsoDate(value)) issues.error("invalid_date", `"${value}" is not a valid YYYY-MM-DD date`, row, column(field), field);
    }
    const { start_date: start, end_date: end } = p.employment;
    if (start && end && end < start)
      issues.warning("end_before_start", `The end date ${end} is before the start date ${start}`, row, column("end_date"), "end_date");
    const amount = p.employment.income?.amount;
    if (amount !== null && amount !== undefined && amount < 0)
      issues.error("negative_amount", "The pay rate is negative", row, column("pay_rate"), "pay_rate");
    const manager = p.employment.manager_source_id;
    if (manager === p.source_id)
      issues.error("self_manager", `Employee "${manager}" is listed as their own manager`, row, column("manager_id"), "manager_id");
    else if (manager && !firstIndex.has(manager))
      issues.error("unknown_manager", `The manager "${manager}" is not in the file`, row, column("manager_id"), "manager_id");
  }
  if (people.length === 0) issues.error("no_people", "No person could be read from the file");
  const counts = { people: people.length, active, inactive: people.length - active };
  return buildReport(issues, counts, wrongEmployer(firstIndex, context.previousSourceIds, issues));
}

/** The reason to confirm when none of the file's ids were in the previous data (and records it as a warning). */
function wrongEmployer(ids: Map<string, number>, previous: Set<string> | undefined, issues: IssueCollector): string | undefined {
  if (!previous || previous.size === 0 || ids.size === 0) return undefined;
  for (const id of ids.keys()) if (previous.has(id)) return undefined;
  const reason =
    `None of the ${ids.size} employee ids in this file match the ${previous.size} people published before for this connection. ` +
    "It may be another employer's report: check the company before publishing.";
  issues.warning("wrong_employer", reason);
  return reason;
}

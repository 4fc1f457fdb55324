/** A parsed benefits-enrollment export → plans, enrollments and dependents, with every problem named by row and column. */
import type { DependentCoverage, PlanType } from "../../../contracts/finch/plans.js";
import { fail, ok, type Result } from "../errors.js";
import { parseDollars } from "../ingestion/parse-amount.js";
import { parseDate } from "../ingestion/parse-date.js";
import type { ParsedTable } from "../ingestion/parsed-table.js";
import { normalizeSsn, ssnProblem } from "../ingestion/ssn.js";
import {
  ENROLLMENT_EXPORT_COLUMNS,
  type ExportField,
  FREQUENCY_WORDS,
  PLAN_TYPE_WORDS,
  RELATIONSHIP_WORDS,
  REQUIRED_EXPORT_FIELDS,
  TIER_WORDS,
} from "./enrollment-export-template.js";
import type { DependentInput, EnrollmentInput, PlanInput, PlansInput } from "./publish-plans.js";

const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
const NETWORKS = new Set(["epo", "hdhp", "hmo", "other", "pos", "ppo"]);
const GENDERS: Record<string, string> = {
  m: "male",
  male: "male",
  f: "female",
  female: "female",
  other: "other",
  "decline to specify": "decline_to_specify",
};

/** Column index of each field present in the headers. */
function columnsOf(headers: string[]): Partial<Record<ExportField, number>> {
  const at = new Map(headers.map((h, i) => [norm(h), i]));
  const out: Partial<Record<ExportField, number>> = {};
  for (const [field, names] of Object.entries(ENROLLMENT_EXPORT_COLUMNS) as [ExportField, readonly string[]][]) {
    const i = names.map((n) => at.get(norm(n))).find((x) => x !== undefined);
    if (i !== undefined) out[field] = i;
  }
  return out;
}

/**
 * Map the export. `individualOf` turns an employee id into the connection's individual id (undefined when the census
 * does not know it). Fails with up to 10 problems, each naming the spreadsheet row and the column.
 */
export function mapEnrollmentExport(table: ParsedTable, individualOf: (employeeId: string) => string | undefined): Result<PlansInput> {
  const cols = columnsOf(table.headers);
  const absent = REQUIRED_EXPORT_FIELDS.filter((f) => cols[f] === undefined);
  if (absent.length > 0)
    return fail("invalid_request", `Missing columns: ${absent.map((f) => `"${ENROLLMENT_EXPORT_COLUMNS[f][0]}"`).join(", ")}`);
  const problems: string[] = [];
  const plans = new Map<string, PlanInput>();
  const enrollments = new Map<string, EnrollmentInput>();
  const dependents = new Map<string, DependentInput>();
  table.rows.forEach((row, r) => {
    const line = r + 2;
    const cell = (f: ExportField) => (cols[f] === undefined ? "" : (row[cols[f]!] ?? "").trim());
    const bad = (f: ExportField, why: string) => problems.push(`row ${line}, "${ENROLLMENT_EXPORT_COLUMNS[f][0]}": ${why}`);
    if (row.every((c) => c.trim() === "")) return;
    const words = <T extends string>(f: ExportField, map: Readonly<Record<string, T>>, required: boolean): T | null => {
      const v = cell(f);
      if (!v) {
        if (required) bad(f, "is empty");
        return null;
      }
      const hit = map[v.toLowerCase()] ?? map[norm(v)];
      if (!hit) bad(f, `"${v}" is not a known value`);
      return hit ?? null;
    };
    const date = (f: ExportField, required: boolean) => {
      const v = cell(f);
      if (!v) {
        if (required) bad(f, "is empty");
        return null;
      }
      const d = parseDate(v, "MM/DD/YYYY");
      if (!d) bad(f, `"${v}" is not a date (MM/DD/YYYY or YYYY-MM-DD)`);
      return d;
    };
    const dollars = (f: ExportField) => {
      const v = cell(f);
      if (!v) return null;
      const c = parseDollars(v);
      if (c === null || c < 0) bad(f, `"${v}" is not an amount in dollars`);
      return c;
    };
    const employeeId = cell("employee_id");
    const individualId = employeeId ? individualOf(employeeId) : undefined;
    if (!employeeId) bad("employee_id", "is empty");
    else if (!individualId) bad("employee_id", `employee "${employeeId}" is not in this employer's published census`);
    const type = words("plan_type", PLAN_TYPE_WORDS, true) as PlanType | null;
    const planName = cell("plan_name");
    if (!planName) bad("plan_name", "is empty");
    const network = cell("network_type").toLowerCase() || null;
    if (network && !NETWORKS.has(network)) bad("network_type", `"${network}" is not one of epo, hdhp, hmo, other, pos, ppo`);
    const tier = words("coverage_tier", TIER_WORDS, true);
    const start = date("coverage_start", true);
    const end = date("coverage_end", false);
    const planStart = date("plan_start", false) ?? start;
    const planEnd = date("plan_end", false);
    const frequency = words("frequency", FREQUENCY_WORDS, false) ?? "per_pay_period";
    const employee = dollars("employee_amount");
    const employer = dollars("employer_amount");
    if (!individualId || !type || !planName || !start || !planStart) return;
    const planKey = `${type}:${planName.toLowerCase()}`;
    if (!plans.has(planKey)) {
      const code = cell("deduction_code");
      const carrier = cell("carrier") || null;
      plans.set(planKey, {
        key: planKey,
        name: planName,
        type,
        description: null,
        network_type: network,
        carrier_id: null,
        carrier_name: carrier,
        start_date: planStart,
        end_date: planEnd,
        coverage_tiers: [],
        deduction_codes: code ? [code] : [],
      });
    }
    const plan = plans.get(planKey)!;
    if (tier && !plan.coverage_tiers!.includes(tier)) plan.coverage_tiers!.push(tier);
    const key = `${planKey}:${employeeId}`;
    let enrollment = enrollments.get(key);
    if (!enrollment) {
      const status = cell("status").toLowerCase() || null;
      enrollment = {
        key,
        plan_key: planKey,
        individual_id: individualId,
        coverage_tier: tier,
        coverage_start_date: start,
        coverage_end_date: end,
        contributions: { frequency, employee, employer },
        status,
        dependent_keys: [],
      };
      enrollments.set(key, enrollment);
    }
    const first = cell("dependent_first_name");
    if (!first) return;
    const relationship = words("dependent_relationship", RELATIONSHIP_WORDS, true) as
      | DependentCoverage["relationship_to_individual"]
      | null;
    const dob = date("dependent_dob", false);
    const rawSsn = cell("dependent_ssn");
    const ssn = rawSsn ? normalizeSsn(rawSsn) : null;
    if (ssn && ssnProblem(ssn)) bad("dependent_ssn", `the SSN ${ssnProblem(ssn)}`);
    const gender = cell("dependent_gender") ? (GENDERS[cell("dependent_gender").toLowerCase()] ?? null) : null;
    const last = cell("dependent_last_name");
    if (!last) bad("dependent_last_name", "is empty");
    if (!relationship || !last) return;
    const dependentKey = `${employeeId}:${first.toLowerCase()}:${last.toLowerCase()}:${dob ?? ""}`;
    if (!dependents.has(dependentKey)) {
      dependents.set(dependentKey, {
        key: dependentKey,
        first_name: first,
        last_name: last,
        middle_name: cell("dependent_middle_name") || null,
        ssn: ssn && !ssnProblem(ssn) ? ssn : null,
        date_of_birth: dob,
        gender,
        individual_id: individualId,
        relationship,
      });
    }
    if (!enrollment.dependent_keys.includes(dependentKey)) enrollment.dependent_keys.push(dependentKey);
  });
  if (problems.length > 0)
    return fail("invalid_request", problems.slice(0, 10).join("; ") + (problems.length > 10 ? ` (and ${problems.length - 10} more)` : ""));
  if (enrollments.size === 0) return fail("invalid_request", "The file has no enrollment rows");
  return ok({ plans: [...plans.values()], enrollments: [...enrollments.values()], dependents: [...dependents.values()] });
}

import {
  type BenefitJobRow,
  findBenefit,
  latestPaymentStatements,
  listJobsToVerify,
  updateBenefitJob,
} from "../../db/repositories/benefits.repository.js";
import type { ConnectionRow } from "../../db/repositories/connections.repository.js";
import { DAY_MS } from "../clock.js";
import type { Deps } from "../deps.js";
import type { EnrollmentInput } from "./benefit-rules.js";
import type { Line, Statement } from "./statement-lines.js";

type State = "verified" | "not_yet_visible" | "mismatch";
interface Detail {
  individual_id: string;
  state: State;
  expected: number | null;
  found: number | null;
  message: string;
}

/** The statement line of a benefit: by its name first, else by its type. */
function lineOf(lines: (Line | null)[] | null | undefined, benefit: { description: string | null; type: string | null }): Line | undefined {
  const all = (lines ?? []).filter((l): l is Line => Boolean(l));
  const name = benefit.description?.trim().toLowerCase();
  return all.find((l) => name && l.name?.trim().toLowerCase() === name) ?? all.find((l) => benefit.type && l.type === benefit.type);
}

/** Expected cents of a fixed or percent amount on a statement. */
function expectedCents(c: { type: string; amount?: number }, gross: number): number | null {
  if (c.type === "fixed") return c.amount ?? 0;
  if (c.type === "percent") return Math.round((gross * (c.amount ?? 0)) / 10_000);
  return null;
}

/** Check one enrolled individual's statement. */
function checkEnrolled(
  item: EnrollmentInput,
  s: Statement | undefined,
  benefit: { description: string | null; type: string | null },
  payDate: string,
): Detail {
  const id = item.individual_id;
  if (item.configuration.effective_date && payDate < item.configuration.effective_date) {
    return {
      individual_id: id,
      state: "not_yet_visible",
      expected: null,
      found: null,
      message: `Effective ${item.configuration.effective_date}, after the latest payroll (${payDate})`,
    };
  }
  if (!s)
    return {
      individual_id: id,
      state: "not_yet_visible",
      expected: null,
      found: null,
      message: `No pay statement in the latest payroll (${payDate})`,
    };
  const gross = s.gross_pay?.amount ?? 0;
  const employee = item.configuration.employee_deduction;
  const company = item.configuration.company_contribution;
  const [config, lines, side] = employee
    ? [employee, s.employee_deductions, "deduction"]
    : [company, s.employer_contributions, "contribution"];
  const line = lineOf(lines, benefit);
  if (!line)
    return {
      individual_id: id,
      state: "not_yet_visible",
      expected: null,
      found: null,
      message: `No “${benefit.description ?? benefit.type}” ${side} on the ${payDate} pay statement yet`,
    };
  const expected = config ? expectedCents(config as { type: string; amount?: number }, gross) : null;
  const found = line.amount ?? null;
  if (expected === null)
    return { individual_id: id, state: "verified", expected, found, message: `The ${side} appears on the ${payDate} pay statement` };
  if (found !== null && Math.abs(found - expected) <= 1)
    return {
      individual_id: id,
      state: "verified",
      expected,
      found,
      message: `The ${side} appears on the ${payDate} pay statement as written`,
    };
  return {
    individual_id: id,
    state: "mismatch",
    expected,
    found,
    message: `The ${payDate} pay statement shows ${found ?? "no amount"} cents where ${expected} were written`,
  };
}

/** Check one unenrolled individual: the deduction must be gone. */
function checkUnenrolled(
  id: string,
  s: Statement | undefined,
  benefit: { description: string | null; type: string | null },
  payDate: string,
): Detail {
  const line = s ? lineOf(s.employee_deductions, benefit) : undefined;
  if (line)
    return {
      individual_id: id,
      state: "not_yet_visible",
      expected: 0,
      found: line.amount ?? null,
      message: `Still deducted on the ${payDate} pay statement`,
    };
  return { individual_id: id, state: "verified", expected: 0, found: null, message: `No longer deducted on the ${payDate} pay statement` };
}

/** How long after a job completes later payrolls are still checked for it. */
export const VERIFY_WINDOW_DAYS = 90;

/** The worst of the details: mismatch, then not yet visible, else verified. */
const overall = (details: Detail[]): State =>
  details.some((d) => d.state === "mismatch")
    ? "mismatch"
    : details.some((d) => d.state === "not_yet_visible")
      ? "not_yet_visible"
      : "verified";

/**
 * Write-then-verify, called by every publish (in its transaction): after a pay publish, check each completed
 * enrollment change of the connection against the latest payroll in the new snapshot, and record on the job whether
 * it is `verified`, `not_yet_visible` or a `mismatch` (with details per individual). Jobs not yet verified are
 * checked again at every later pay publish for VERIFY_WINDOW_DAYS after they completed; after that their last
 * verdict stands (a change that no payroll in three months shows is for people to look at, not for every publish).
 * Costs one indexed query when nothing waits.
 */
export async function verifyBenefitWrites(
  deps: Pick<Deps, "db" | "clock">,
  connection: ConnectionRow,
  snapshot: { id: string; group: "org" | "pay" },
): Promise<void> {
  if (snapshot.group !== "pay") return;
  const jobs = await listJobsToVerify(deps.db, connection.id, new Date(deps.clock.now().getTime() - VERIFY_WINDOW_DAYS * DAY_MS));
  if (jobs.length === 0) return;
  const latest = await latestPaymentStatements(deps.db, snapshot.id);
  const byPerson = new Map<string, Statement>();
  for (const json of latest?.statements ?? []) {
    const s = JSON.parse(json) as Statement;
    byPerson.set(s.individual_id, s);
  }
  const payDate = latest?.payDate ?? "none";
  for (const job of jobs) await verifyJob(deps, job, byPerson, payDate, snapshot.id);
}

async function verifyJob(
  deps: Pick<Deps, "db" | "clock">,
  job: BenefitJobRow,
  byPerson: Map<string, Statement>,
  payDate: string,
  snapshotId: string,
): Promise<void> {
  const benefit = await findBenefit(deps.db, job.connectionId, job.benefitId);
  if (!benefit) return;
  const applied = new Set(job.verification?.applied ?? []);
  const details =
    job.type === "benefit_enroll"
      ? (job.request.items as EnrollmentInput[])
          .filter((i) => applied.has(i.individual_id))
          .map((i) => checkEnrolled(i, byPerson.get(i.individual_id), benefit, payDate))
      : [...applied].map((id) => checkUnenrolled(id, byPerson.get(id), benefit, payDate));
  const state = overall(details);
  await updateBenefitJob(deps.db, job.id, {
    verificationState: state,
    verification: { state, checked_at: deps.clock.now().toISOString(), snapshot_id: snapshotId, details, applied: [...applied] },
  });
}

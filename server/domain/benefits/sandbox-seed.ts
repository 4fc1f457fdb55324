import { randomUUID } from "node:crypto";
import { BENEFIT_TYPES, type BenefitType } from "../../../contracts/finch/benefits.js";
import {
  claimBenefitSeed,
  type EnrollmentRow,
  insertBenefits,
  isBenefitSeeded,
  latestPaymentStatements,
  upsertEnrollments,
} from "../../db/repositories/benefits.repository.js";
import type { ConnectionRow } from "../../db/repositories/connections.repository.js";
import type { Deps } from "../deps.js";
import type { Statement } from "./statement-lines.js";

const isType = (t: unknown): t is BenefitType => typeof t === "string" && (BENEFIT_TYPES as readonly string[]).includes(t);
/** A share of gross pay as whole-percent basis points (the generator elects whole percents). */
const percentOf = (amount: number, gross: number) => Math.round((amount / gross) * 100) * 100;

/**
 * Give a sandbox connection a benefits set consistent with the deductions its generated pay statements carry: one
 * benefit per deduction line (401(k) with the company match, medical, dental, vision) and, from the latest payroll,
 * each person's election (401(k) as a percent of gross, premiums as fixed amounts). Runs once per connection, when
 * its pay data exists; before that the connection starts empty.
 */
export async function seedSandboxBenefits(deps: Pick<Deps, "db" | "clock">, connection: ConnectionRow): Promise<void> {
  if (!connection.paySnapshotId || (await isBenefitSeeded(deps.db, connection.id))) return;
  const latest = await latestPaymentStatements(deps.db, connection.paySnapshotId);
  if (!latest) return;
  await deps.db.transaction(async (tx) => {
    if (!(await claimBenefitSeed(tx, connection.id, deps.clock.now()))) return;
    const now = deps.clock.now();
    const benefitIds = new Map<string, { id: string; type: BenefitType; name: string; topMatch: number }>();
    const enrollments: EnrollmentRow[] = [];
    for (const json of latest.statements) {
      const s = JSON.parse(json) as Statement;
      const gross = s.gross_pay?.amount ?? 0;
      if (gross <= 0) continue;
      for (const line of s.employee_deductions ?? []) {
        if (!line || !isType(line.type) || !line.amount) continue;
        const key = `${line.type}:${line.name ?? ""}`;
        let benefit = benefitIds.get(key);
        if (!benefit) {
          benefit = { id: randomUUID(), type: line.type, name: line.name ?? line.type, topMatch: 0 };
          benefitIds.set(key, benefit);
        }
        const percent = line.type === "401k";
        const match = percent ? ((s.employer_contributions ?? []).find((c) => c?.type === line.type)?.amount ?? 0) : 0;
        if (match > 0) benefit.topMatch = Math.max(benefit.topMatch, percentOf(match, gross));
        enrollments.push({
          benefitId: benefit.id,
          individualId: s.individual_id,
          connectionId: connection.id,
          employeeDeduction: percent ? { type: "percent", amount: percentOf(line.amount, gross) } : { type: "fixed", amount: line.amount },
          companyContribution: match > 0 ? { type: "percent", amount: percentOf(match, gross) } : null,
          annualMaximum: null,
          catchUp: percent ? false : null,
          hsaContributionLimit: null,
          effectiveDate: null,
          updatedAt: now,
        });
      }
    }
    await insertBenefits(
      tx,
      [...benefitIds.values()].map((b) => ({
        id: b.id,
        connectionId: connection.id,
        type: b.type,
        description: b.name,
        frequency: "every_paycheck",
        companyContribution: b.topMatch > 0 ? { type: "match", tiers: [{ match: 10_000, threshold: b.topMatch }] } : null,
        state: "active",
        origin: "sandbox",
        createdAt: now,
        updatedAt: now,
      })),
    );
    await upsertEnrollments(tx, enrollments);
  });
}

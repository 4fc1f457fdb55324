import { randomUUID } from "node:crypto";
import type { CreateBenefitBody, EnrollBody } from "../../../contracts/finch/benefits.js";
import { insertActivity } from "../../db/repositories/activity.repository.js";
import { insertBenefitJob, insertBenefits } from "../../db/repositories/benefits.repository.js";
import { recordsByIds } from "../../db/repositories/snapshots.repository.js";
import { createManualJob } from "../assisted/manual-jobs.js";
import type { TokenContext } from "../connections/authenticate-token.js";
import type { Deps } from "../deps.js";
import { fail, ok, type Result } from "../errors.js";
import { transactional } from "../transactional.js";
import { BENEFIT_WRITE_QUEUE, type BenefitJobType } from "./benefit-jobs.js";
import { checkBenefit, checkEnrollment, checkUnenrollment } from "./benefit-rules.js";
import { type BenefitWriteOutcome, remember, replayed, requestFingerprint } from "./idempotency.js";

export type { BenefitWriteOutcome } from "./idempotency.js";

import {
  type BenefitFacts,
  createInstructions,
  enrollInstructions,
  individualNames,
  unenrollInstructions,
  updateInstructions,
} from "./operator-instructions.js";
import { writableBenefit } from "./read-benefits.js";

/** A deduction write as the API received it. */
export type BenefitWrite =
  | { type: "benefit_create"; body: CreateBenefitBody }
  | { type: "benefit_register"; body: Omit<CreateBenefitBody, "company_contribution"> }
  | { type: "benefit_update"; benefitId: string; body: { description?: string } }
  | { type: "benefit_enroll"; benefitId: string; body: EnrollBody }
  | { type: "benefit_unenroll"; benefitId: string; body: { individual_ids?: string[] } };

/** A validated write, ready to become a job. */
interface PlannedWrite {
  benefitId: string;
  /** A new benefit to insert as pending (create, register). */
  newBenefit: BenefitFacts | null;
  /** What the job applies on completion. */
  request: Record<string, unknown>;
  /** What the operator enters (assisted). */
  instructions: Record<string, unknown>;
  /** What the write does, as its answer says. */
  kind: BenefitWriteOutcome["kind"];
}

/** Individual ids that exist in the connection's organization data. */
async function knownIndividuals(deps: Pick<Deps, "db">, orgSnapshotId: string, ids: (string | undefined)[]): Promise<Set<string>> {
  const wanted = [...new Set(ids.filter((id): id is string => typeof id === "string" && /^[0-9a-f-]{36}$/i.test(id)))];
  return new Set((await recordsByIds(deps.db, orgSnapshotId, "directory", wanted)).map((r) => r.id ?? ""));
}

/** Validate a write and work out the job it becomes. */
async function plan(deps: Deps, ctx: TokenContext, orgSnapshotId: string, write: BenefitWrite): Promise<Result<PlannedWrite>> {
  const provider = deps.catalog.get(ctx.connection.providerId)?.display_name ?? ctx.connection.providerId;
  if (write.type === "benefit_create" || write.type === "benefit_register") {
    if (write.type === "benefit_register" && ctx.connection.authMethod !== "assisted") {
      return fail(
        "invalid_request",
        "Registering an existing benefit is only available for assisted connections; create it with POST /employer/benefits",
      );
    }
    const checked = checkBenefit(write.body);
    if (!checked.ok) return checked;
    const b = write.body as CreateBenefitBody;
    const facts: BenefitFacts = {
      benefit_id: randomUUID(),
      type: b.type ?? null,
      description: b.description ?? null,
      frequency: b.frequency ?? null,
      company_contribution: b.company_contribution ?? null,
    };
    return ok({
      benefitId: facts.benefit_id,
      newBenefit: facts,
      request: { ...write.body },
      instructions: createInstructions(facts, write.type === "benefit_register", provider),
      kind: "benefit_created",
    });
  }
  const found = await writableBenefit(deps, ctx, write.benefitId);
  if (!found.ok) return found;
  const benefit = found.value;
  const facts: BenefitFacts = {
    benefit_id: benefit.id,
    type: benefit.type,
    description: benefit.description,
    frequency: benefit.frequency,
    company_contribution: benefit.companyContribution,
  };
  if (write.type === "benefit_update") {
    if (write.body.description === undefined) return fail("invalid_request", "description: give the new name or description");
    return ok({
      benefitId: benefit.id,
      newBenefit: null,
      request: { description: write.body.description },
      instructions: updateInstructions(facts, write.body.description, provider),
      kind: "benefit_updated",
    });
  }
  if (write.type === "benefit_enroll") {
    const known = await knownIndividuals(
      deps,
      orgSnapshotId,
      write.body.map((i) => i.individual_id),
    );
    const items = checkEnrollment(facts.type, write.body, known);
    if (!items.ok) return items;
    const names = await individualNames(
      deps.db,
      orgSnapshotId,
      items.value.map((i) => i.individual_id),
    );
    return ok({
      benefitId: benefit.id,
      newBenefit: null,
      request: { items: items.value },
      instructions: enrollInstructions(facts, items.value, names, provider),
      kind: "job_queued",
    });
  }
  const known = await knownIndividuals(deps, orgSnapshotId, write.body.individual_ids ?? []);
  const ids = checkUnenrollment(write.body.individual_ids, known);
  if (!ids.ok) return ids;
  const names = await individualNames(deps.db, orgSnapshotId, ids.value);
  return ok({
    benefitId: benefit.id,
    newBenefit: null,
    request: { individual_ids: ids.value },
    instructions: unenrollInstructions(facts, ids.value, names, provider),
    kind: "job_queued",
  });
}

/** How a connection carries out writes: through the provider (sandbox automated) or by the operations team. */
function modeOf(ctx: TokenContext): Result<"automated" | "assisted"> {
  if (ctx.connection.authMethod === "assisted") return ok("assisted");
  if (ctx.connection.connectionType === "finch") return ok("automated");
  return fail("not_implemented", "Deduction writes are not available for this provider");
}

/**
 * A deduction write: validate, then queue its job (a pg-boss job on sandbox automated connections, a manual job for
 * the operations team on assisted ones) and answer with its `job_id`. With an `Idempotency-Key`, a retry of the same
 * write gets the same outcome and job; the same key with another write is refused.
 */
export async function writeBenefit(
  deps: Deps,
  ctx: TokenContext,
  orgSnapshotId: string,
  write: BenefitWrite,
  idempotencyKey: string | undefined,
): Promise<Result<BenefitWriteOutcome>> {
  const now = deps.clock.now();
  const fingerprint = requestFingerprint(write.type, "benefitId" in write ? write.benefitId : null, write.body);
  if (idempotencyKey) {
    const before = await replayed(deps.db, ctx, idempotencyKey, fingerprint, now);
    if (!before.ok) return before;
    if (before.value) return ok(before.value);
  }
  const mode = modeOf(ctx);
  if (!mode.ok) return mode;
  const planned = await plan(deps, ctx, orgSnapshotId, write);
  if (!planned.ok) return planned;
  const p = planned.value;
  const c = ctx.connection;
  const done = await transactional(deps.db, async (tx) => {
    if (p.newBenefit) {
      const b = p.newBenefit;
      await insertBenefits(tx, [
        {
          id: b.benefit_id,
          connectionId: c.id,
          type: b.type,
          description: b.description,
          frequency: b.frequency,
          companyContribution: b.company_contribution ?? null,
          state: "pending",
          origin: "api",
          createdAt: now,
          updatedAt: now,
        },
      ]);
    }
    // Assisted: a manual job due two business days out (createManualJob skips weekends; holidays are not modelled).
    const jobId =
      mode.value === "assisted" ? (await createManualJob({ db: tx, clock: deps.clock }, c, write.type, p.instructions)).id : randomUUID();
    await insertBenefitJob(tx, {
      id: jobId,
      connectionId: c.id,
      applicationId: ctx.application.id,
      type: write.type satisfies BenefitJobType,
      mode: mode.value,
      benefitId: p.benefitId,
      status: "pending",
      request: p.request,
      body: null,
      verificationState: null,
      verification: null,
      createdAt: now,
      completedAt: null,
    });
    if (mode.value === "automated") {
      await insertActivity(tx, {
        connectionId: c.id,
        actor: `app:${c.applicationId}`,
        kind: "benefit_job",
        fromStatus: null,
        toStatus: null,
        message: `Deduction job ${write.type} queued`,
        at: now,
      });
    }
    const outcome: BenefitWriteOutcome =
      p.kind === "job_queued" ? { kind: p.kind, jobId } : { kind: p.kind, benefitId: p.benefitId, jobId };
    if (idempotencyKey && !(await remember(tx, ctx, idempotencyKey, fingerprint, outcome, now))) {
      return fail<BenefitWriteOutcome>("idempotency_key_reused", "Idempotency-Key: a request with this key is in progress");
    }
    return ok(outcome);
  });
  if (!done.ok) {
    // A concurrent request with the same key won the race: answer as it did.
    if (idempotencyKey && done.error.id === "idempotency_key_reused") {
      const winner = await replayed(deps.db, ctx, idempotencyKey, fingerprint, now);
      if (winner.ok && winner.value) return ok(winner.value);
    }
    return done;
  }
  if (mode.value === "automated") await deps.jobs.send(BENEFIT_WRITE_QUEUE, { jobId: done.value.jobId });
  return done;
}

import type { z } from "zod";
import type { OpsManualJobSchema } from "../../../contracts/linnet/ops.js";
import { verificationsOf } from "../../db/repositories/benefits.repository.js";
import { listManualJobs } from "../../db/repositories/manual-jobs.repository.js";
import type { ManualJobStatus } from "../assisted/manual-job-machine.js";
import { presentVerification } from "../benefits/benefit-jobs.js";
import type { Deps } from "../deps.js";
import { isUuid } from "../ids.js";

type OpsManualJob = z.infer<typeof OpsManualJobSchema>;

/** Manual jobs of the given statuses as the console shows them, soonest due first. */
export async function listManualJobView(
  deps: Pick<Deps, "db" | "catalog">,
  statuses: ManualJobStatus[],
  ids?: string[],
): Promise<OpsManualJob[]> {
  const rows = await listManualJobs(deps.db, statuses, ids);
  const verified = new Map(
    (
      await verificationsOf(
        deps.db,
        rows.map((r) => r.job.id),
      )
    ).map((v) => [v.id, presentVerification(v.verification)]),
  );
  return rows.map((r) => ({
    job_id: r.job.id,
    connection_id: r.job.connectionId,
    customer_name: r.customerName,
    provider: { id: r.providerId, display_name: deps.catalog.get(r.providerId)?.display_name ?? r.providerId },
    type: r.job.type,
    status: r.job.status,
    request: r.job.request,
    body: r.job.body,
    due_at: r.job.dueAt.toISOString(),
    assignee: r.job.assigneeId ? { id: r.job.assigneeId, email: r.assigneeEmail ?? "" } : null,
    created_at: r.job.createdAt.toISOString(),
    ...(verified.has(r.job.id) ? { verification: verified.get(r.job.id) } : {}),
  }));
}

/** One manual job as the console shows it. */
export async function manualJobView(deps: Pick<Deps, "db" | "catalog">, id: string): Promise<OpsManualJob | undefined> {
  if (!isUuid(id)) return undefined;
  const [job] = await listManualJobView(deps, ["pending", "in_progress", "complete", "error"], [id]);
  return job;
}

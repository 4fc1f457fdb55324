import { consoleFetch, queryString } from "../../console/console-fetch.js";
import type { ManualJob } from "../ops-types.js";

/** The manual-jobs page's calls to `/ops/api/manual-jobs`. */

const jobPath = (id: string) => `/ops/api/manual-jobs/${encodeURIComponent(id)}`;

/** One item of a job's outcome, as `GET /jobs/manual/{id}` will serve it to the developer. */
export interface ManualJobItem {
  individual_id?: string;
  code: number;
  message: string;
}

/** Manual jobs, optionally of one status. */
export async function listManualJobs(status?: string): Promise<ManualJob[]> {
  const answer = await consoleFetch<{ jobs: ManualJob[] }>(`/ops/api/manual-jobs${queryString({ status })}`);
  return answer.jobs;
}

/** Marks the job in progress (assigned to the signed-in operator). */
export function startManualJob(id: string): Promise<ManualJob> {
  return consoleFetch<ManualJob>(`${jobPath(id)}/start`, { method: "POST", json: {} });
}

/** Records the outcome: overall status and one result per item. */
export function completeManualJob(id: string, status: "complete" | "error", body: ManualJobItem[]): Promise<ManualJob> {
  return consoleFetch<ManualJob>(`${jobPath(id)}/complete`, { json: { status, body } });
}

import { consoleFetch } from "../../console/console-fetch.js";
import type { OpsConnection } from "../ops-types.js";

/** The connection page's calls to `/ops/api/connections`. */

const connectionPath = (id: string) => `/ops/api/connections/${encodeURIComponent(id)}`;

/** Everything the connection page shows. */
export function getConnection(id: string): Promise<OpsConnection> {
  return consoleFetch<OpsConnection>(connectionPath(id));
}

/** Records a pull of one group that failed while the connection stands, with what went wrong. */
export function reportPullFailure(id: string, group: "org" | "pay", reason: string): Promise<OpsConnection> {
  return consoleFetch<OpsConnection>(`${connectionPath(id)}/pull-failures`, { json: { group, reason } });
}

/** Moves the connection to one of its `allowed_statuses`, with the operator's reason (kept in the activity log). */
export function setConnectionStatus(id: string, status: string, reason: string): Promise<OpsConnection> {
  return consoleFetch<OpsConnection>(`${connectionPath(id)}/status`, { json: { status, reason } });
}

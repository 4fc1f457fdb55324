import type { EmployerStatus } from "../../contracts/linnet/connect-flow.js";
import { fetchJson } from "../ui/fetch-json.js";

/** The employer status page's calls to `/connect/api/status`. */

/** The status token: the last segment of `/connect/status/<token>`. */
export function tokenFromPath(pathname: string): string {
  const segments = pathname.split("/").filter(Boolean);
  return decodeURIComponent(segments.at(-1) ?? "");
}

const statusPath = (token: string) => `/connect/api/status/${encodeURIComponent(token)}`;

/** Loads the connection's status for the employer. */
export function getStatus(token: string): Promise<EmployerStatus> {
  return fetchJson<EmployerStatus>(statusPath(token));
}

/** Records that the employer granted admin access; answers with the updated status. */
export function confirmAccess(token: string): Promise<EmployerStatus> {
  return fetchJson<EmployerStatus>(`${statusPath(token)}/confirm-access`, { method: "POST", body: {} });
}

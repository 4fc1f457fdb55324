import type { ReportCredentials, ReportSetup } from "../../contracts/linnet/report-setup.js";
import { fetchJson } from "../ui/fetch-json.js";

/** The status page's calls for the scheduled-report inbox (`/connect/api/status/:token/report-setup`). */

const setupPath = (token: string) => `/connect/api/status/${encodeURIComponent(token)}/report-setup`;

/** The provider's steps and the inbox, if any. */
export const getReportSetup = (token: string) => fetchJson<ReportSetup>(setupPath(token));
/** Create the inbox credentials (or new ones); the password comes back this once. */
export const createReportCredentials = (token: string) =>
  fetchJson<ReportCredentials>(`${setupPath(token)}/password`, { method: "POST", body: {} });
/** Add the provider's public key instead of (or besides) a password. */
export const addReportKey = (token: string, publicKey: string) =>
  fetchJson<ReportSetup>(`${setupPath(token)}/keys`, { body: { public_key: publicKey } });

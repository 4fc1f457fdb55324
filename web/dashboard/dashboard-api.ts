import type {
  ApplicationSettings,
  ConnectLink,
  DashboardApplication,
  DashboardConnectionDetail,
  DashboardConnectionList,
  RotatedSecretResponse,
} from "../../contracts/linnet/dashboard.js";
import { consoleFetch, queryString } from "../console/console-fetch.js";

/** The dashboard's calls to `/dashboard/api` (the console session cookie, CSRF header on changes). */

const base = (applicationId: string) => `/dashboard/api/applications/${encodeURIComponent(applicationId)}`;

/** The applications the signed-in person may open. */
export async function listApplications(): Promise<DashboardApplication[]> {
  return (await consoleFetch<{ data: DashboardApplication[] }>("/dashboard/api/applications")).data;
}

/** One page of an application's connections. */
export function listConnections(
  applicationId: string,
  query: Record<string, string | number | undefined>,
): Promise<DashboardConnectionList> {
  return consoleFetch(`${base(applicationId)}/connections${queryString(query)}`);
}

/** The connection page's data. */
export function getConnection(applicationId: string, connectionId: string): Promise<DashboardConnectionDetail> {
  return consoleFetch(`${base(applicationId)}/connections/${encodeURIComponent(connectionId)}`);
}

/** A reauthentication Connect link for a connection. */
export function createReauthLink(applicationId: string, connectionId: string): Promise<ConnectLink> {
  return consoleFetch(`${base(applicationId)}/connections/${encodeURIComponent(connectionId)}/reauthenticate`, { method: "POST" });
}

/** Disconnects a connection; answers the updated page. */
export function disconnect(applicationId: string, connectionId: string): Promise<DashboardConnectionDetail> {
  return consoleFetch(`${base(applicationId)}/connections/${encodeURIComponent(connectionId)}/disconnect`, { method: "POST" });
}

/** Set the 202 body mode (`empty` | `finch`), or null for the deployment's default. */
export function saveAcceptedBody(applicationId: string, mode: "empty" | "finch" | null): Promise<ApplicationSettings> {
  return consoleFetch(`${base(applicationId)}/settings`, { method: "PATCH", json: { accepted_body: mode } });
}

/** The application's settings. */
export function getSettings(applicationId: string): Promise<ApplicationSettings> {
  return consoleFetch(`${base(applicationId)}/settings`);
}

/** Replaces the redirect URIs. */
export function saveRedirectUris(applicationId: string, redirectUris: string[]): Promise<ApplicationSettings> {
  return consoleFetch(`${base(applicationId)}/settings`, { method: "PATCH", json: { redirect_uris: redirectUris } });
}

/** Rotates the client secret; the answer holds the new secret, shown once. */
export function rotateSecret(applicationId: string): Promise<RotatedSecretResponse> {
  return consoleFetch(`${base(applicationId)}/rotate-secret`, { method: "POST" });
}

/** Creates a Connect link for a new employer. */
export function createConnectLink(
  applicationId: string,
  body: { customer_id: string; customer_name: string; customer_email?: string; products: string[]; manual: boolean },
): Promise<ConnectLink> {
  return consoleFetch(`${base(applicationId)}/connect-links`, { json: body });
}

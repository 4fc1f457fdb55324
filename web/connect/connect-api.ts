import type { AssistedInstructions, AuthorizeRequest, AuthorizeResponse, ConnectFlow } from "../../contracts/linnet/connect-flow.js";
import { fetchJson } from "../ui/fetch-json.js";

/** The hosted Connect page's calls to `/connect/api`. */

const flowPath = (flowId: string) => `/connect/api/flows/${encodeURIComponent(flowId)}`;

/** Starts a flow from the query string `/authorize` was opened with. */
export function startFlow(search: string): Promise<ConnectFlow> {
  const query = Object.fromEntries(new URLSearchParams(search));
  return fetchJson<ConnectFlow>("/connect/api/flows", { body: { query } });
}

/** Admin-access instructions for an assisted provider, filled in for this flow. */
export function getInstructions(flowId: string, providerId: string): Promise<AssistedInstructions> {
  return fetchJson<AssistedInstructions>(`${flowPath(flowId)}/providers/${encodeURIComponent(providerId)}/instructions`);
}

/** Completes the flow with the chosen provider; answers with the authorization code. */
export function authorize(flowId: string, request: AuthorizeRequest): Promise<AuthorizeResponse> {
  return fetchJson<AuthorizeResponse>(`${flowPath(flowId)}/authorize`, { body: request });
}

import type {
  DemoConfig,
  DemoDataRequest,
  DemoDataResponse,
  DemoExchangeResponse,
  DemoSessionRequest,
  DemoSessionResponse,
} from "../../contracts/linnet/demo.js";
import { fetchJson } from "../ui/fetch-json.js";

/** The demo page's calls to its stand-in backend (`/demo/api`). */

export type { DemoConfig, DemoDataResponse, DemoExchangeResponse, DemoSessionRequest, DemoSessionResponse };

/** Whether a demo application exists, and where Connect lives. */
export function getConfig(): Promise<DemoConfig> {
  return fetchJson<DemoConfig>("/demo/api/config");
}

/**
 * Asks the demo's server to create a Connect session (it holds the client secret). A real (non-sandbox) session is
 * a console action: it carries the console session's CSRF token.
 */
export function createSession(request: DemoSessionRequest, csrfToken: string | null): Promise<DemoSessionResponse> {
  return fetchJson<DemoSessionResponse>("/demo/api/sessions", { body: request, headers: csrfToken ? { "x-csrf-token": csrfToken } : {} });
}

/** Asks the demo's server to exchange the code for a token and introspect it (`redirect`: it came to /demo/callback). */
export function exchangeCode(code: string, redirect = false): Promise<DemoExchangeResponse> {
  return fetchJson<DemoExchangeResponse>("/demo/api/exchange", { body: redirect ? { code, redirect } : { code } });
}

/** Asks the demo's server to call a data endpoint with the token it keeps. */
export function callData(request: DemoDataRequest): Promise<DemoDataResponse> {
  return fetchJson<DemoDataResponse>("/demo/api/data", { body: request });
}

/**
 * The `apiConfig.connectUrl` for react-connect. The SDK appends "/authorize" and accepts messages only from origins
 * that start with this value, so an empty value (which would fall back to connect.tryfinch.com) or a trailing slash
 * would silently break the embed.
 */
export function connectBaseUrl(config: DemoConfig): string {
  const base = config.connect_url.trim() || window.location.origin;
  return base.replace(/\/+$/, "");
}

import type { DemoConfig, DemoExchangeResponse, DemoSessionRequest, DemoSessionResponse } from "../../contracts/linnet/demo.js";
import { fetchJson } from "../ui/fetch-json.js";

/** The demo page's calls to its stand-in backend (`/demo/api`). */

export type { DemoConfig, DemoExchangeResponse, DemoSessionRequest, DemoSessionResponse };

/** Whether a demo application exists, and where Connect lives. */
export function getConfig(): Promise<DemoConfig> {
  return fetchJson<DemoConfig>("/demo/api/config");
}

/** Asks the demo's server to create a Connect session (it holds the client secret). */
export function createSession(request: DemoSessionRequest): Promise<DemoSessionResponse> {
  return fetchJson<DemoSessionResponse>("/demo/api/sessions", { body: request });
}

/** Asks the demo's server to exchange the code for a token and introspect it. */
export function exchangeCode(code: string): Promise<DemoExchangeResponse> {
  return fetchJson<DemoExchangeResponse>("/demo/api/exchange", { body: { code } });
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

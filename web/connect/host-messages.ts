import type { FinchConnectAuthMessage } from "@tryfinch/react-connect";
import type { AuthorizeResponse, ConnectFlow } from "../../contracts/linnet/connect-flow.js";

/** How Connect talks back to the developer's app: postMessage when embedded, redirects otherwise. */

const NAME = "finch-auth-message-v2";

/** Posts a Finch Connect message to the embedding page, to that exact origin only (never "*": codes are secrets). */
export function postToHost(origin: string, message: FinchConnectAuthMessage): void {
  try {
    window.parent.postMessage(message, origin);
  } catch {
    // A malformed origin throws; there is nobody we could tell.
  }
}

/**
 * The embedding origin taken straight from the query, for when the flow failed to load and the server's
 * validated `sdk_host_origin` is unknown. Only ever used to send error and close messages, never a code.
 */
export function embeddedOriginFromQuery(search: string): string | null {
  const query = new URLSearchParams(search);
  const host = query.get("sdk_host_url");
  if (query.get("app_type") !== "spa" || !host) return null;
  try {
    return new URL(host).origin;
  } catch {
    return null;
  }
}

/** Tells the embedding page that loading failed; the SDK closes the iframe (shouldClose) and calls onError. */
export function postLoadError(origin: string, message: string): void {
  postToHost(origin, { name: NAME, kind: "error", error: { shouldClose: true, message, type: "validation_error" } });
}

/** Tells the embedding page a credential attempt failed; Connect stays open so the employer can retry. */
export function postCredentialError(origin: string, message: string): void {
  postToHost(origin, { name: NAME, kind: "error", error: { shouldClose: false, message, type: "employer_connection_error" } });
}

/** Tells the embedding page the employer closed Connect. */
export function postClosed(origin: string): void {
  postToHost(origin, { name: NAME, kind: "closed" });
}

/** Hands the code to the developer's app: postMessage when embedded, else the server-built redirect (if any). */
export function completeFlow(flow: ConnectFlow, result: AuthorizeResponse): void {
  if (flow.sdk_host_origin !== null) {
    postToHost(flow.sdk_host_origin, { name: NAME, kind: "success", code: result.code, state: flow.state ?? undefined });
  } else if (result.redirect_to !== null) {
    window.location.assign(result.redirect_to);
  }
}

/** The employer gave up: tell the embedding page, or send the browser back with `error=access_denied`. */
export function cancelFlow(flow: ConnectFlow): void {
  if (flow.sdk_host_origin !== null) {
    postClosed(flow.sdk_host_origin);
    return;
  }
  if (flow.redirect_uri === null) return;
  let target: URL;
  try {
    target = new URL(flow.redirect_uri);
  } catch {
    return;
  }
  target.searchParams.set("error", "access_denied");
  target.searchParams.set("error_description", "The employer closed Connect before finishing");
  if (flow.state !== null) target.searchParams.set("state", flow.state);
  window.location.assign(target.toString());
}

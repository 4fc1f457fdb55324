import type { ForwardRequest } from "../../../contracts/finch/management.js";
import type { TokenContext } from "../connections/authenticate-token.js";
import type { Deps } from "../deps.js";
import { fail, ok, type Result } from "../errors.js";
import { callSandboxProviderApi, type ProviderAnswer } from "./sandbox-provider-api.js";

/** What a forward did: the provider's answer and the request as it was forwarded (presented in api/presenters/). */
export interface ForwardOutcome {
  answer: ProviderAnswer;
  forwarded: {
    method: string;
    route: string;
    headers: Record<string, string> | null;
    params: Record<string, unknown> | null;
    data: NonNullable<ForwardRequest["data"]> | null;
  };
}

/**
 * Headers a forwarded request may not set: the provider API is reached only with the connection's own credentials,
 * and hop-by-hop or framing headers are the forwarder's business.
 */
const REFUSED_HEADERS = new Set([
  "authorization",
  "proxy-authorization",
  "cookie",
  "host",
  "content-length",
  "transfer-encoding",
  "connection",
  "upgrade",
  "te",
  "forwarded",
]);
/** At most this many forwarded headers. */
const MAX_HEADERS = 50;

/** The forwarded headers as strings, or the first refused one named. */
function forwardedHeaders(given: Record<string, unknown> | null | undefined): Result<Record<string, string> | null> {
  if (!given) return ok(null);
  const entries = Object.entries(given);
  if (entries.length > MAX_HEADERS) return fail("invalid_request", `request_headers: at most ${MAX_HEADERS} headers`);
  const headers: Record<string, string> = {};
  for (const [name, value] of entries) {
    const lower = name.toLowerCase();
    if (!/^[a-z0-9!#$%&'*+.^_`|~-]{1,100}$/.test(lower))
      return fail("invalid_request", `request_headers: "${name.slice(0, 100)}" is not a header name`);
    if (REFUSED_HEADERS.has(lower) || lower.startsWith("x-forwarded-") || lower.startsWith("proxy-")) {
      return fail("invalid_request", `request_headers.${name}: may not be set; the connection's own credentials are used`);
    }
    if (value === null || value === undefined) continue;
    if (typeof value === "object") return fail("invalid_request", `request_headers.${name}: must be a string`);
    const text = String(value);
    if (text.length > 4096 || /[\r\n\0]/.test(text)) return fail("invalid_request", `request_headers.${name}: not a valid header value`);
    headers[name] = text;
  }
  return ok(headers);
}

/**
 * `POST /forward`: send a request to the connection's own provider API and answer what it said, with the request as
 * forwarded. Only API-based (automated) connections have a provider API; assisted ones answer 400. In Linnet the
 * automated providers are its sandbox providers, whose API Linnet serves itself (`sandbox-provider-api.ts`); an
 * automated connection to anything else has no provider API configured and answers 501.
 */
export async function forwardRequest(deps: Pick<Deps, "db">, ctx: TokenContext, req: ForwardRequest): Promise<Result<ForwardOutcome>> {
  const c = ctx.connection;
  if (c.authMethod === "assisted") {
    return fail(
      "invalid_request",
      "Request forwarding works only on connections made with an API-based method; an assisted connection has no provider API to forward to",
    );
  }
  if (c.status === "reauth") return fail("reauthenticate_user", "The employer must re-authenticate this connection");
  if (c.connectionType !== "finch")
    return fail("not_implemented", `No provider API is configured for ${c.providerId}; request forwarding is not available`);
  const headers = forwardedHeaders(req.request_headers);
  if (!headers.ok) return headers;
  const params = req.params ?? null;
  const answer = await callSandboxProviderApi(deps, c, { method: req.method, route: req.route, params: params ?? {} });
  return ok({ answer, forwarded: { method: req.method, route: req.route, headers: headers.value, params, data: req.data ?? null } });
}

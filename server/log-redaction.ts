import pino from "pino";

/**
 * What logs must never carry: capability tokens in URLs, credentials in query strings, and the values a failed SQL
 * statement was given (SSNs, emails, ids typed by a client). Used by the HTTP logger and the process logger alike.
 */

/** Path segments that are secrets themselves: employer status links (`/connect/status/<signed token>`). */
const SECRET_PATH = /^(\/connect\/(?:api\/)?status\/)[^/?#]+/;

/** Query parameters whose values are secrets or single-use grants. */
const SECRET_QUERY = new Set(["session", "code", "token", "access_token", "client_secret", "secret", "password", "state"]);

const REDACTED = "[redacted]";

/** A request URL safe to log: status-link tokens and secret query values replaced by `[redacted]`. */
export function redactUrl(url: string): string {
  const q = url.indexOf("?");
  const path = (q < 0 ? url : url.slice(0, q)).replace(SECRET_PATH, `$1${REDACTED}`);
  if (q < 0) return path;
  const query = url
    .slice(q + 1)
    .split("&")
    .map((pair) => {
      const eq = pair.indexOf("=");
      const key = eq < 0 ? pair : pair.slice(0, eq);
      let name = key;
      try {
        name = decodeURIComponent(key.replace(/\+/g, " "));
      } catch {
        // a malformed escape: compare the raw text
      }
      return eq >= 0 && SECRET_QUERY.has(name.toLowerCase()) ? `${key}=${REDACTED}` : pair;
    })
    .join("&");
  return `${path}?${query}`;
}

/** Double-quoted values in PostgreSQL messages ("invalid input syntax for type uuid: \"…\"", "value \"…\" is out of range"). */
const QUOTED_VALUE = /((?::|value|Key|key) ?\(?)"(?:[^"]|"")*"/g;

/** A PostgreSQL or driver message with the values it quotes replaced. */
function scrubMessage(message: string): string {
  return message.replace(QUOTED_VALUE, `$1"${REDACTED}"`).replace(/=\(.*\)/g, `=(${REDACTED})`);
}

type SerializedError = Record<string, unknown> & { message?: string; stack?: string };

/** Drizzle wraps a failed statement as `Failed query: <sql>\nparams: <values>`: keep the SQL, drop the values. */
function withoutParams(text: string): string {
  return text.replace(/\nparams: [\s\S]*?(?=\n {4}at |$)/, "\nparams: [redacted]");
}

/**
 * pino's `err` serializer, made safe: a failed query's parameters (`params`, and the `params:` line Drizzle puts in
 * the message and stack) are never written, and the values PostgreSQL quotes in its messages and `detail` are
 * replaced. The SQL text, SQLSTATE code, constraint and table stay, which is what a bug report needs.
 */
export function safeErrorSerializer(err: unknown): unknown {
  if (!(err instanceof Error)) return err;
  const out = pino.stdSerializers.err(err) as SerializedError;
  scrub(out);
  return out;
}

function scrub(obj: SerializedError, depth = 0): void {
  if ("params" in obj) obj.params = REDACTED;
  if ("parameters" in obj) obj.parameters = REDACTED;
  if (typeof obj.detail === "string") obj.detail = REDACTED;
  if (typeof obj.message === "string") obj.message = scrubMessage(withoutParams(obj.message));
  if (typeof obj.stack === "string") obj.stack = scrubMessage(withoutParams(obj.stack));
  const cause = obj.cause;
  if (cause && typeof cause === "object" && depth < 5) scrub(cause as SerializedError, depth + 1);
  // pino nests aggregated errors too
  if (Array.isArray(obj.aggregateErrors))
    for (const e of obj.aggregateErrors) if (e && typeof e === "object") scrub(e as SerializedError, depth + 1);
}

/** Fastify's request serializer with the URL redacted (method, url, host, remote address and port, as by default). */
export function safeRequestSerializer(req: {
  method?: string;
  url?: string;
  host?: string;
  hostname?: string;
  ip?: string;
  socket?: { remotePort?: number };
}) {
  return {
    method: req.method,
    url: req.url === undefined ? undefined : redactUrl(req.url),
    host: req.host ?? req.hostname,
    remoteAddress: req.ip,
    remotePort: req.socket?.remotePort,
  };
}

/** Serializers for every logger of the process: `err` everywhere, `req` for Fastify's request lines. */
export const safeSerializers = { err: safeErrorSerializer, req: safeRequestSerializer };

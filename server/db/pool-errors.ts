/**
 * Telling "the database is away" apart from a bug. A connection refused, reset or terminated (pg_terminate_backend,
 * a restart, a failover) is an outage the process survives: requests get 503 with Retry-After and the pool opens new
 * connections on the next query. Drizzle wraps driver errors, so the cause chain is searched.
 */

/** SQLSTATE classes and codes meaning the server is unreachable, shutting down or dropped our connection. */
const OUTAGE_SQLSTATES = new Set(["57P01", "57P02", "57P03", "53300", "08000", "08001", "08003", "08004", "08006", "08P01"]);
const OUTAGE_ERRNOS = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "ENOTFOUND", "EHOSTUNREACH", "EAI_AGAIN"]);
const OUTAGE_MESSAGES = [
  /Connection terminated/i,
  /terminating connection/i,
  /Client has encountered a connection error/i,
  /timeout exceeded when trying to connect/i,
  /Client was closed/i,
];

/** The error and its causes, outermost first (bounded: cause chains can loop). */
function chain(err: unknown): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  let current = err;
  while (current && typeof current === "object" && out.length < 8) {
    out.push(current as Record<string, unknown>);
    current = (current as { cause?: unknown }).cause;
  }
  return out;
}

/** True when `err` (or what it wraps) says the database connection is gone or the server is not accepting. */
export function isDatabaseOutage(err: unknown): boolean {
  return chain(err).some((e) => {
    const code = typeof e.code === "string" ? e.code : "";
    if (OUTAGE_SQLSTATES.has(code) || OUTAGE_ERRNOS.has(code)) return true;
    // a unix socket whose server is stopped is no file at all (the embedded server, or PGHOST=/var/run/postgresql);
    // any other missing file is a bug, not an outage
    if (code === "ENOENT" && e.syscall === "connect") return true;
    const message = typeof e.message === "string" ? e.message : "";
    return OUTAGE_MESSAGES.some((pattern) => pattern.test(message));
  });
}

/** The database's own words about a failure: SQLSTATE, message, detail and hint, from the innermost driver error. */
export function describeDatabaseError(err: unknown): string {
  const links = chain(err);
  const driver = links.find((e) => typeof e.code === "string") ?? links[links.length - 1];
  if (!driver) return String(err);
  const parts = [typeof driver.message === "string" ? driver.message : String(err)];
  if (typeof driver.code === "string") parts.push(`code ${driver.code}`);
  if (typeof driver.detail === "string" && driver.detail) parts.push(`detail: ${driver.detail}`);
  if (typeof driver.hint === "string" && driver.hint) parts.push(`hint: ${driver.hint}`);
  if (typeof driver.where === "string" && driver.where) parts.push(`where: ${driver.where}`);
  return parts.join("; ");
}

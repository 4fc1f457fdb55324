// Finch's rate-limit table and the parser of `LINNET_RATE_LIMITS`: settings that `config.ts` reads, so they live beside it (api/rate-limit/ enforces them).
/** The endpoints Finch rate-limits, by the "product" names its Rate Limits page uses. */
export const ENDPOINT_NAMES = [
  "company",
  "directory",
  "individual",
  "employment",
  "payment",
  "pay-statement",
  "pay-statement-item",
  "pay-groups",
  "benefits",
] as const;

/** A rate-limited endpoint. */
export type EndpointName = (typeof ENDPOINT_NAMES)[number];

/** Requests per window, per endpoint. */
export type RateLimits = Record<EndpointName, number>;

/** Finch counts requests over a sliding 60-second window. */
export const RATE_LIMIT_WINDOW_MS = 60_000;

/**
 * The default per-application limits (requests per minute): Finch's documented table, plus `benefits` (every
 * `/employer/benefits*` call, reads and writes), which Finch documents no limit for. Linnet's 60 is generous enough
 * for any app that enrolls in batches, and keeps one app from flooding the deductions queue and the operations team.
 */
export const DEFAULT_RATE_LIMITS: Readonly<RateLimits> = Object.freeze({
  company: 20,
  directory: 20,
  individual: 20,
  employment: 20,
  payment: 12,
  "pay-statement": 12,
  "pay-statement-item": 20,
  "pay-groups": 12,
  benefits: 60,
});

/**
 * Highest accepted limit. Both stores keep one entry per counted request, so this bounds memory per key;
 * anyone wanting more should turn limiting `off`.
 */
export const MAX_RATE_LIMIT = 100_000;

/** Outcome of parsing: the limits (null = off) or every problem found. */
export type ParsedRateLimits = { ok: true; value: RateLimits | null } | { ok: false; problems: string[] };

/** True when `name` is a rate-limited endpoint. */
export function isEndpointName(name: string): name is EndpointName {
  return (ENDPOINT_NAMES as readonly string[]).includes(name);
}

/** A positive integer no larger than MAX_RATE_LIMIT, or a problem description. */
function parseLimit(name: string, text: string): number | string {
  if (!/^\d+$/.test(text)) return `"${name}=${text}": the limit must be a whole number of requests per minute`;
  const n = Number(text);
  if (n < 1) return `"${name}=${text}": the limit must be at least 1 (use "off" to disable limiting)`;
  if (n > MAX_RATE_LIMIT) return `"${name}=${text}": the limit must be at most ${MAX_RATE_LIMIT} (use "off" to disable limiting)`;
  return n;
}

/**
 * Parse `LINNET_RATE_LIMITS`: blank means Finch's table, `off` disables limiting, otherwise a comma list of
 * `endpoint=N` overrides where `*=N` sets every endpoint; named entries win over `*` whatever the order.
 */
export function parseRateLimits(text: string | undefined): ParsedRateLimits {
  const trimmed = text?.trim() ?? "";
  if (trimmed === "") return { ok: true, value: { ...DEFAULT_RATE_LIMITS } };
  if (trimmed.toLowerCase() === "off") return { ok: true, value: null };

  const problems: string[] = [];
  const named = new Map<EndpointName, number>();
  let all: number | undefined;
  const seen = new Set<string>();
  for (const raw of trimmed.split(",")) {
    const entry = raw.trim();
    if (entry === "") continue; // tolerate a trailing comma
    const eq = entry.indexOf("=");
    if (eq < 0) {
      problems.push(`"${entry}": expected endpoint=N, *=N or off`);
      continue;
    }
    const name = entry.slice(0, eq).trim();
    const limit = parseLimit(name, entry.slice(eq + 1).trim());
    // A repeated name is almost certainly a typo, and silently taking the last one would hide it.
    if (seen.has(name)) problems.push(`"${name}" is listed more than once`);
    seen.add(name);
    if (name !== "*" && !isEndpointName(name)) {
      problems.push(`unknown endpoint "${name}" (expected one of ${ENDPOINT_NAMES.join(", ")} or *)`);
      continue;
    }
    if (typeof limit === "string") {
      problems.push(limit);
      continue;
    }
    if (name === "*") all = limit;
    else named.set(name, limit);
  }
  if (problems.length > 0) return { ok: false, problems };

  const limits: RateLimits = { ...DEFAULT_RATE_LIMITS };
  for (const name of ENDPOINT_NAMES) limits[name] = named.get(name) ?? all ?? limits[name];
  return { ok: true, value: limits };
}

import { PAY_STATEMENT_BATCH_LIMIT, PAY_STATEMENT_PAGE_LIMIT, type PayStatementRequest } from "../../domain/employer/read-pay.js";

/** Bodies of the fast path's POST reads. A people batch as the fast path reads it: the ids in order and `options.include`. */
export interface PeopleBatch {
  ids: string[];
  include: string[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** A JSON object body as Fastify's parser would take it; null for anything it refuses or that is not an object. */
function parseObject(body: Buffer): Record<string, unknown> | null {
  const text = body.toString("utf8");
  // Fastify's JSON parser refuses these keys (prototype poisoning); leave such bodies to it
  if (text.includes("__proto__") || text.includes("constructor")) return null;
  try {
    const parsed: unknown = JSON.parse(text);
    return isObject(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

/**
 * The body of `POST /employer/individual` when it is exactly what the route's schema accepts without a word to say:
 * `{ requests: [{ individual_id: "…" }, …], options?: { include?: [string] } | null }` (unknown keys are ignored, as
 * zod strips them). Null for anything else (bad JSON, a wrong type, an empty id, a key Fastify's parser refuses),
 * and the request then goes to Fastify, which answers as it always does.
 */
export function parsePeopleBatch(body: Buffer): PeopleBatch | null {
  const parsed = parseObject(body);
  if (!parsed || !Array.isArray(parsed.requests)) return null;
  const ids: string[] = [];
  for (const r of parsed.requests) {
    if (!isObject(r) || typeof r.individual_id !== "string" || r.individual_id.length === 0) return null;
    ids.push(r.individual_id);
  }
  const options = parsed.options;
  if (options === undefined || options === null) return { ids, include: [] };
  if (!isObject(options)) return null;
  const include = options.include;
  if (include === undefined) return { ids, include: [] };
  if (!Array.isArray(include) || !include.every((v) => typeof v === "string")) return null;
  return { ids, include };
}

/** `v` when it is a safe integer in [min, max], `fallback` when absent, else null. */
function intIn(v: unknown, min: number, max: number, fallback: number): number | null {
  if (v === undefined) return fallback;
  return typeof v === "number" && Number.isSafeInteger(v) && v >= min && v <= max ? v : null;
}

/**
 * The body of `POST /employer/pay-statement` when the route's schema accepts it as it is: `{ requests: [{ payment_id,
 * limit?, offset? }, …] }` with 1 to 10 requests, a non-empty id, `limit` an integer in [1, 5000] (default 100) and
 * `offset` an integer from 0 (default 0); unknown keys are ignored, as zod strips them. Null for anything else
 * (beyond the limits the route answers its 422).
 */
export function parsePayStatementBatch(body: Buffer): PayStatementRequest[] | null {
  const parsed = parseObject(body);
  const list = parsed?.requests;
  if (!Array.isArray(list) || list.length < 1 || list.length > PAY_STATEMENT_BATCH_LIMIT) return null;
  const requests: PayStatementRequest[] = [];
  for (const r of list) {
    if (!isObject(r) || typeof r.payment_id !== "string" || r.payment_id.length === 0) return null;
    const limit = intIn(r.limit, 1, PAY_STATEMENT_PAGE_LIMIT, 100);
    const offset = intIn(r.offset, 0, Number.MAX_SAFE_INTEGER, 0);
    if (limit === null || offset === null) return null;
    requests.push({ payment_id: r.payment_id, limit, offset });
  }
  return requests;
}

/** A people batch as the fast path reads it: the ids in order and `options.include`. */
export interface PeopleBatch {
  ids: string[];
  include: string[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * The body of `POST /employer/individual` when it is exactly what the route's schema accepts without a word to say:
 * `{ requests: [{ individual_id: "…" }, …], options?: { include?: [string] } | null }` (unknown keys are ignored, as
 * zod strips them). Null for anything else (bad JSON, a wrong type, an empty id, a key Fastify's parser refuses),
 * and the request then goes to Fastify, which answers as it always does.
 */
export function parsePeopleBatch(body: Buffer): PeopleBatch | null {
  const text = body.toString("utf8");
  // Fastify's JSON parser refuses these keys (prototype poisoning); leave such bodies to it
  if (text.includes("__proto__") || text.includes("constructor")) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isObject(parsed) || !Array.isArray(parsed.requests)) return null;
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

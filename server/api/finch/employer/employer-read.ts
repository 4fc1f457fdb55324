import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { SnapshotRow } from "../../../db/repositories/snapshots.repository.js";
import type { SnapshotRowCache } from "../../../domain/caches/snapshot-rows.js";
import type { TokenContext } from "../../../domain/connections/authenticate-token.js";
import { resolveEntity } from "../../../domain/connections/entities.js";
import type { DataProduct } from "../../../domain/connections/product-rules.js";
import type { Deps } from "../../../domain/deps.js";
import { openProduct } from "../../../domain/employer/product-access.js";
import { unwrap } from "../../errors.js";
import { requireToken } from "../../middleware/auth.js";
import { type EndpointName, enforceRateLimit } from "../../rate-limit/index.js";
import { sendNotReady } from "./not-ready.js";
import { snapshotAnswerHeaders } from "./snapshot-headers.js";

/** A list query parameter as the SDK sends it (`name[]=…`), repeated (`name=a&name=b`) or comma-joined. */
export function listQuery<N extends string>(name: N) {
  const value = z.union([z.string(), z.array(z.string())]).optional();
  return { [name]: value, [`${name}[]`]: value } as { [K in N | `${N}[]`]: typeof value };
}

/** `entity_ids`, however encoded (see listQuery). */
export const EntityIdsQuery = listQuery("entity_ids");

/** The values of a list query parameter, however they were encoded. */
export function listOf(query: unknown, name: string): string[] {
  const q = (query ?? {}) as Record<string, string | string[] | undefined>;
  if (q[name] === undefined && q[`${name}[]`] === undefined) return []; // nearly every request
  return [q[name], q[`${name}[]`]]
    .flatMap((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter(Boolean);
}

/** The entity ids of a request, however they were encoded. */
export function entityIdsOf(query: unknown): string[] {
  return listOf(query, "entity_ids");
}

/** The context of the entity a request's `entity_ids` names (a 400 for an unknown, disconnected or missing one). */
export function forEntity(ctx: TokenContext, request: FastifyRequest): TokenContext {
  return unwrap(resolveEntity(ctx, entityIdsOf(request.query)));
}

/** An employer-data read allowed to go ahead: the token's context and the snapshot to answer from. */
export interface OpenRead {
  ctx: TokenContext;
  snapshot: SnapshotRow;
  /** The per-process memo of this snapshot's answers (`deps.snapshotRows`). */
  memo: SnapshotRowCache;
}

/** The rate-limited endpoint each product's reads count against (pay groups share `payment`'s scope, not its limit). */
const ENDPOINT: Record<DataProduct, EndpointName> = {
  company: "company",
  directory: "directory",
  individual: "individual",
  employment: "employment",
  payment: "payment",
  pay_statement: "pay-statement",
  documents: "directory",
};

/**
 * Authenticate, rate-limit and authorize an employer-data read. When the product's data is not published yet,
 * answer 202 (`sendNotReady`: no body or `AcceptedResponse`, plus `Retry-After` and `Linnet-Data-Expected`) and return null.
 */
export async function openEmployerRead(
  deps: Deps,
  request: FastifyRequest,
  reply: FastifyReply,
  product: DataProduct,
  endpoint: EndpointName = ENDPOINT[product],
): Promise<OpenRead | null> {
  const token = await requireToken(deps, request);
  await enforceRateLimit(request.server.rateLimiter, reply, token.application.id, endpoint, deps.clock.now().getTime());
  const ctx = forEntity(token, request);
  const access = unwrap(await openProduct(deps, ctx, product, entityIdsOf(request.query)));
  if (access.ready) return { ctx, snapshot: access.snapshot, memo: deps.snapshotRows };
  await sendNotReady(deps, reply, ctx, access.expectedAt);
  return null;
}

/**
 * Send snapshot data with `Finch-Data-Retrieved`. GET answers also carry a strong ETag (a snapshot never changes, so
 * the same request on the same snapshot always yields the same bytes) and a matching `If-None-Match` gets 304.
 * POST batch answers carry none: they are not cacheable, and hashing their bodies would only cost time.
 * `variant` names anything else the answer depends on (e.g. the connection's pay statement item rules).
 * `Finch-Last-Attempted-Update-Date` / `-Result` tell when the connection's data for this product group was last
 * pulled or tried, and whether that worked (a failed sync leaves the previous data served).
 */
export function sendSnapshotJson(request: FastifyRequest, reply: FastifyReply, open: OpenRead, body: string | Buffer, variant = "") {
  const etagKey = request.method === "GET" ? request.url + variant : null;
  const answer = snapshotAnswerHeaders(open, etagKey, request.headers["if-none-match"]);
  for (const [name, value] of answer.headers) reply.header(name, value);
  if (answer.etag !== null) reply.header("etag", answer.etag);
  if (answer.notModified) return reply.status(304).send();
  return reply.type("application/json; charset=utf-8").send(body);
}

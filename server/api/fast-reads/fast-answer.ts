import { randomUUID } from "node:crypto";
import type { ServerResponse } from "node:http";
import { type Soon, thenSoon } from "../../domain/caches/soon.js";
import { authenticateCachedToken, authenticateToken, type TokenContext } from "../../domain/connections/authenticate-token.js";
import { resolveEntity } from "../../domain/connections/entities.js";
import type { DataProduct } from "../../domain/connections/product-rules.js";
import type { Deps } from "../../domain/deps.js";
import { openCachedProduct, openProduct } from "../../domain/employer/product-access.js";
import type { DirectoryPageParts } from "../../domain/employer/read-directory.js";
import { FinchError } from "../../domain/errors.js";
import type { OpenRead } from "../finch/employer/employer-read.js";
import { snapshotAnswerHeaders } from "../finch/employer/snapshot-headers.js";
import { applyRateLimit, type EndpointName, type RateLimiter } from "../rate-limit/index.js";

/** What Fastify adds to every JSON answer it sends (`reply.type` of the routes, and its default for error bodies). */
const JSON_TYPE = "application/json; charset=utf-8";

/** A read the fast path may answer: the token's context and the current snapshot, as the routes open it. */
export type FastOpen = OpenRead;

/**
 * The checks of `openEmployerRead` without side effects: the token (through the same token cache), the entity (none
 * named) and the product. Null when the answer would be anything but data (401, 403, 202, …): Fastify answers those.
 * At once, with no promise, when the token, its connection and the snapshot row are cached (nearly every request).
 */
export function openFast(deps: Deps, bearer: string, product: DataProduct): Soon<FastOpen | null> {
  const token = authenticateCachedToken(deps, bearer);
  if (token === undefined) return openAfterLookups(deps, bearer, product);
  if (!token.ok) return null;
  let byProduct = opened.get(token.value);
  if (!byProduct) {
    byProduct = new Map();
    opened.set(token.value, byProduct);
  }
  let open = byProduct.get(product);
  if (open === undefined) {
    const entity = resolveEntity(token.value, []);
    if (!entity.ok) return null;
    const access = openCachedProduct(deps, entity.value, product);
    if (access === undefined) return openAfterLookups(deps, bearer, product);
    open = access.ok && access.value.ready ? { ctx: entity.value, snapshot: access.value.snapshot, memo: deps.snapshotRows } : null;
    byProduct.set(product, open);
  }
  return open;
}

/**
 * What `openFast` found for a token context and product. A context is one object for as long as its token and
 * connection are cached unchanged (authenticate-token.ts), and its snapshot rows never change, so the same context
 * and product always open the same read; an entry lives as long as its context.
 */
const opened = new WeakMap<TokenContext, Map<DataProduct, FastOpen | null>>();

/** `openFast` through the lookups its caches did not hold. */
async function openAfterLookups(deps: Deps, bearer: string, product: DataProduct): Promise<FastOpen | null> {
  const token = await authenticateToken(deps, bearer);
  if (!token.ok) return null;
  const entity = resolveEntity(token.value, []);
  if (!entity.ok) return null;
  const access = await openProduct(deps, entity.value, product, []);
  if (!access.ok || !access.value.ready) return null;
  return { ctx: entity.value, snapshot: access.value.snapshot, memo: deps.snapshotRows };
}

/** The answer's headers so far, in the order Fastify sets them (it writes them in insertion order). */
export type Headers = Record<string, string>;

/**
 * Count the request against the application's limit, as `enforceRateLimit` does for the Fastify routes (same
 * decision, same headers). Past this point the request has been counted and the fast path must answer it; on a
 * refusal it does, with the same 429 Fastify's error handler would send, and gives false. At once unless the limits
 * are shared through Redis.
 */
export function countRequest(
  limiter: RateLimiter,
  deps: Deps,
  res: ServerResponse,
  headers: Headers,
  applicationId: string,
  endpoint: EndpointName,
): Soon<boolean> {
  const sink = {
    header(name: string, value: string) {
      headers[name.toLowerCase()] = value;
    },
  };
  return thenSoon(limiter.check(applicationId, endpoint, deps.clock.now().getTime()), (decision) => {
    try {
      applyRateLimit(decision, sink);
      return true;
    } catch (err) {
      if (!(err instanceof FinchError)) throw err;
      const body = JSON.stringify(err.toBody());
      headers["content-type"] = JSON_TYPE;
      headers["content-length"] = String(Buffer.byteLength(body));
      res.writeHead(err.status, headers);
      res.end(body);
      return false;
    }
  });
}

/** A fresh request id header, as Fastify's `genReqId` and the `onRequest` hook set it. */
export function requestHeaders(): Headers {
  return { "finch-request-id": randomUUID() };
}

/**
 * Send snapshot data exactly as `sendSnapshotJson` does: `Finch-Data-Retrieved`, `Cache-Control`, the last attempt,
 * and for GET a strong ETag with 304 for a matching `If-None-Match`. Returns the status sent.
 */
export function sendFastSnapshot(
  res: ServerResponse,
  headers: Headers,
  open: FastOpen,
  url: string,
  ifNoneMatch: string | undefined,
  method: "GET" | "POST",
  body: Buffer | Buffer[] | DirectoryPageParts,
): number {
  const answer = snapshotAnswerHeaders(open, method === "GET" ? url : null, ifNoneMatch);
  for (const [name, value] of answer.headers) headers[name] = value;
  if (answer.etag !== null) headers.etag = answer.etag;
  if (answer.notModified) {
    res.writeHead(304, headers);
    res.end();
    return 304;
  }
  headers["content-type"] = JSON_TYPE;
  if (Buffer.isBuffer(body)) {
    headers["content-length"] = String(body.length);
    res.writeHead(200, headers);
    res.end(body);
    return 200;
  }
  if (Array.isArray(body)) {
    // an answer's parts as they are (pay statements: cached pages of up to a megabyte): one writev, no copy
    headers["content-length"] = String(body.reduce((sum, part) => sum + part.length, 0));
    res.writeHead(200, headers);
    res.cork();
    for (let i = 0; i < body.length - 1; i++) res.write(body[i]);
    res.end(body.at(-1));
    return 200;
  }
  // the page's pieces as they are: one writev, no page-sized buffer made per request (`end` uncorks)
  headers["content-length"] = String(body.length);
  res.writeHead(200, headers);
  res.cork();
  res.write(body.head, "latin1");
  res.write(body.records);
  res.end(body.tail, "latin1");
  return 200;
}

import type { IncomingMessage, ServerResponse } from "node:http";
import { type Soon, thenSoon } from "../../domain/caches/soon.js";
import type { Deps } from "../../domain/deps.js";
import { activeRules } from "../../domain/employer/pay-statement-item-rules.js";
import { readDirectoryPageParts } from "../../domain/employer/read-directory.js";
import { readPayStatementGzipParts, readPayStatementParts } from "../../domain/employer/read-pay.js";
import { PEOPLE_BATCH_LIMIT, readPeopleBytes } from "../../domain/employer/read-people.js";
import { isShuttingDown } from "../../runtime/shutdown-state.js";
import { acceptsGzip } from "../middleware/accept-encoding.js";
import type { ZodApp } from "../types.js";
import { countRequest, openFast, requestHeaders, sendFastSnapshot } from "./fast-answer.js";
import { parsePayStatementBatch, parsePeopleBatch } from "./people-batch.js";
import { installBodyReplay, stashBody } from "./replay-body.js";

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

declare module "fastify" {
  interface FastifyInstance {
    /** Requests the fast path answered itself (the rest went to Fastify); absent when it is off. */
    fastReads?: { answered: number };
  }
}

/** `?limit=…&offset=…` in either order, each at most once, plain digits: the only directory queries served here. */
const DIRECTORY_QUERY = /^(?:\?(limit|offset)=(\d{1,9})(?:&(?!\1)(limit|offset)=(\d{1,9}))?)?$/;
const DIRECTORY_PATH = "/employer/directory";
const INDIVIDUAL_PATH = "/employer/individual";
const PAY_STATEMENT_PATH = "/employer/pay-statement";
/** The directory route's page limit (get-directory.ts): larger asks get Fastify's 422. */
const PAGE_LIMIT = 10_000;
/** Bodies larger than this are left to Fastify (a 10,000-id batch is about 500 KB). */
const MAX_FAST_BODY = 1024 * 1024;
const API_VERSION = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A deliberately small fast path in front of Fastify for the three hottest public reads, `GET /employer/directory`,
 * `POST /employer/individual` and `POST /employer/pay-statement`. It answers only the plain, successful case: a
 * Bearer token, no `entity_ids`, a published snapshot, a simple query or a well-formed body (and for pay statements,
 * no pay statement item rules). Everything else (a missing or bad token, a 202, a validation error, `entity_ids`, a
 * debug log level, a stopping server) goes to Fastify untouched, and a body the fast path already read is replayed
 * to it (replay-body.ts), so those answers are Fastify's own.
 *
 * It calls the same domain functions as the routes (authenticateToken, openProduct, readDirectoryPageParts, readPeopleBytes,
 * readPayStatementParts, the rate limiter and applyRateLimit; from caches, authenticateCachedToken and openCachedProduct)
 * and writes the same headers in the same order, so its answers are byte for byte the routes'
 * (test/e2e/fast-reads.test.ts compares them). What it skips is Fastify's per-request work: routing, the request
 * and reply objects, the hook chain, zod validation of the query or body, and the promise hops between them.
 * Nothing with a side effect happens before the request is known to be answerable: the rate-limit count comes last.
 */
export function installFastReads(app: ZodApp, deps: Deps): void {
  installBodyReplay(app);
  let closing = false;
  app.addHook("preClose", (done) => {
    closing = true;
    done();
  });
  const [fastify] = app.server.listeners("request") as Listener[];
  if (!fastify) return;
  const stats = { answered: 0 };
  app.decorate("fastReads", stats);
  const debug = () => (app.log as unknown as { isLevelEnabled(level: string): boolean }).isLevelEnabled("debug");
  const serve = (req: IncomingMessage, res: ServerResponse): boolean => {
    if (closing || isShuttingDown()) return false;
    const url = req.url ?? "";
    const bearer = bearerOf(req);
    if (bearer === undefined || !apiVersionOk(req)) return false;
    if (req.method === "GET" && url.startsWith(DIRECTORY_PATH)) {
      const m = DIRECTORY_QUERY.exec(url.slice(DIRECTORY_PATH.length));
      if (!m || debug()) return false;
      const [limit, offset] = m[1] === "offset" ? [m[4] ?? "100", m[2]!] : [m[2] ?? "100", m[4] ?? "0"];
      const lim = Number(limit);
      if (lim < 1 || lim > PAGE_LIMIT) return false;
      settle(
        () => directory(deps, app, req, res, bearer, lim, Number(offset)),
        () => stats.answered++,
        () => fastify(req, res),
        () => (res.headersSent ? res.destroy() : fastify(req, res)),
      );
      return true;
    }
    if (req.method === "POST" && (url === INDIVIDUAL_PATH || url === PAY_STATEMENT_PATH)) {
      const length = Number(req.headers["content-length"]);
      if (
        req.headers["content-type"] !== "application/json" ||
        !(length > 0 && length <= MAX_FAST_BODY) ||
        req.headers["transfer-encoding"] ||
        debug()
      ) {
        return false;
      }
      readBody(req, (body) => {
        const decline = () => {
          stashBody(req, body);
          fastify(req, res);
        };
        settle(
          () => (url === INDIVIDUAL_PATH ? individual(deps, app, res, bearer, body) : payStatements(deps, app, req, res, bearer, body)),
          () => stats.answered++,
          decline,
          () => (res.headersSent ? res.destroy() : decline()),
        );
      });
      return true;
    }
    return false;
  };
  app.server.removeListener("request", fastify);
  app.server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    if (!serve(req, res)) fastify(req, res);
  });
}

/**
 * Run one fast answer, which is a boolean at once when everything it needed was cached and a promise otherwise:
 * `answered` when it answered, `declined` when it left the request to Fastify, `failed` when it threw.
 */
function settle(answer: () => Soon<boolean>, answered: () => void, declined: () => void, failed: () => void): void {
  let done: Soon<boolean>;
  try {
    done = answer();
  } catch {
    failed();
    return;
  }
  if (done instanceof Promise) void done.then((yes) => (yes ? answered() : declined()), failed);
  else if (done) answered();
  else declined();
}

/** The Bearer token, as `bearerToken` (middleware/credentials.ts) reads it. */
function bearerOf(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  if (!header?.startsWith("Bearer ")) return undefined;
  return header.slice(7).trim() || undefined;
}

/** No `Finch-API-Version`, or a well-formed one (otherwise the app's `onRequest` hook answers 400). */
function apiVersionOk(req: IncomingMessage): boolean {
  const version = req.headers["finch-api-version"];
  return version === undefined || (typeof version === "string" && API_VERSION.test(version));
}

/** Read a request body into one buffer, then call `done` (a request that fails mid-body is dropped). */
function readBody(req: IncomingMessage, done: (body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => done(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)));
}

/** After the answer: the same latency observation as observe-requests.ts. */
function observe(deps: Deps, route: string, method: string, status: number, started: number): void {
  deps.metrics?.observeRequest(route, method, status, (performance.now() - started) / 1000);
}

/** `GET /employer/directory?limit&offset`; false: not answered, hand it to Fastify. */
function directory(
  deps: Deps,
  app: ZodApp,
  req: IncomingMessage,
  res: ServerResponse,
  bearer: string,
  limit: number,
  offset: number,
): Soon<boolean> {
  const started = performance.now();
  return thenSoon(openFast(deps, bearer, "directory"), (open) => {
    if (!open) return false;
    return thenSoon(readDirectoryPageParts(deps, open.snapshot, offset, limit), (page) => {
      const headers = requestHeaders();
      return thenSoon(countRequest(app.rateLimiter, deps, res, headers, open.ctx.application.id, "directory"), (counted) => {
        const inm = req.headers["if-none-match"];
        const status = counted ? sendFastSnapshot(res, headers, open, req.url!, inm, "GET", page) : 429;
        observe(deps, DIRECTORY_PATH, "GET", status, started);
        return true;
      });
    });
  });
}

/** `POST /employer/individual` with a well-formed batch; false: not answered, hand it to Fastify. */
function individual(deps: Deps, app: ZodApp, res: ServerResponse, bearer: string, body: Buffer): Soon<boolean> {
  const started = performance.now();
  const batch = parsePeopleBatch(body);
  if (!batch || batch.ids.length > PEOPLE_BATCH_LIMIT) return false;
  return thenSoon(openFast(deps, bearer, "individual"), (open) => {
    if (!open) return false;
    const includeSsn = batch.include.includes("ssn") && open.ctx.connection.products.includes("ssn");
    return thenSoon(readPeopleBytes(deps, open.snapshot, "individual", batch.ids, includeSsn), (answer) => {
      const headers = requestHeaders();
      return thenSoon(countRequest(app.rateLimiter, deps, res, headers, open.ctx.application.id, "individual"), (counted) => {
        const status = counted ? sendFastSnapshot(res, headers, open, INDIVIDUAL_PATH, undefined, "POST", answer) : 429;
        observe(deps, INDIVIDUAL_PATH, "POST", status, started);
        return true;
      });
    });
  });
}

/**
 * `POST /employer/pay-statement` with a well-formed batch and no pay statement item rules (answers with rules are
 * built per request: Fastify's); false: not answered. Identity or gzip as `Accept-Encoding` asks, written as the
 * parts the answer is made of (see readPayStatementParts), with the route's headers in the route's order.
 */
function payStatements(deps: Deps, app: ZodApp, req: IncomingMessage, res: ServerResponse, bearer: string, body: Buffer): Soon<boolean> {
  const started = performance.now();
  const requests = parsePayStatementBatch(body);
  if (!requests) return false;
  return thenSoon(openFast(deps, bearer, "pay_statement"), (open) => {
    if (!open) return false;
    return thenSoon(activeRules(deps, open.ctx.connection.id), ({ rules }) => {
      if (rules.length > 0) return false;
      const gzip = acceptsGzip(req.headers["accept-encoding"]);
      const parts = gzip ? readPayStatementGzipParts(deps, open.snapshot, requests) : readPayStatementParts(deps, open.snapshot, requests);
      return thenSoon(parts, (parts) => {
        const headers = requestHeaders();
        return thenSoon(countRequest(app.rateLimiter, deps, res, headers, open.ctx.application.id, "pay-statement"), (counted) => {
          let status = 429;
          if (counted) {
            headers.vary = "accept-encoding";
            if (gzip) headers["content-encoding"] = "gzip";
            status = sendFastSnapshot(res, headers, open, PAY_STATEMENT_PATH, undefined, "POST", parts);
          }
          observe(deps, PAY_STATEMENT_PATH, "POST", status, started);
          return true;
        });
      });
    });
  });
}

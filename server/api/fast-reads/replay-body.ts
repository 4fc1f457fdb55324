import type { IncomingMessage } from "node:http";
import { PassThrough } from "node:stream";
import type { ZodApp } from "../types.js";

/** Bodies a fast read consumed and then handed back to Fastify (the request was not one it serves). */
const replays = new WeakMap<IncomingMessage, Buffer>();

/** Remember the body a fast read already read from `req`, for Fastify to parse as if it came off the socket. */
export function stashBody(req: IncomingMessage, body: Buffer): void {
  replays.set(req, body);
}

/**
 * A `preParsing` hook that gives Fastify a stashed body in place of the (already drained) request stream, so a
 * request the fast path read and then declined is parsed, validated and answered exactly as any other.
 */
export function installBodyReplay(app: ZodApp): void {
  app.addHook("preParsing", (request, _reply, payload, done) => {
    const body = replays.get(request.raw);
    if (body === undefined) {
      done(null, payload);
      return;
    }
    replays.delete(request.raw);
    const stream = new PassThrough();
    stream.end(body);
    done(null, stream);
  });
}

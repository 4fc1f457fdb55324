import { Writable } from "node:stream";
import Fastify from "fastify";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { lazyChildLogger } from "./lazy-request-logger.js";

/** A Fastify app logging JSON lines into `lines` through the lazy per-request logger. */
function appLoggingTo(lines: Record<string, unknown>[], level: string) {
  const stream = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  const logger = pino({ level, redact: { paths: ["req.headers.authorization"], censor: "[redacted]" } }, stream);
  const app = Fastify({ loggerInstance: logger, childLoggerFactory: lazyChildLogger, genReqId: () => "req-1" });
  app.get("/quiet", async (request) => {
    request.log.info("below the level");
    return { ok: true };
  });
  app.get("/loud", async (request) => {
    request.log.warn({ detail: 7 }, "something to see");
    return { ok: true };
  });
  return app;
}

describe("lazy request logger", () => {
  it("writes nothing below the level, and lines at the level carry the request id", async () => {
    const lines: Record<string, unknown>[] = [];
    const app = appLoggingTo(lines, "warn");
    expect((await app.inject({ url: "/quiet" })).statusCode).toBe(200);
    expect(lines).toEqual([]);
    await app.inject({ url: "/loud" });
    expect(lines).toEqual([expect.objectContaining({ reqId: "req-1", detail: 7, msg: "something to see", level: 40 })]);
    await app.close();
  });

  it("keeps Fastify's request logging and its serializers at info, and never logs the token", async () => {
    const lines: Record<string, unknown>[] = [];
    const app = appLoggingTo(lines, "info");
    await app.inject({ url: "/quiet", headers: { authorization: "Bearer secret-token" } });
    const messages = lines.map((l) => l.msg);
    expect(messages).toEqual(["incoming request", "below the level", "request completed"]);
    expect(lines.every((l) => l.reqId === "req-1")).toBe(true);
    expect(JSON.stringify(lines)).not.toContain("secret-token");
    expect(lines[0]).toMatchObject({ req: { method: "GET", url: "/quiet" } }); // Fastify's request serializer ran
    await app.close();
  });
});

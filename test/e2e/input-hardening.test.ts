import { request as httpRequest } from "node:http";
import { Writable } from "node:stream";
import { sql } from "drizzle-orm";
import Fastify, { type FastifyBaseLogger } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FinchErrorSchema } from "../../contracts/finch/errors.js";
import { errorHandler } from "../../server/api/errors.js";
import type { CreatedApplication } from "../../server/domain/applications/create-application.js";
import { statusUrlFor } from "../../server/domain/connections/status-link.js";
import { createLogger } from "../../server/logging.js";
import type { ConsoleBrowser } from "../support/console.js";
import { http } from "../support/http.js";
import { startTestServer, type TestServer } from "../support/test-server.js";
import { developerOf } from "../support/webhooks.js";

/** Formerly 500s and Fastify-shaped answers, now 4xx in the Finch shape; request logs without secrets. */

let server: TestServer;
let app: CreatedApplication;
let dev: ConsoleBrowser;
const logLines: string[] = [];

beforeAll(async () => {
  const stream = new Writable({
    write(chunk, _enc, done) {
      logLines.push(...String(chunk).split("\n").filter(Boolean));
      done();
    },
  });
  // debug: the one line per request is written at that level only (see api/system/observe-requests.ts)
  server = await startTestServer({ LINNET_LOG_LEVEL: "debug" }, { logStream: stream });
  app = await server.createApp({ clientType: "sandbox" });
  dev = await developerOf(server, app.client_id, "dev-hardening@example.com");
});
afterAll(() => server.close());

/** A raw HTTP/1.1 request (fetch refuses oversized headers before sending them). */
function rawGet(path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: unknown }> {
  const url = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, path, method: "GET", headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString("utf8")) }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("input that used to answer 500", () => {
  it("POST /sandbox/payment with a non-UUID pay_statements[].individual_id answers 400 naming the field", async () => {
    const conn = await http<{ access_token: string }>(server.url, "POST", "/sandbox/connections", {
      basic: app,
      body: {
        provider_id: "sandbox_payroll",
        products: ["company", "directory", "individual", "employment", "payment", "pay_statement"],
        employee_size: 2,
      },
    });
    const res = await http(server.url, "POST", "/sandbox/payment", {
      bearer: conn.body.access_token,
      body: { pay_statements: [{ individual_id: "not-a-uuid" }] },
    });
    expect(res.status).toBe(400);
    expect(FinchErrorSchema.parse(res.body)).toMatchObject({ code: 400, finch_code: "invalid_request" });
    expect(String(res.body.message)).toMatch(/^pay_statements\.0\.individual_id: /);
  });

  it("GET /linnet/events with a cursor beyond any sequence number answers 400 naming cursor", async () => {
    const res = await http(server.url, "GET", "/linnet/events?cursor=99999999999999999999", { basic: app });
    expect(res.status).toBe(400);
    expect(FinchErrorSchema.parse(res.body)).toMatchObject({ code: 400, finch_code: "invalid_request" });
    expect(String(res.body.message)).toMatch(/querystring\.cursor/);
    expect((await http(server.url, "GET", "/linnet/events?cursor=999999999999999", { basic: app })).status).toBe(200);
  });

  it("the dashboard's events and deliveries cursors answer 400 naming cursor", async () => {
    const res = await dev.call("GET", `/dashboard/api/applications/${app.client_id}/events?cursor=99999999999999999999`);
    expect(res.status).toBe(400);
    expect(String(res.body.message)).toMatch(/querystring\.cursor/);
    expect((await dev.call("GET", `/dashboard/api/applications/${app.client_id}/events?cursor=12`)).status).toBe(200);
  });
});

describe("protocol-level refusals in the Finch shape", () => {
  it("a path parameter over 100 characters answers 414", async () => {
    const res = await rawGet(`/employer/benefits/${"a".repeat(150)}`);
    expect(res.status).toBe(414);
    expect(FinchErrorSchema.parse(res.body)).toMatchObject({ code: 414, finch_code: "uri_too_long" });
  });

  it("headers over 16 KB answer 431", async () => {
    const res = await rawGet("/providers", { "x-padding": "p".repeat(20_000) });
    expect(res.status).toBe(431);
    expect(FinchErrorSchema.parse(res.body)).toMatchObject({ code: 431, finch_code: "request_header_fields_too_large" });
  });

  it("a bad percent-encoding answers 400", async () => {
    const res = await rawGet("/employer/benefits/%E0%A4%A");
    expect(res.status).toBe(400);
    expect(FinchErrorSchema.parse(res.body)).toMatchObject({ code: 400 });
  });
});

describe("request logs", () => {
  it("never carry status-link tokens or grant values from URLs", async () => {
    const statusUrl = statusUrlFor(server.linnet.deps, "5b0a3c9e-1f2d-4e5f-8a9b-0c1d2e3f4a5b");
    const token = new URL(statusUrl).pathname.split("/").pop()!;
    await http(server.url, "GET", `/connect/status/${token}`);
    await http(server.url, "GET", `/connect/api/status/${token}`);
    await http(server.url, "GET", "/authorize?session=7d7c6a9e-0000-4000-8000-00000000abcd&state=s1");
    await http(server.url, "GET", "/demo/callback?code=3f0e8d2c-1111-4000-8000-00000000beef");
    const lines = logLines.filter((l) => l.includes('"msg":"request"'));
    expect(lines.length).toBeGreaterThanOrEqual(4);
    const all = logLines.join("\n");
    for (const secret of [token, token.split(".")[1]!, "7d7c6a9e-0000-4000-8000-00000000abcd", "3f0e8d2c-1111-4000-8000-00000000beef"]) {
      expect(all).not.toContain(secret);
    }
    // request lines name the route pattern, never the URL with its values
    expect(all).toContain('"route":"/connect/status/:token"');
    expect(all).toContain('"route":"/authorize"');
  });
});

describe("error logs", () => {
  const SSN = "123-45-6789";

  /** A real failed statement whose parameter is an SSN, as the database driver raises it. */
  async function failedQuery(): Promise<Error> {
    try {
      await server.linnet.deps.db.execute(sql`select ${SSN}::uuid as id, ${"ada@example.com"}::int as n`);
    } catch (err) {
      return err as Error;
    }
    throw new Error("the query should have failed");
  }

  it("a 500 from a failed query logs the SQL and the SQLSTATE, never the parameters", async () => {
    const err = await failedQuery();
    expect(`${err.message} ${String((err as { cause?: Error }).cause?.message)}`).toContain(SSN); // what used to be logged
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    // the process's own logger (createLogger: the safe serializers), as app.ts hands it to Fastify
    const probe = Fastify({ loggerInstance: createLogger({ logLevel: "info", logFormat: "json" }, {}, stream) as FastifyBaseLogger });
    probe.setErrorHandler(errorHandler);
    probe.get("/boom", async () => {
      throw err;
    });
    const res = await probe.inject({ url: "/boom" });
    expect(res.statusCode).toBe(500);
    expect(FinchErrorSchema.parse(res.json())).toMatchObject({ code: 500, finch_code: "server_error" });
    server.linnet.deps.log.error({ err }, "a job failed"); // the process logger (jobs) uses the same serializer
    await probe.close();
    const written = [...lines, ...logLines].join("\n");
    expect(written).toContain("unhandled error");
    expect(written).toContain("::uuid"); // the statement itself is kept
    expect(written).toContain("a job failed");
    expect(written).not.toContain(SSN);
    expect(written).not.toContain("ada@example.com");
  });
});

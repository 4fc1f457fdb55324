import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { http } from "../support/http.js";
import { startTestServer, type TestServer } from "../support/test-server.js";

/** Per-application, per-endpoint limits answer 429 in the Finch error shape with Retry-After. */
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ LINNET_RATE_LIMITS: "directory=3,company=5,benefits=2" });
});
afterAll(() => server.close());

async function sandboxToken(s: TestServer, products?: string[]) {
  const app = await s.createApp({ clientType: "sandbox" });
  const body = products
    ? { provider_id: "sandbox_payroll", employee_size: 2, products }
    : { provider_id: "sandbox_hris", employee_size: 2 };
  const res = await http<{ access_token: string }>(s.url, "POST", "/sandbox/connections", { basic: app, body });
  return res.body.access_token;
}

describe("rate limits", () => {
  it("refuses the request over the limit, per endpoint and per application, and recovers after the window", async () => {
    const bearer = await sandboxToken(server);
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await http(server.url, "GET", "/employer/directory", { bearer })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const refused = await http(server.url, "GET", "/employer/directory", { bearer });
    expect(refused.body).toMatchObject({ code: 429, name: "rate_limit_exceeded_error", finch_code: "finch_application_rl" });
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    // another endpoint has its own budget, another application too
    expect((await http(server.url, "GET", "/employer/company", { bearer })).status).toBe(200);
    expect((await http(server.url, "GET", "/employer/directory", { bearer: await sandboxToken(server) })).status).toBe(200);
    server.clock.advance(61_000);
    expect((await http(server.url, "GET", "/employer/directory", { bearer })).status).toBe(200);
  });

  it("counts every deductions call, reads and writes, against the benefits budget", async () => {
    const bearer = await sandboxToken(server, ["company", "directory", "benefits"]);
    const list = await http(server.url, "GET", "/employer/benefits", { bearer });
    const write = await http(server.url, "POST", "/employer/benefits", {
      bearer,
      body: { type: "401k", description: "Plan", frequency: "every_paycheck" },
    });
    const third = await http(server.url, "GET", "/employer/benefits", { bearer });
    expect([list.status, write.status, third.status]).toEqual([200, 201, 429]);
    expect(third.body).toMatchObject({ code: 429, finch_code: "finch_application_rl" });
    // the data endpoints keep their own budgets
    expect((await http(server.url, "GET", "/employer/company", { bearer })).status).toBe(200);
  });

  it.skipIf(!process.env.LINNET_TEST_REDIS_URL)("two API processes share one limit through Redis", async () => {
    const env = { LINNET_RATE_LIMITS: "directory=4", REDIS_URL: process.env.LINNET_TEST_REDIS_URL! };
    const a = await startTestServer(env);
    try {
      // the same database behind two apps is what production looks like; here each test server has its own,
      // so the shared part under test is the limiter: one application id hitting both processes.
      const app = await a.createApp({ name: `shared-${randomUUID()}`, clientType: "sandbox" });
      const token = (
        await http<{ access_token: string }>(a.url, "POST", "/sandbox/connections", {
          basic: app,
          body: { provider_id: "sandbox_hris", employee_size: 2 },
        })
      ).body.access_token;
      const second = await import("../../server/api/app.js").then((m) => m.buildApp(a.linnet.deps, { logLevel: "silent" }));
      await second.listen({ port: 0, host: "127.0.0.1" });
      const address = second.server.address();
      const url2 = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
      const statuses = [];
      for (let i = 0; i < 6; i++) statuses.push((await http(i % 2 ? url2 : a.url, "GET", "/employer/directory", { bearer: token })).status);
      expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
      await second.close();
    } finally {
      await a.close();
    }
  });
});

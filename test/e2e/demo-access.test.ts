import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FinchErrorSchema } from "../../contracts/finch/errors.js";
import {
  DemoConfigSchema,
  DemoDataResponseSchema,
  DemoExchangeResponseSchema,
  DemoSessionResponseSchema,
} from "../../contracts/linnet/demo.js";
import { findLiveConnectionsForCustomer } from "../../server/db/repositories/connections.repository.js";
import { demoCredentials } from "../../server/domain/applications/demo-credentials.js";
import { signInConsole } from "../support/console.js";
import { completeConnect, http } from "../support/http.js";
import { startTestServer, type TestServer } from "../support/test-server.js";

/** Issue 11 item 4: the demo is a demo. Off unless turned on, sandbox-only without a console user, rate-limited per address. */
let on: TestServer;
let off: TestServer;
let limited: TestServer;

beforeAll(async () => {
  [on, off, limited] = await Promise.all([
    startTestServer({ LINNET_DEMO: "true" }),
    startTestServer({ LINNET_DEMO: "false" }),
    startTestServer({ LINNET_DEMO: "true", LINNET_PUBLIC_RATE_LIMIT: "3" }),
  ]);
});
afterAll(async () => {
  await Promise.all([on?.close(), off?.close(), limited?.close()]);
});

const sessionBody = (sandbox: boolean) => ({
  customer_id: `c-${Math.random()}`,
  customer_name: "Acme Inc",
  products: ["company", "directory"],
  manual: true,
  sandbox,
});

describe("demo switched on", () => {
  it("anyone may drive it in the sandbox", async () => {
    const config = await http(on.url, "GET", "/demo/api/config");
    expect(config.status).toBe(200);
    expect(DemoConfigSchema.parse(config.body)).toMatchObject({ available: true, signed_in: false, csrf_token: null });
    const res = await http(on.url, "POST", "/demo/api/sessions", { body: sessionBody(true) });
    expect(res.status).toBe(200);
    DemoSessionResponseSchema.parse(res.body);
  });

  it("refuses a non-sandbox session without a console session, and creates no connection or task", async () => {
    const body = sessionBody(false);
    const res = await http(on.url, "POST", "/demo/api/sessions", { body });
    expect(res.status).toBe(401);
    expect(FinchErrorSchema.parse(res.body).message).toMatch(/^sandbox: .*signed-in console user/);
    const demo = await demoCredentials(on.linnet.deps);
    expect(await findLiveConnectionsForCustomer(on.linnet.deps.db, demo!.clientId, body.customer_id)).toEqual([]);
  });

  it("a signed-in console user may create a real session, with the console's CSRF token", async () => {
    const admin = await signInConsole(on, "demo-admin@linnet.test", "admin");
    const config = await admin.call("GET", "/demo/api/config");
    expect(DemoConfigSchema.parse(config.body)).toMatchObject({ signed_in: true, csrf_token: admin.csrf });
    const noCsrf = await http(on.url, "POST", "/demo/api/sessions", { body: sessionBody(false), headers: { cookie: admin.cookie } });
    expect(noCsrf.status).toBe(403);
    const res = await admin.call("POST", "/demo/api/sessions", { body: sessionBody(false) });
    expect(res.status).toBe(200);
    DemoSessionResponseSchema.parse(res.body);
  });

  it("exchanges a code and calls the data API with the token: 202 with the expected date while pending", async () => {
    const session = await http<{ session_id: string }>(on.url, "POST", "/demo/api/sessions", { body: sessionBody(true) });
    const { result } = await completeConnect(
      on.url,
      { session: session.body.session_id },
      { provider_id: "paylocity", auth_method: "assisted", access_granted: false },
    );
    const exchange = await http(on.url, "POST", "/demo/api/exchange", { body: { code: result.body.code } });
    expect(exchange.status).toBe(200);
    const { token_handle } = DemoExchangeResponseSchema.parse(exchange.body);
    const data = await http(on.url, "POST", "/demo/api/data", { body: { token_handle, path: "/employer/directory" } });
    expect(data.status).toBe(200);
    const answer = DemoDataResponseSchema.parse(data.body);
    expect(answer).toMatchObject({ status: 202, data_retrieved: null, connection_status: "pending", body: null });
    expect(Number.isNaN(Date.parse(answer.data_expected ?? ""))).toBe(false);
  });

  it("answers malformed input with a 400 naming the field", async () => {
    const forged = await http(on.url, "POST", "/demo/api/data", { body: { token_handle: "v1.AAAA", path: "/employer/directory" } });
    expect(forged.status).toBe(400);
    expect(FinchErrorSchema.parse(forged.body).message).toMatch(/^token_handle/);
    const badPath = await http(on.url, "POST", "/demo/api/data", { body: { token_handle: "x", path: "/employer/payment" } });
    expect(badPath.status).toBe(400);
    expect(FinchErrorSchema.parse(badPath.body).message).toMatch(/path/);
    const noCode = await http(on.url, "POST", "/demo/api/exchange", { body: {} });
    expect(noCode.status).toBe(400);
    expect(FinchErrorSchema.parse(noCode.body).message).toMatch(/code/);
  });
});

describe("demo switched off", () => {
  it("is a 404: page, callback and backend", async () => {
    for (const [method, path] of [
      ["GET", "/demo"],
      ["GET", "/demo/callback?code=x"],
      ["GET", "/demo/api/config"],
      ["POST", "/demo/api/sessions"],
    ] as const) {
      const res = await http(off.url, method, path, method === "POST" ? { body: sessionBody(true) } : {});
      expect(res.status, path).toBe(404);
      FinchErrorSchema.parse(res.body);
    }
    const home = await http(off.url, "GET", "/");
    expect(home.text).not.toContain('href="/demo"');
  });
});

describe("per-address rate limit on the public page APIs", () => {
  it("answers 429 in the Finch error shape with Retry-After, for the demo and for the Connect flow API", async () => {
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) codes.push((await http(limited.url, "GET", "/demo/api/config")).status);
    expect(codes).toEqual([200, 200, 200, 429]);
    const refused = await http(limited.url, "POST", "/connect/api/flows", { body: { query: {} } });
    expect(refused.status).toBe(429);
    expect(FinchErrorSchema.parse(refused.body)).toMatchObject({ code: 429, name: "rate_limit_exceeded_error" });
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    // the authenticated API is not counted against the address
    expect((await http(limited.url, "GET", "/healthz")).status).toBe(200);
  });
});

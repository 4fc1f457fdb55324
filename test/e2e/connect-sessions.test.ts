import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CreatedApplication } from "../../server/domain/applications/create-application.js";
import { http } from "../support/http.js";
import { startTestServer, type TestServer } from "../support/test-server.js";

let server: TestServer;
let app: CreatedApplication;
const body = (extra: Record<string, unknown> = {}) => ({
  customer_id: `cust-${Math.random().toString(36).slice(2)}`,
  customer_name: "Acme Inc",
  products: ["company", "directory"],
  ...extra,
});

beforeAll(async () => {
  server = await startTestServer();
  app = await server.createApp({ redirectUris: ["https://app.example.com/callback"] });
});
afterAll(() => server.close());

describe("POST /connect/sessions", () => {
  it("creates a session whose connect_url opens hosted Connect", async () => {
    const res = await http(server.url, "POST", "/connect/sessions", {
      basic: app,
      body: body({
        customer_email: "hr@acme.test",
        redirect_uri: "https://app.example.com/callback",
        manual: true,
        sandbox: "finch",
        minutes_to_expire: 60,
      }),
      headers: { "finch-api-version": "2020-09-17" },
    });
    expect(res.status).toBe(201);
    expect(res.body.session_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.body.connect_url).toBe(`${server.url}/authorize?session=${res.body.session_id}`);
    expect(res.headers.get("finch-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const page = await fetch(String(res.body.connect_url));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root"');
  });

  it("refuses bad client credentials with 401 invalid_client", async () => {
    for (const basic of [
      { ...app, client_secret: "wrong" },
      { client_id: "not-a-uuid", client_secret: "x" },
    ]) {
      const res = await http(server.url, "POST", "/connect/sessions", { basic, body: body() });
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ code: 401, name: "invalid_client_error", finch_code: "invalid_client" });
    }
    const none = await http(server.url, "POST", "/connect/sessions", { body: body() });
    expect(none.status).toBe(401);
  });

  it.each([
    ["unknown product", { products: ["company", "payroll_magic"] }, "products"],
    ["empty products", { products: [] }, "products"],
    ["deduction with benefits", { products: ["benefits", "deduction"] }, "deduction"],
    ["unregistered redirect_uri", { redirect_uri: "https://evil.example.com/cb" }, "redirect_uri"],
    ["unknown integration provider", { integration: { provider: "nope" } }, "integration.provider"],
    ["wrong auth method for provider", { integration: { provider: "paychex_flex", auth_method: "credential" } }, "integration.auth_method"],
    ["minutes_to_expire too large", { minutes_to_expire: 200000 }, "minutes_to_expire"],
    ["bad email", { customer_email: "not-an-email" }, "customer_email"],
    ["recordkeeping without product", { recordkeeping: { recordkeeper: "voya" } }, "recordkeeping"],
  ])("refuses %s with a 400 naming the field", async (_label, extra, field) => {
    const res = await http(server.url, "POST", "/connect/sessions", { basic: app, body: body(extra) });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 400, finch_code: "invalid_request" });
    expect(String(res.body.message)).toContain(field);
  });

  it("names every missing field at once", async () => {
    const res = await http(server.url, "POST", "/connect/sessions", { basic: app, body: {} });
    expect(res.status).toBe(400);
    for (const field of ["customer_id", "customer_name", "products"]) expect(String(res.body.message)).toContain(field);
  });

  it("answers malformed JSON with a 400 in the Finch shape", async () => {
    const res = await http(server.url, "POST", "/connect/sessions", { basic: app, raw: '{"customer_id": "x",' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 400, name: "bad_request", finch_code: "malformed_request" });
  });

  it("rejects a malformed Finch-API-Version header", async () => {
    const res = await http(server.url, "POST", "/connect/sessions", {
      basic: app,
      body: body(),
      headers: { "finch-api-version": "latest" },
    });
    expect(res.status).toBe(400);
    expect(String(res.body.message)).toContain("Finch-API-Version");
  });
});

describe("connection_already_exists and reauthentication", () => {
  it("refuses a second session for a customer with a live connection, then reauthenticates it", async () => {
    const customer_id = "acme-42";
    const first = await http<{ session_id: string }>(server.url, "POST", "/connect/sessions", {
      basic: app,
      body: body({ customer_id, manual: true }),
    });
    const flow = await http<{ flow_id: string }>(server.url, "POST", "/connect/api/flows", {
      body: { query: { session: first.body.session_id } },
    });
    const done = await http<{ code: string }>(server.url, "POST", `/connect/api/flows/${flow.body.flow_id}/authorize`, {
      body: { provider_id: "paychex_flex", auth_method: "assisted", access_granted: false },
    });
    expect(done.status).toBe(200);
    const token = await http<{ connection_id: string }>(server.url, "POST", "/auth/token", { body: { ...app, code: done.body.code } });

    const again = await http(server.url, "POST", "/connect/sessions", { basic: app, body: body({ customer_id }) });
    expect(again.status).toBe(400);
    expect(again.body).toMatchObject({
      finch_code: "connection_already_exists",
      context: { customer_id, connection_id: token.body.connection_id },
    });

    const reauth = await http<{ session_id: string }>(server.url, "POST", "/connect/sessions/reauthenticate", {
      basic: app,
      body: { connection_id: token.body.connection_id },
    });
    expect(reauth.status).toBe(201);
    const reflow = await http<{ reauth: boolean; preselected: unknown }>(server.url, "POST", "/connect/api/flows", {
      body: { query: { session: reauth.body.session_id } },
    });
    expect(reflow.body.reauth).toBe(true);
    expect(reflow.body.preselected).toEqual({ provider_id: "paychex_flex", auth_method: "assisted" });
  });

  it("answers an unknown or foreign connection with connection_not_found", async () => {
    const other = await server.createApp({ name: "Other App" });
    const res = await http(server.url, "POST", "/connect/sessions/reauthenticate", {
      basic: other,
      body: { connection_id: "00000000-0000-4000-8000-000000000000" },
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 400, finch_code: "connection_not_found" });
    const missing = await http(server.url, "POST", "/connect/sessions/reauthenticate", { basic: app, body: {} });
    expect(missing.status).toBe(400);
    expect(String(missing.body.message)).toContain("connection_id");
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CreatedApplication } from "../../server/domain/applications/create-application.js";
import { connectEmployer, http } from "../support/http.js";
import { startTestServer, type TestServer } from "../support/test-server.js";

let server: TestServer;
let app: CreatedApplication;

beforeAll(async () => {
  server = await startTestServer();
  app = await server.createApp();
});
afterAll(() => server.close());

describe("GET /introspect", () => {
  it("shows an assisted connection as pending and manual until access is granted", async () => {
    const conn = await connectEmployer(server.url, app, {
      products: ["company", "directory", "payment"],
      choice: { provider_id: "paychex_flex", auth_method: "assisted", access_granted: false },
    });
    const res = await http(server.url, "GET", "/introspect", { bearer: conn.access_token });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      client_id: app.client_id,
      connection_id: conn.connection_id,
      connection_type: "provider",
      provider_id: "paychex_flex",
      payroll_provider_id: "paychex_flex",
      manual: true,
      products: ["company", "directory", "payment"],
      connection_status: { status: "pending", last_successful_sync: null },
      authentication_methods: [
        { type: "assisted", connection_status: { status: "pending" }, products: ["company", "directory", "payment"] },
      ],
    });
    expect(String((res.body.connection_status as { message: string }).message)).toContain("Paychex Flex");
  });

  it("starts as processing when the employer says access is granted", async () => {
    const conn = await connectEmployer(server.url, app, {
      choice: { provider_id: "adp_workforce_now", auth_method: "assisted", access_granted: true },
    });
    const res = await http(server.url, "GET", "/introspect", { bearer: conn.access_token });
    expect(res.body).toMatchObject({ manual: true, connection_status: { status: "processing" } });
  });

  it("shows a sandbox automated connection as connected, with its username", async () => {
    const conn = await connectEmployer(server.url, app, {
      manual: false,
      choice: { provider_id: "sandbox_hris", auth_method: "api_token", api_token: "good_token" },
    });
    const res = await http(server.url, "GET", "/introspect", { bearer: conn.access_token });
    expect(res.body).toMatchObject({ manual: false, connection_type: "finch", connection_status: { status: "connected" } });
    expect(typeof (res.body.connection_status as { last_successful_sync: string }).last_successful_sync).toBe("string");
  });

  it("answers 401 without a token and with an unknown one", async () => {
    const none = await http(server.url, "GET", "/introspect");
    expect(none.status).toBe(401);
    expect(none.body).toMatchObject({ code: 401, name: "unauthorized_request_error" });
    const bad = await http(server.url, "GET", "/introspect", { bearer: "ltok_not-a-real-token" });
    expect(bad.status).toBe(401);
    expect(bad.body).toMatchObject({ code: 401, name: "invalid_token_error" });
  });
});

describe("POST /disconnect", () => {
  it("revokes the token: later calls answer 401, and the status is recorded", async () => {
    const conn = await connectEmployer(server.url, app, {
      choice: { provider_id: "paylocity", auth_method: "assisted", access_granted: false },
    });
    const res = await http(server.url, "POST", "/disconnect", { bearer: conn.access_token });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: "success" });
    const after = await http(server.url, "GET", "/introspect", { bearer: conn.access_token });
    expect(after.status).toBe(401);
    expect((await http(server.url, "POST", "/disconnect", { bearer: conn.access_token })).status).toBe(401);
    // the customer may connect again once disconnected
    const again = await http(server.url, "POST", "/connect/sessions", {
      basic: app,
      body: { customer_id: "fresh-after-disconnect", customer_name: "Acme", products: ["company"] },
    });
    expect(again.status).toBe(201);
  });
});

describe("isolation between applications", () => {
  it("one application's token never reaches another's connection", async () => {
    const other = await server.createApp({ name: "Other App" });
    const mine = await connectEmployer(server.url, app, {
      customer_id: "shared-id",
      choice: { provider_id: "paycom", auth_method: "assisted" },
    });
    const theirs = await connectEmployer(server.url, other, {
      customer_id: "shared-id",
      choice: { provider_id: "paycom", auth_method: "assisted" },
    });
    expect(mine.connection_id).not.toBe(theirs.connection_id);
    const seen = await http(server.url, "GET", "/introspect", { bearer: theirs.access_token });
    expect(seen.body).toMatchObject({ client_id: other.client_id, connection_id: theirs.connection_id });
    await http(server.url, "POST", "/disconnect", { bearer: theirs.access_token });
    const still = await http(server.url, "GET", "/introspect", { bearer: mine.access_token });
    expect(still.status).toBe(200);
    expect(still.body).toMatchObject({ connection_id: mine.connection_id, connection_status: { status: "pending" } });
    // and the other application cannot reauthenticate my connection
    const reauth = await http(server.url, "POST", "/connect/sessions/reauthenticate", {
      basic: other,
      body: { connection_id: mine.connection_id },
    });
    expect(reauth.status).toBe(400);
    expect(reauth.body).toMatchObject({ finch_code: "connection_not_found" });
  });
});

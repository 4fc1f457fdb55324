import Finch from "@tryfinch/finch-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CreatedApplication } from "../../server/domain/applications/create-application.js";
import { completeConnect, http } from "../support/http.js";
import { startTestServer, type TestServer } from "../support/test-server.js";

let server: TestServer;
let app: CreatedApplication;
const REDIRECT = "https://app.example.com/callback";

/** A fresh authorization code from a redirect-flow session for a sandbox automated provider. */
async function freshCode(redirectUri: string | null = REDIRECT): Promise<string> {
  const session = await http<{ session_id: string }>(server.url, "POST", "/connect/sessions", {
    basic: app,
    body: { customer_id: `c-${Math.random()}`, customer_name: "Acme", products: ["company", "directory"], redirect_uri: redirectUri },
  });
  const { result } = await completeConnect(
    server.url,
    { session: session.body.session_id },
    { provider_id: "sandbox_payroll", auth_method: "credential", username: "good_user", password: "good_pass" },
  );
  return result.body.code;
}

beforeAll(async () => {
  server = await startTestServer();
  app = await server.createApp({ redirectUris: [REDIRECT, "https://app.example.com/other"] });
});
afterAll(() => server.close());

describe("POST /auth/token", () => {
  it("exchanges a code for a token with every field of the contract", async () => {
    const code = await freshCode();
    const res = await http(server.url, "POST", "/auth/token", {
      body: { client_id: app.client_id, client_secret: app.client_secret, code, redirect_uri: REDIRECT },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      token_type: "bearer",
      client_type: "development",
      connection_type: "finch",
      provider_id: "sandbox_payroll",
      products: ["company", "directory"],
      customer_name: "Acme",
    });
    for (const key of ["access_token", "connection_id", "company_id", "account_id", "customer_id"])
      expect(typeof res.body[key]).toBe("string");
    expect(res.body.entity_ids).toHaveLength(1);
  });

  it("accepts HTTP Basic client credentials as well", async () => {
    const res = await http(server.url, "POST", "/auth/token", { basic: app, body: { code: await freshCode(), redirect_uri: REDIRECT } });
    expect(res.status).toBe(200);
  });

  it("refuses a reused code", async () => {
    const code = await freshCode();
    expect((await http(server.url, "POST", "/auth/token", { body: { ...app, code, redirect_uri: REDIRECT } })).status).toBe(200);
    const again = await http(server.url, "POST", "/auth/token", { body: { ...app, code, redirect_uri: REDIRECT } });
    expect(again.status).toBe(400);
    expect(again.body).toMatchObject({ code: 400, name: "invalid_grant_error" });
  });

  it("refuses a code older than ten minutes", async () => {
    const code = await freshCode();
    server.clock.advance(10 * 60_000 + 1);
    const res = await http(server.url, "POST", "/auth/token", { body: { ...app, code, redirect_uri: REDIRECT } });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ name: "invalid_grant_error" });
  });

  it("refuses a redirect_uri other than the one the code was issued for", async () => {
    const res = await http(server.url, "POST", "/auth/token", {
      body: { ...app, code: await freshCode(), redirect_uri: "https://app.example.com/other" },
    });
    expect(res.status).toBe(400);
    expect(String(res.body.message)).toContain("redirect_uri");
  });

  it("refuses a bad client secret, and another application's code", async () => {
    const code = await freshCode();
    const bad = await http(server.url, "POST", "/auth/token", { body: { client_id: app.client_id, client_secret: "nope", code } });
    expect(bad.status).toBe(401);
    expect(bad.body).toMatchObject({ code: 401, finch_code: "invalid_client" });
    const other = await server.createApp({ name: "Other" });
    const stolen = await http(server.url, "POST", "/auth/token", {
      body: { client_id: other.client_id, client_secret: other.client_secret, code, redirect_uri: REDIRECT },
    });
    expect(stolen.status).toBe(400);
    expect(stolen.body).toMatchObject({ name: "invalid_grant_error" });
    // the rightful owner can still use it: a failed theft does not burn the code
    expect((await http(server.url, "POST", "/auth/token", { body: { ...app, code, redirect_uri: REDIRECT } })).status).toBe(200);
  });

  it("refuses an exchange without redirect_uri when the session had one (RFC 6749 §4.1.3), and does not burn the code", async () => {
    const code = await freshCode();
    const res = await http(server.url, "POST", "/auth/token", { body: { ...app, code } });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 400, name: "invalid_grant_error", finch_code: "invalid_grant" });
    expect(String(res.body.message)).toMatch(/^redirect_uri: required/);
    expect((await http(server.url, "POST", "/auth/token", { body: { ...app, code, redirect_uri: REDIRECT } })).status).toBe(200);
  });

  it("exchanges a code of a session without redirect_uri with or without one, through the official SDK as well", async () => {
    const finch = new Finch({ baseURL: server.url, clientID: app.client_id, clientSecret: app.client_secret });
    const plain = await finch.accessTokens.create({ code: await freshCode(null) });
    expect(plain.token_type).toBe("bearer");
    const named = await finch.accessTokens.create({ code: await freshCode(null), redirect_uri: REDIRECT });
    expect(named.token_type).toBe("bearer");
    // the SDK passes redirect_uri through: a redirect-flow code works when the app repeats it, as RFC 6749 asks
    expect((await finch.accessTokens.create({ code: await freshCode(), redirect_uri: REDIRECT })).token_type).toBe("bearer");
    await expect(finch.accessTokens.create({ code: await freshCode() })).rejects.toMatchObject({ status: 400 });
  });

  it("names the missing field", async () => {
    const res = await http(server.url, "POST", "/auth/token", { body: { client_id: app.client_id, client_secret: app.client_secret } });
    expect(res.status).toBe(400);
    expect(String(res.body.message)).toContain("code");
  });
});

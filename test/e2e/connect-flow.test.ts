import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ConnectFlow, EmployerStatus } from "../../contracts/linnet/connect-flow.js";
import type { CreatedApplication } from "../../server/domain/applications/create-application.js";
import { completeConnect, connectEmployer, http } from "../support/http.js";
import { startTestServer, type TestServer } from "../support/test-server.js";

let server: TestServer;
let app: CreatedApplication;
const REDIRECT = "https://app.example.com/callback";

const newSession = async (extra: Record<string, unknown> = {}) =>
  (
    await http<{ session_id: string }>(server.url, "POST", "/connect/sessions", {
      basic: app,
      body: { customer_id: `c-${Math.random()}`, customer_name: "Acme", products: ["company", "directory", "payment"], ...extra },
    })
  ).body.session_id;
const start = (query: Record<string, string>) => http<ConnectFlow>(server.url, "POST", "/connect/api/flows", { body: { query } });

beforeAll(async () => {
  server = await startTestServer({ LINNET_INVITE_EMAIL: "ops@assist.example.com" });
  app = await server.createApp({ name: "Acme Benefits", redirectUris: [REDIRECT] });
});
afterAll(() => server.close());

describe("starting Connect", () => {
  it("lists only automated providers without manual, and assisted ones too with it", async () => {
    const automated = await start({ session: await newSession() });
    expect(automated.status).toBe(200);
    expect(automated.body.providers.every((p) => p.auth_method !== "assisted")).toBe(true);
    const manual = await start({ session: await newSession({ manual: true }) });
    const assisted = manual.body.providers.filter((p) => p.auth_method === "assisted");
    expect(assisted.length).toBeGreaterThanOrEqual(70);
    expect(manual.body.application_name).toBe("Acme Benefits");
    expect(manual.body.customer_name).toBe("Acme");
    const hris = manual.body.providers.find((p) => p.id === "sandbox_hris");
    expect(hris?.unsupported_products).toEqual(["payment"]);
  });

  it("accepts the legacy static link and echoes state with the code", async () => {
    const query = {
      client_id: app.client_id,
      products: "company directory",
      redirect_uri: REDIRECT,
      manual: "true",
      sandbox: "finch",
      state: "xyz-123",
      payroll_provider: "gusto",
    };
    // a legacy link names no employer: Connect asks for the company's name (company_name)
    const { flow, result } = await completeConnect(server.url, query, {
      provider_id: "gusto",
      auth_method: "assisted",
      access_granted: true,
      company_name: "Legacy Co",
    });
    expect(flow).toMatchObject({
      products: ["company", "directory"],
      manual: true,
      sandbox: "finch",
      state: "xyz-123",
      preselected: { provider_id: "gusto" },
    });
    expect(result.status).toBe(200);
    const redirect = new URL(String(result.body.redirect_to));
    expect(`${redirect.origin}${redirect.pathname}`).toBe(REDIRECT);
    expect(redirect.searchParams.get("code")).toBe(result.body.code);
    expect(redirect.searchParams.get("state")).toBe("xyz-123");
  });

  it("refuses a legacy link with an unregistered redirect_uri, unknown client or product", async () => {
    const bad = await start({ client_id: app.client_id, products: "company", redirect_uri: "https://evil.example.com" });
    expect(bad.status).toBe(400);
    expect(String(bad.body && (bad.body as unknown as { message: string }).message)).toContain("redirect_uri");
    expect((await start({ client_id: "00000000-0000-4000-8000-000000000000", products: "company", redirect_uri: REDIRECT })).status).toBe(
      401,
    );
    expect((await start({ client_id: app.client_id, products: "company wages", redirect_uri: REDIRECT })).status).toBe(400);
    expect((await start({})).status).toBe(400);
  });

  it("takes the embed SDK's parameters: the origin of sdk_host_url, and state from the iframe URL", async () => {
    const session = await newSession();
    const res = await start({
      session,
      state: "s-1",
      app_type: "spa",
      sdk_host_url: "https://host.example.com/some/page?x=1",
      mode: "employer",
    });
    expect(res.body.sdk_host_origin).toBe("https://host.example.com");
    const done = await http<{ state: string }>(server.url, "POST", `/connect/api/flows/${session}/authorize`, {
      body: { provider_id: "sandbox_payroll", auth_method: "credential", username: "good_user", password: "good_pass" },
    });
    expect(done.body.state).toBe("s-1");
    expect((await start({ session: await newSession(), app_type: "spa", sdk_host_url: "javascript:alert(1)" })).status).toBe(400);
    expect((await start({ session: await newSession(), app_type: "spa" })).status).toBe(400);
  });

  it("posts a legacy link's code only to an origin of the application's registered redirect URIs", async () => {
    const legacy = { client_id: app.client_id, products: "company", app_type: "spa", mode: "employer" };
    const evil = await start({ ...legacy, sdk_host_url: "https://evil.example.com/embed" });
    expect(evil.status).toBe(400);
    expect(evil.body).toMatchObject({ code: 400, finch_code: "invalid_request" });
    expect(String((evil.body as unknown as { message: string }).message)).toMatch(/^sdk_host_url: /);
    const own = await start({ ...legacy, sdk_host_url: `${new URL(REDIRECT).origin}/settings/payroll` });
    expect(own.status).toBe(200);
    expect(own.body.sdk_host_origin).toBe(new URL(REDIRECT).origin);
  });

  it("answers a preview without storing a session", async () => {
    const res = await start({
      preview: "true",
      client_id: app.client_id,
      products: "company directory",
      redirect_uri: "https://www.tryfinch.com",
      app_type: "spa",
      sdk_host_url: "http://localhost:3000",
    });
    expect(res.status).toBe(200);
    expect(res.body.preview).toBe(true);
    const attempt = await http(server.url, "POST", `/connect/api/flows/${res.body.flow_id}/authorize`, {
      body: { provider_id: "sandbox_payroll", auth_method: "credential", username: "good_user", password: "good_pass" },
    });
    expect(attempt.status).toBe(404);
  });

  it("refuses expired, completed and unknown sessions", async () => {
    const used = await newSession();
    await completeConnect(
      server.url,
      { session: used },
      { provider_id: "sandbox_hris", auth_method: "api_token", api_token: "good_token" },
    );
    expect((await start({ session: used })).body).toMatchObject({ finch_code: "session_completed" });
    const expiring = await newSession({ minutes_to_expire: 1 });
    server.clock.advance(61_000);
    expect((await start({ session: expiring })).body).toMatchObject({ finch_code: "session_expired" });
    expect((await start({ session: "00000000-0000-4000-8000-000000000000" })).status).toBe(404);
    expect((await start({ session: "not-a-uuid" })).status).toBe(404);
  });
});

describe("completing Connect", () => {
  it("refuses wrong sandbox credentials and keeps the session usable", async () => {
    const session = await newSession();
    const wrong = await http(server.url, "POST", `/connect/api/flows/${session}/authorize`, {
      body: { provider_id: "sandbox_payroll", auth_method: "credential", username: "good_user", password: "bad" },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ finch_code: "invalid_credentials" });
    const right = await http(server.url, "POST", `/connect/api/flows/${session}/authorize`, {
      body: { provider_id: "sandbox_payroll", auth_method: "credential", username: "good_user", password: "good_pass" },
    });
    expect(right.status).toBe(200);
  });

  it("refuses an assisted provider when the session is not manual, and a mismatched method", async () => {
    const session = await newSession();
    const res = await http(server.url, "POST", `/connect/api/flows/${session}/authorize`, {
      body: { provider_id: "paychex_flex", auth_method: "assisted" },
    });
    expect(res.status).toBe(400);
    const mismatch = await http(server.url, "POST", `/connect/api/flows/${session}/authorize`, {
      body: { provider_id: "sandbox_hris", auth_method: "credential", username: "good_user", password: "good_pass" },
    });
    expect(mismatch.status).toBe(400);
  });

  it("gives assisted instructions with the tagged invite address and the expected timing", async () => {
    const session = await newSession({ manual: true, products: ["company", "directory", "payment", "pay_statement"] });
    const res = await http<{ invite_email: string; steps: string[]; expected_days: { org: number; pay: number }; first_name: string }>(
      server.url,
      "GET",
      `/connect/api/flows/${session}/providers/paychex_flex/instructions`,
    );
    expect(res.status).toBe(200);
    expect(res.body.invite_email).toMatch(/^ops\+[0-9a-f]{10}@assist\.example\.com$/);
    expect(res.body.steps.join(" ")).toContain(res.body.invite_email);
    expect(res.body.steps.join(" ")).not.toContain("{{");
    expect(res.body.first_name).toBe("Acme Benefits");
    expect(res.body.expected_days.org).toBe(14);
    expect([14, 42]).toContain(res.body.expected_days.pay);
  });
});

describe("the employer status page", () => {
  it("shows what was asked and when data is due, and records the employer confirming access", async () => {
    const conn = await connectEmployer(server.url, app, {
      products: ["company", "directory", "payment", "pay_statement"],
      choice: { provider_id: "paychex_flex", auth_method: "assisted", access_granted: false },
    });
    expect(conn.status_url).toMatch(new RegExp(`^${server.url}/connect/status/`));
    const token = String(conn.status_url).split("/").pop()!;
    const status = await http<EmployerStatus>(server.url, "GET", `/connect/api/status/${token}`);
    expect(status.status).toBe(200);
    expect(status.body).toMatchObject({
      status: "pending",
      status_label: "PENDING",
      access_confirmed_at: null,
      provider: { id: "paychex_flex" },
    });
    const org = status.body.expected_first_data.find((d) => d.group === "org")!;
    expect(new Date(org.due_at).getTime() - new Date(status.body.created_at).getTime()).toBe(14 * 86_400_000);
    expect(status.body.expected_first_data.map((d) => d.group)).toEqual(["org", "pay"]);

    const confirmed = await http<EmployerStatus>(server.url, "POST", `/connect/api/status/${token}/confirm-access`);
    expect(confirmed.body).toMatchObject({ status: "processing", status_label: "PROCESSING" });
    expect(confirmed.body.access_confirmed_at).not.toBeNull();
    const introspection = await http(server.url, "GET", "/introspect", { bearer: conn.access_token });
    expect(introspection.body).toMatchObject({ connection_status: { status: "processing" } });

    const page = await fetch(String(conn.status_url));
    expect(page.status).toBe(200);
    expect(page.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");

    const linnet = await http(server.url, "GET", "/linnet/connection", { bearer: conn.access_token });
    expect(linnet.body).toMatchObject({ status_url: conn.status_url, status_label: "PROCESSING" });
  });

  it("refuses a forged status token", async () => {
    const conn = await connectEmployer(server.url, app, { choice: { provider_id: "paycor", auth_method: "assisted" } });
    const forged = `${conn.connection_id}.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`;
    expect((await http(server.url, "GET", `/connect/api/status/${forged}`)).status).toBe(404);
    expect((await http(server.url, "POST", `/connect/api/status/${forged}/confirm-access`)).status).toBe(404);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApplicationSettings, ConnectLink, RotatedSecretResponse } from "../../contracts/linnet/dashboard.js";
import type { CreatedApplication } from "../../server/domain/applications/create-application.js";
import { addApplicationMember } from "../../server/domain/applications/members.js";
import { type ConsoleBrowser, signInConsole } from "../support/console.js";
import { completeConnect, http } from "../support/http.js";
import { startTestServer, type TestServer } from "../support/test-server.js";

/** The dashboard's Application settings over HTTP: client id, secret rotation with its grace period, redirect URIs, Connect links. */
let server: TestServer;
let app: CreatedApplication;
let prod: CreatedApplication;
let dev: ConsoleBrowser;
let stranger: ConsoleBrowser;
const HOUR = 3_600_000;

const path = (appId: string, rest: string) => `/dashboard/api/applications/${appId}/${rest}`;
const newSession = (creds: { client_id: string; client_secret: string }, customer_id: string) =>
  http(server.url, "POST", "/connect/sessions", { basic: creds, body: { customer_id, customer_name: "Acme", products: ["company"] } });

beforeAll(async () => {
  server = await startTestServer({ LINNET_SECRET_GRACE_HOURS: "24" });
  app = await server.createApp({ name: "Settings App" });
  prod = await server.createApp({ name: "Prod App", clientType: "production", redirectUris: ["https://prod.example.com/cb"] });
  dev = await signInConsole(server, "dev@linnet.test", "developer");
  stranger = await signInConsole(server, "stranger@linnet.test", "developer");
  for (const id of [app.client_id, prod.client_id]) {
    const added = await addApplicationMember(server.linnet.deps, { userId: dev.userId, applicationId: id });
    if (!added.ok) throw added.error;
  }
});
afterAll(() => server.close());

describe("client secret rotation", () => {
  it("shows the new secret once; the old one keeps working for the grace period and not after", async () => {
    const before = await dev.call<ApplicationSettings>("GET", path(app.client_id, "settings"));
    expect(before.body).toMatchObject({
      client_id: app.client_id,
      name: "Settings App",
      previous_secret_expires_at: null,
      secret_grace_hours: 24,
    });
    expect(before.text).not.toContain(app.client_secret);

    const rotated = await dev.call<RotatedSecretResponse>("POST", path(app.client_id, "rotate-secret"));
    expect(rotated.status).toBe(200);
    const fresh = rotated.body.client_secret;
    expect(fresh).not.toBe(app.client_secret);
    expect(Date.parse(rotated.body.previous_secret_expires_at!) - server.clock.now().getTime()).toBe(24 * HOUR);
    const after = await dev.call<ApplicationSettings>("GET", path(app.client_id, "settings"));
    expect(after.text).not.toContain(fresh); // shown once, never again
    expect(after.body.previous_secret_expires_at).toBe(rotated.body.previous_secret_expires_at);

    const old = { client_id: app.client_id, client_secret: app.client_secret };
    const current = { client_id: app.client_id, client_secret: fresh };
    expect((await newSession(old, "grace-1")).status).toBe(201);
    expect((await newSession(current, "grace-2")).status).toBe(201);
    expect((await newSession({ ...old, client_secret: `${app.client_secret}x` }, "grace-3")).status).toBe(401);

    server.clock.advance(24 * HOUR - 1000);
    expect((await newSession(old, "grace-4")).status).toBe(201);
    server.clock.advance(2000);
    expect((await newSession(old, "grace-5")).status).toBe(401);
    const token = await http(server.url, "POST", "/auth/token", { body: { ...old, code: "00000000-0000-0000-0000-000000000000" } });
    expect(token.status).toBe(401);
    expect((await newSession(current, "grace-6")).status).toBe(201);

    // the console sessions idled out meanwhile
    dev = await signInConsole(server, "dev@linnet.test", "developer");
    stranger = await signInConsole(server, "stranger@linnet.test", "developer");
    expect((await dev.call<ApplicationSettings>("GET", path(app.client_id, "settings"))).body.previous_secret_expires_at).toBeNull();
    app = { ...app, client_secret: fresh };
  });

  it("a second rotation ends the first grace period at once", async () => {
    const first = (await dev.call<RotatedSecretResponse>("POST", path(app.client_id, "rotate-secret"))).body.client_secret;
    const second = (await dev.call<RotatedSecretResponse>("POST", path(app.client_id, "rotate-secret"))).body.client_secret;
    expect((await newSession({ client_id: app.client_id, client_secret: app.client_secret }, "twice-1")).status).toBe(401);
    expect((await newSession({ client_id: app.client_id, client_secret: first }, "twice-2")).status).toBe(201);
    expect((await newSession({ client_id: app.client_id, client_secret: second }, "twice-3")).status).toBe(201);
    app = { ...app, client_secret: second };
  });

  it("needs the CSRF token, and another developer's application does not exist for them", async () => {
    const noCsrf = await http(server.url, "POST", path(app.client_id, "rotate-secret"), { headers: { cookie: dev.cookie } });
    expect(noCsrf.status).toBe(403);
    expect((await stranger.call("POST", path(app.client_id, "rotate-secret"))).status).toBe(404);
    expect((await stranger.call("GET", path(app.client_id, "settings"))).status).toBe(404);
    expect((await newSession(app, "still-works")).status).toBe(201);
  });
});

describe("redirect URIs", () => {
  it("replaces them, validated like `app create`, and Connect sessions accept the new ones", async () => {
    const uris = ["https://app.example.com/finch/callback", "http://localhost:4000/cb"];
    const res = await dev.call<ApplicationSettings>("PATCH", path(app.client_id, "settings"), { body: { redirect_uris: uris } });
    expect(res.status).toBe(200);
    expect(res.body.redirect_uris).toEqual(uris);
    expect((await dev.call<ApplicationSettings>("GET", path(app.client_id, "settings"))).body.redirect_uris).toEqual(uris);
    const session = await http(server.url, "POST", "/connect/sessions", {
      basic: app,
      body: { customer_id: "redirect-1", customer_name: "Acme", products: ["company"], redirect_uri: uris[0] },
    });
    expect(session.status).toBe(201);

    const bad = await dev.call<{ message: string }>("PATCH", path(app.client_id, "settings"), { body: { redirect_uris: ["not a url"] } });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/redirect_uris: .*not an absolute URL/);
    const fragment = await dev.call<{ message: string }>("PATCH", path(app.client_id, "settings"), {
      body: { redirect_uris: ["https://a.example.com/cb#x"] },
    });
    expect(fragment.body.message).toMatch(/fragment/);
    const http1 = await dev.call<{ message: string }>("PATCH", path(prod.client_id, "settings"), {
      body: { redirect_uris: ["http://prod.example.com/cb"] },
    });
    expect(http1.status).toBe(400);
    expect(http1.body.message).toMatch(/https/);
    expect((await dev.call<ApplicationSettings>("GET", path(app.client_id, "settings"))).body.redirect_uris).toEqual(uris); // unchanged
    expect((await stranger.call("PATCH", path(app.client_id, "settings"), { body: { redirect_uris: [] } })).status).toBe(404);
  });
});

describe("Connect links", () => {
  it("creates a connect session without code; the link works with hosted Connect and the app gets a token", async () => {
    const res = await dev.call<ConnectLink>("POST", path(app.client_id, "connect-links"), {
      body: { customer_id: "link-1", customer_name: "Linked Co", products: ["company", "directory"] },
    });
    expect(res.status).toBe(201);
    const url = new URL(res.body.connect_url);
    expect(`${url.origin}${url.pathname}`).toBe(`${server.url}/authorize`);
    const page = await http(server.url, "GET", `${url.pathname}${url.search}`);
    expect(page.status).toBe(200);

    const { result } = await completeConnect(server.url, Object.fromEntries(url.searchParams), {
      provider_id: "paychex_flex",
      auth_method: "assisted",
      access_granted: false,
    });
    expect(result.status).toBe(200);
    const token = await http<{ access_token: string }>(server.url, "POST", "/auth/token", { body: { ...app, code: result.body.code } });
    expect(token.status).toBe(200);
    const me = await http<{ customer_id: string; customer_name: string; products: string[] }>(server.url, "GET", "/introspect", {
      bearer: token.body.access_token,
    });
    expect(me.body).toMatchObject({ customer_id: "link-1", customer_name: "Linked Co", products: ["company", "directory"] });

    const again = await dev.call<{ finch_code: string }>("POST", path(app.client_id, "connect-links"), {
      body: { customer_id: "link-1", customer_name: "Linked Co", products: ["company"] },
    });
    expect(again.status).toBe(400);
    expect(again.body.finch_code).toBe("connection_already_exists");
    const noProducts = await dev.call<{ message: string }>("POST", path(app.client_id, "connect-links"), {
      body: { customer_id: "x", customer_name: "X", products: [] },
    });
    expect(noProducts.status).toBe(400);
    expect(noProducts.body.message).toMatch(/products/);
    expect(
      (
        await stranger.call("POST", path(app.client_id, "connect-links"), {
          body: { customer_id: "y", customer_name: "Y", products: ["company"] },
        })
      ).status,
    ).toBe(404);
  });
});

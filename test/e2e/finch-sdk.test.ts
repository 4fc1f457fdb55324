import Finch from "@tryfinch/finch-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CreatedApplication } from "../../server/domain/applications/create-application.js";
import { completeConnect } from "../support/http.js";
import { startTestServer, type TestServer } from "../support/test-server.js";

/** The official Finch SDK, pointed at Linnet by its base URL only. */
let server: TestServer;
let app: CreatedApplication;
const client = (opts: { accessToken?: string } = {}) =>
  new Finch({ baseURL: server.url, clientID: app.client_id, clientSecret: app.client_secret, maxRetries: 0, ...opts });

beforeAll(async () => {
  server = await startTestServer();
  app = await server.createApp({ name: "SDK App" });
});
afterAll(() => server.close());

describe("@tryfinch/finch-api against Linnet", () => {
  it("lists providers, including assisted ones", async () => {
    const providers = await client().providers.list({ headers: { Authorization: null } });
    const all = [];
    for await (const p of providers) all.push(p);
    expect(all.length).toBeGreaterThanOrEqual(73);
    const assisted = all.filter((p) => p.authentication_methods?.some((m) => m.type === "assisted"));
    expect(assisted.length).toBeGreaterThanOrEqual(70);
    expect(all.find((p) => p.id === "sandbox_payroll")?.authentication_methods?.[0]?.type).toBe("credential");
  });

  it("runs the whole assisted flow: session, Connect, token, introspect, reauthenticate, disconnect", async () => {
    const finch = client();
    const session = await finch.connect.sessions.new({
      customer_id: "sdk-customer-1",
      customer_name: "SDK Customer",
      products: ["company", "directory", "individual", "employment", "payment", "pay_statement"],
      manual: true,
    });
    expect(session.connect_url).toBe(`${server.url}/authorize?session=${session.session_id}`);

    const { result } = await completeConnect(
      server.url,
      { session: session.session_id },
      { provider_id: "ukg_pro", auth_method: "assisted", access_granted: false },
    );
    const token = await finch.accessTokens.create({ code: result.body.code });
    expect(token.token_type).toBe("bearer");
    expect(token.provider_id).toBe("ukg_pro");
    expect(token.entity_ids).toHaveLength(1);

    const authed = client({ accessToken: token.access_token });
    const info = await authed.account.introspect();
    expect(info.connection_id).toBe(token.connection_id);
    expect(info.manual).toBe(true);
    expect(info.connection_status.status).toBe("pending");
    expect(info.authentication_methods?.[0]?.type).toBe("assisted");

    await expect(
      finch.connect.sessions.new({ customer_id: "sdk-customer-1", customer_name: "again", products: ["company"] }),
    ).rejects.toMatchObject({
      status: 400,
    });
    const reauth = await finch.connect.sessions.reauthenticate({ connection_id: token.connection_id });
    expect(reauth.session_id).toBeTruthy();

    const disconnected = await authed.account.disconnect();
    expect(disconnected.status).toBe("success");
    await expect(authed.account.introspect()).rejects.toBeInstanceOf(Finch.AuthenticationError);
  });

  it("maps Linnet's errors to the SDK's error classes", async () => {
    const wrong = new Finch({ baseURL: server.url, clientID: app.client_id, clientSecret: "wrong", maxRetries: 0 });
    await expect(wrong.connect.sessions.new({ customer_id: "x", customer_name: "x", products: ["company"] })).rejects.toBeInstanceOf(
      Finch.AuthenticationError,
    );
    await expect(client().accessTokens.create({ code: "00000000-0000-4000-8000-000000000000" })).rejects.toBeInstanceOf(
      Finch.BadRequestError,
    );
    await expect(client({ accessToken: "nope" }).account.introspect()).rejects.toBeInstanceOf(Finch.AuthenticationError);
  });
});

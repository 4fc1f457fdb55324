import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type {
  ConnectLink,
  DashboardConnection,
  DashboardConnectionDetail,
  DashboardConnectionList,
} from "../../contracts/linnet/dashboard.js";
import { publishOrgSnapshot } from "../../server/commands/publish-org.js";
import type { CreatedApplication } from "../../server/domain/applications/create-application.js";
import { addApplicationMember } from "../../server/domain/applications/members.js";
import { DAY_MS } from "../../server/domain/clock.js";
import { operatorSetStatus } from "../../server/domain/ops/set-status.js";
import { type ConsoleBrowser, signInConsole } from "../support/console.js";
import { orgInput } from "../support/fixtures.js";
import { connectEmployer, http } from "../support/http.js";
import { startTestServer, type TestServer } from "../support/test-server.js";

/** The dashboard's Employers tab over HTTP: list, search, filters, sorts, pages, the connection page, its actions, isolation. */
let server: TestServer;
let appA: CreatedApplication;
let appB: CreatedApplication;
let devA: ConsoleBrowser;
let devB: ConsoleBrowser;
const ids: Record<string, { connection_id: string; access_token: string }> = {};
const PAY = ["payment", "pay_statement"];
const ORG = ["company", "directory", "individual", "employment"];

const list = (who: ConsoleBrowser, appId: string, query = "") =>
  who.call<DashboardConnectionList>("GET", `/dashboard/api/applications/${appId}/connections${query}`);
const base = (appId: string, connectionId: string) => `/dashboard/api/applications/${appId}/connections/${connectionId}`;

beforeAll(async () => {
  server = await startTestServer();
  appA = await server.createApp({ name: "Benefits A" });
  appB = await server.createApp({ name: "Lender B" });
  devA = await signInConsole(server, "dev-a@linnet.test", "developer");
  devB = await signInConsole(server, "dev-b@linnet.test", "developer");
  for (const [who, app] of [
    [devA, appA],
    [devB, appB],
  ] as const) {
    const added = await addApplicationMember(server.linnet.deps, { userId: who.userId, applicationId: app.client_id });
    if (!added.ok) throw added.error;
  }
  const assisted = (provider: string, granted: boolean) => ({
    provider_id: provider,
    auth_method: "assisted" as const,
    access_granted: granted,
  });
  ids.zeta = await connectEmployer(server.url, appA, {
    customer_id: "zeta-1",
    customer_name: "Zeta Corp",
    products: [...ORG, ...PAY],
    choice: assisted("paychex_flex", false),
  });
  ids.alpha = await connectEmployer(server.url, appA, {
    customer_id: "alpha-2",
    customer_name: "Alpha LLC",
    products: PAY,
    choice: assisted("ascentis", true),
  });
  ids.mid = await connectEmployer(server.url, appA, {
    customer_id: "mid-3",
    customer_name: "Mid Co",
    choice: { provider_id: "sandbox_payroll", auth_method: "credential", username: "good_user", password: "good_pass" },
  });
  server.clock.advance(DAY_MS);
  ids.beta = await connectEmployer(server.url, appA, {
    customer_id: "beta-4",
    customer_name: "Beta Inc",
    products: ["company", "directory"],
    choice: assisted("bob", false),
  });
  const moved = await operatorSetStatus(server.linnet.deps, devA.userId, ids.beta.connection_id, "error_permissions", "role too narrow");
  if (!moved.ok) throw moved.error;
  ids.echo = await connectEmployer(server.url, appA, {
    customer_id: "echo-5",
    customer_name: "Echo Ltd",
    products: ["company", "directory", "payment"],
    choice: assisted("adp_workforce_now", true),
  });
  const published = await publishOrgSnapshot(server.linnet.deps, ids.echo.connection_id, orgInput(3), {
    source: "test",
    retrievedAt: server.clock.now(),
  });
  if (!published.ok) throw published.error;
  ids.bravo = await connectEmployer(server.url, appB, {
    customer_id: "bravo-secret",
    customer_name: "Bravo Secret",
    choice: assisted("paylocity", false),
  });
  devA = await signInConsole(server, "dev-a@linnet.test", "developer");
  devB = await signInConsole(server, "dev-b@linnet.test", "developer");
});
afterAll(() => server.close());

describe("the Employers list", () => {
  it("lists every connection with its dashboard label, plain-words state, products, readiness and expected date", async () => {
    const res = await list(devA, appA.client_id);
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(5);
    const byCustomer: Record<string, DashboardConnection> = Object.fromEntries(res.body.data.map((c) => [c.customer_id, c]));
    expect(byCustomer["zeta-1"]).toMatchObject({
      customer_name: "Zeta Corp",
      auth_type: "assisted",
      status_label: "PENDING",
      provider: { id: "paychex_flex" },
    });
    expect(byCustomer["alpha-2"]).toMatchObject({ status_label: "PROCESSING", auth_type: "assisted" });
    expect(byCustomer["mid-3"]).toMatchObject({ status_label: "CONNECTED", auth_type: "automated", expected_first_data_at: null });
    expect(byCustomer["mid-3"]!.readiness.find((r) => r.product === "directory")).toMatchObject({ ready: true });
    expect(byCustomer["beta-4"]).toMatchObject({ status: "error_permissions", status_label: "NEEDS ATTENTION" });
    expect(byCustomer["beta-4"]!.status_words).toMatch(/missing permissions/i);

    const zeta = byCustomer["zeta-1"]!;
    expect(Date.parse(zeta.expected_first_data_at!) - Date.parse(zeta.created_at)).toBe(14 * DAY_MS); // pay-enabled: 14 days for both groups
    const alpha = byCustomer["alpha-2"]!;
    expect(Date.parse(alpha.expected_first_data_at!) - Date.parse(alpha.created_at)).toBe(42 * DAY_MS); // pay only, not pay-enabled

    const echo = byCustomer["echo-5"]!;
    expect(echo.status_label).toBe("CONNECTED");
    const company = echo.readiness.find((r) => r.product === "company")!;
    expect(company).toMatchObject({ ready: true, expected_by: null });
    expect(Date.parse(company.next_refresh_at!) - Date.parse(company.data_retrieved_at!)).toBe(7 * DAY_MS);
    expect(echo.readiness.find((r) => r.product === "payment")).toMatchObject({ ready: false, data_retrieved_at: null });
    expect(echo.next_refresh_at).toBe(company.next_refresh_at);
  });

  it("searches by customer name or id, and filters by status, auth type and provider", async () => {
    expect((await list(devA, appA.client_id, "?q=zeta")).body.data.map((c) => c.customer_id)).toEqual(["zeta-1"]);
    expect((await list(devA, appA.client_id, "?q=BETA-4")).body.data.map((c) => c.customer_name)).toEqual(["Beta Inc"]);
    expect((await list(devA, appA.client_id, "?q=%25")).body.total).toBe(0); // a literal %, not a wildcard
    expect((await list(devA, appA.client_id, "?status=pending")).body.data.map((c) => c.customer_id)).toEqual(["zeta-1"]);
    expect((await list(devA, appA.client_id, "?status=needs_attention")).body.data.map((c) => c.customer_id)).toEqual(["beta-4"]);
    expect((await list(devA, appA.client_id, "?auth_type=automated")).body.data.map((c) => c.customer_id)).toEqual(["mid-3"]);
    expect((await list(devA, appA.client_id, "?auth_type=assisted")).body.total).toBe(4);
    expect((await list(devA, appA.client_id, "?provider=ascentis")).body.data.map((c) => c.customer_id)).toEqual(["alpha-2"]);
    const bad = await list(devA, appA.client_id, "?status=sleeping");
    expect(bad.status).toBe(400);
    expect(bad.text).toMatch(/status/);
  });

  it("sorts by customer, status, created and expected date", async () => {
    const order = async (q: string) => (await list(devA, appA.client_id, q)).body.data.map((c) => c.customer_id);
    expect(await order("?sort=customer")).toEqual(["alpha-2", "beta-4", "echo-5", "mid-3", "zeta-1"]);
    expect(await order("?sort=customer&order=desc")).toEqual(["zeta-1", "mid-3", "echo-5", "beta-4", "alpha-2"]);
    expect((await order("?sort=status")).slice(0, 3)).toEqual(["zeta-1", "alpha-2", "beta-4"]); // pending, processing, needs attention
    // newest first by default: beta and echo were created a day after the others
    expect((await order("?sort=created")).slice(0, 2).sort()).toEqual(["beta-4", "echo-5"]);
    expect((await order("?sort=created&order=asc")).slice(3).sort()).toEqual(["beta-4", "echo-5"]);
    const expected = (await list(devA, appA.client_id, "?sort=expected")).body.data;
    expect(expected[0]!.customer_id).toBe("zeta-1");
    const dates = expected.map((c) => c.expected_first_data_at);
    const known = dates.filter((d) => d !== null) as string[];
    expect(known).toEqual([...known].sort());
    expect(dates.slice(known.length).every((d) => d === null)).toBe(true); // nothing awaited goes last
    expect(expected.at(-1)!.customer_id).toBe("mid-3");
  });

  it("pages on the server", async () => {
    const seen: string[] = [];
    for (const offset of [0, 2, 4]) {
      const page = await list(devA, appA.client_id, `?sort=customer&limit=2&offset=${offset}`);
      expect(page.body).toMatchObject({ total: 5, limit: 2, offset });
      seen.push(...page.body.data.map((c) => c.customer_id!));
    }
    expect(seen).toEqual(["alpha-2", "beta-4", "echo-5", "mid-3", "zeta-1"]);
    expect((await list(devA, appA.client_id, "?limit=500")).status).toBe(400);
  });
});

describe("the connection page and its actions", () => {
  it("shows facts, per-product readiness and the activity timeline", async () => {
    const res = await devA.call<DashboardConnectionDetail>("GET", base(appA.client_id, ids.zeta!.connection_id));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ customer_name: "Zeta Corp", status_label: "PENDING", auth_type: "assisted", disconnected_at: null });
    expect(res.body.employer_status_url).toMatch(/\/connect\/status\//);
    expect(res.body.readiness.map((r) => r.product)).toEqual(expect.arrayContaining(["company", "payment"]));
    expect(res.body.readiness.every((r) => !r.ready && r.expected_by === res.body.expected_first_data_at)).toBe(true);
    expect(res.body.activity.length).toBeGreaterThan(0);
    expect(res.body.activity.some((a) => a.to_status === "pending")).toBe(true);
    expect((await devA.call("GET", base(appA.client_id, "not-a-uuid"))).status).toBe(404);
  });

  it("creates a reauthentication link that opens hosted Connect", async () => {
    const res = await devA.call<ConnectLink>("POST", `${base(appA.client_id, ids.mid!.connection_id)}/reauthenticate`);
    expect(res.status).toBe(201);
    expect(res.body.connect_url).toBe(`${server.url}/authorize?session=${res.body.session_id}`);
    const flow = await http<{ flow_id: string }>(server.url, "POST", "/connect/api/flows", {
      body: { query: { session: res.body.session_id } },
    });
    expect(flow.status).toBe(200);
    const noCsrf = await http(server.url, "POST", `${base(appA.client_id, ids.mid!.connection_id)}/reauthenticate`, {
      headers: { cookie: devA.cookie },
    });
    expect(noCsrf.status).toBe(403);
  });

  it("disconnects: the connection's token then gets 401, and a reauthentication link is refused", async () => {
    expect((await http(server.url, "GET", "/introspect", { bearer: ids.mid!.access_token })).status).toBe(200);
    const res = await devA.call<DashboardConnectionDetail>("POST", `${base(appA.client_id, ids.mid!.connection_id)}/disconnect`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: "disconnected", status_label: "DISCONNECTED" });
    expect(res.body.activity.some((a) => a.kind === "tokens_revoked")).toBe(true);
    expect(res.body.activity.some((a) => a.actor === `user:${devA.userId}`)).toBe(true);
    expect((await http(server.url, "GET", "/introspect", { bearer: ids.mid!.access_token })).status).toBe(401);
    expect((await http(server.url, "GET", "/employer/directory", { bearer: ids.mid!.access_token })).status).toBe(401);
    expect((await devA.call("POST", `${base(appA.client_id, ids.mid!.connection_id)}/reauthenticate`)).status).toBe(400);
    expect((await list(devA, appA.client_id, "?status=disconnected")).body.data.map((c) => c.customer_id)).toEqual(["mid-3"]);
  });
});

describe("isolation between applications", () => {
  it("a developer sees only their applications, and another application's connections answer 404 everywhere", async () => {
    const apps = await devA.call<{ data: { id: string }[] }>("GET", "/dashboard/api/applications");
    expect(apps.body.data.map((a) => a.id)).toEqual([appA.client_id]);
    expect((await list(devA, appB.client_id)).status).toBe(404);
    expect((await list(devA, "not-a-uuid")).status).toBe(404);
    expect((await devA.call("GET", `/dashboard/api/applications/${appB.client_id}/settings`)).status).toBe(404);
    const bravo = ids.bravo!.connection_id;
    // through their own application's paths, a foreign connection does not exist
    expect((await devA.call("GET", base(appA.client_id, bravo))).status).toBe(404);
    expect((await devA.call("POST", `${base(appA.client_id, bravo)}/reauthenticate`)).status).toBe(404);
    expect((await devA.call("POST", `${base(appA.client_id, bravo)}/disconnect`)).status).toBe(404);
    expect((await devA.call("POST", `${base(appB.client_id, bravo)}/disconnect`)).status).toBe(404);
    expect((await list(devA, appA.client_id, "?q=bravo")).body.total).toBe(0);
    expect((await http(server.url, "GET", "/introspect", { bearer: ids.bravo!.access_token })).status).toBe(200); // untouched

    const own = await list(devB, appB.client_id);
    expect(own.body.data.map((c) => c.customer_id)).toEqual(["bravo-secret"]);
    expect((await devB.call("GET", base(appB.client_id, ids.zeta!.connection_id))).status).toBe(404);
  });

  it("admins see every application; operators and strangers are refused", async () => {
    const admin = await signInConsole(server, "admin@linnet.test", "admin");
    const apps = await admin.call<{ data: { id: string }[] }>("GET", "/dashboard/api/applications");
    expect(apps.body.data.map((a) => a.id)).toEqual(expect.arrayContaining([appA.client_id, appB.client_id]));
    expect((await list(admin, appB.client_id)).body.total).toBe(1);
    const operator = await signInConsole(server, "ops@linnet.test", "operator");
    expect((await operator.call("GET", "/dashboard/api/applications")).status).toBe(403);
    expect((await list(operator, appA.client_id)).status).toBe(403);
    expect((await http(server.url, "GET", `/dashboard/api/applications/${appA.client_id}/connections`)).status).toBe(401);
  });
});

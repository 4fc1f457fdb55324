import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FinchErrorSchema } from "../../contracts/finch/errors.js";
import { AUDIT_ACTIONS, type AuditEntry, AuditPageSchema } from "../../contracts/linnet/audit.js";
import { findConnection } from "../../server/db/repositories/connections.repository.js";
import { createManualJob } from "../../server/domain/assisted/manual-jobs.js";
import { type ConsoleBrowser, signInConsole } from "../support/console.js";
import { orgInput } from "../support/fixtures.js";
import { connectEmployer, http } from "../support/http.js";
import { startTestServer, type TestServer } from "../support/test-server.js";

let server: TestServer;
let admin: ConsoleBrowser;

beforeAll(async () => {
  server = await startTestServer();
  admin = await signInConsole(server, "audit-admin@linnet.test", "admin");
});
afterAll(async () => {
  await server.close();
});

type Page = { entries: AuditEntry[]; next_before: number | null };
const audit = (who: ConsoleBrowser, query = "") => who.call<Page>("GET", `/ops/api/audit${query}`);
/** Call a console route and insist it worked. */
async function ok(who: ConsoleBrowser, method: string, path: string, body?: unknown) {
  const res = await who.call<Record<string, unknown>>(method, path, body === undefined ? {} : { body });
  expect(res.status, `${method} ${path}: ${res.text}`).toBeLessThan(300);
  return res.body;
}

describe("the audit log", () => {
  it("records each console action with who did it, and only admins read it", async () => {
    const app = await server.createApp({ clientType: "sandbox", name: "Audit Co" });
    const conn = await connectEmployer(server.url, app, {
      customer_id: "audited",
      products: ["company", "directory", "benefits"],
      choice: { provider_id: "paycom", auth_method: "assisted" },
    });
    const tasks = (await ok(admin, "GET", `/ops/api/connections/${conn.connection_id}`)).tasks as { id: string }[];
    const task = tasks[0] as { id: string };
    await ok(admin, "POST", `/ops/api/tasks/${task.id}/claim`);
    await ok(admin, "POST", `/ops/api/tasks/${task.id}/release`);
    await ok(admin, "POST", `/ops/api/tasks/${task.id}/reassign`, { user_id: admin.userId });
    await ok(admin, "POST", "/ops/api/ingest", { connection_id: conn.connection_id, group: "org", data: orgInput(2) });
    await ok(admin, "POST", `/ops/api/connections/${conn.connection_id}/pull-failures`, { group: "org", reason: "Portal down" });
    await ok(admin, "POST", `/ops/api/connections/${conn.connection_id}/status`, {
      status: "error_permissions",
      reason: "Our admin user was removed",
    });
    const connection = (await findConnection(server.linnet.deps.db, conn.connection_id))!;
    const job = await createManualJob(server.linnet.deps, connection, "benefit_enroll", { benefit: "401k", individuals: [] });
    await ok(admin, "POST", `/ops/api/manual-jobs/${job.id}/start`);
    await ok(admin, "POST", `/ops/api/manual-jobs/${job.id}/complete`, { status: "complete", body: [] });
    const base = `/dashboard/api/applications/${app.client_id}`;
    await ok(admin, "POST", `${base}/rotate-secret`);
    await ok(admin, "PATCH", `${base}/settings`, { redirect_uris: ["https://audit.example.com/cb"] });
    await ok(admin, "POST", `${base}/connect-links`, { customer_id: "next-co", customer_name: "Next Co", products: ["company"] });
    const endpoint = (await ok(admin, "POST", `${base}/webhooks`, {
      url: "https://hooks.example.com/secret-path?token=abc",
      event_types: [],
    })) as { id: string };
    await ok(admin, "PATCH", `${base}/webhooks/${endpoint.id}`, { enabled: false });
    await ok(admin, "POST", `${base}/webhooks/${endpoint.id}/rotate-secret`);
    await ok(admin, "DELETE", `${base}/webhooks/${endpoint.id}`);
    const key = (await ok(admin, "POST", "/console/api/api-keys", { name: "nightly" })) as { id: string };
    await ok(admin, "DELETE", `/console/api/api-keys/${key.id}`);
    await ok(admin, "POST", `${base}/connections/${conn.connection_id}/reauthenticate`);
    await ok(admin, "POST", `${base}/connections/${conn.connection_id}/disconnect`);

    const page = await audit(admin, "?limit=200");
    expect(page.status).toBe(200);
    const entries = AuditPageSchema.parse(page.body).entries;
    const expected = [
      "task.claimed",
      "task.released",
      "task.reassigned",
      "ingest.published",
      "connection.pull_failure_reported",
      "connection.status_changed",
      "manual_job.started",
      "manual_job.completed",
      "application.secret_rotated",
      "application.settings_changed",
      "application.connect_link_created",
      "webhook_endpoint.created",
      "webhook_endpoint.changed",
      "webhook_endpoint.secret_rotated",
      "webhook_endpoint.deleted",
      "api_key.created",
      "api_key.revoked",
      "connection.reauth_link_created",
      "connection.disconnected",
    ];
    expect(entries.map((e) => e.action).reverse()).toEqual(expected); // newest first, one line per action
    expect(expected.every((a) => (AUDIT_ACTIONS as readonly string[]).includes(a))).toBe(true);
    expect(
      entries.every((e) => e.actor.email === "audit-admin@linnet.test" && e.actor.role === "admin" && e.actor.user_id === admin.userId),
    ).toBe(true);
    const byAction = Object.fromEntries(entries.map((e) => [e.action, e]));
    expect(byAction["connection.status_changed"]).toMatchObject({
      connection_id: conn.connection_id,
      target: { type: "connection", id: conn.connection_id },
    });
    expect(byAction["connection.status_changed"]?.summary).toContain("Our admin user was removed");
    expect(byAction["manual_job.completed"]).toMatchObject({ target: { type: "manual_job", id: job.id } });
    expect(byAction["application.secret_rotated"]).toMatchObject({ application_id: app.client_id });
    // the endpoint's path and query (which may hold the receiver's own secret) are not recorded
    expect(byAction["webhook_endpoint.created"]?.summary).toContain("hooks.example.com");
    expect(JSON.stringify(entries)).not.toContain("token=abc");

    // an operator works in the console but does not read the audit log
    const operator = await signInConsole(server, "audit-operator@linnet.test", "operator");
    const refused = await audit(operator);
    expect(refused.status).toBe(403);
    FinchErrorSchema.parse(refused.body);
  });

  it("filters, pages, refuses malformed filters, and exports CSV", async () => {
    const byAction = await audit(admin, "?action=task.claimed");
    expect(byAction.body.entries.length).toBeGreaterThanOrEqual(1);
    expect(byAction.body.entries.every((e) => e.action === "task.claimed")).toBe(true);
    expect((await audit(admin, "?actor=nobody-here")).body.entries).toEqual([]);
    expect((await audit(admin, "?actor=AUDIT-ADMIN")).body.entries.length).toBeGreaterThan(2);
    const today = server.clock.now().toISOString().slice(0, 10);
    expect((await audit(admin, `?from=${today}&to=${today}`)).body.entries.length).toBeGreaterThan(2);
    expect((await audit(admin, "?to=2000-01-01")).body.entries).toEqual([]);

    const all = (await audit(admin, "?limit=200")).body.entries;
    const seen: number[] = [];
    let before: number | null = null;
    for (let i = 0; i < 50; i++) {
      const res: { body: Page } = await audit(admin, `?limit=5${before ? `&before=${before}` : ""}`);
      AuditPageSchema.parse(res.body);
      seen.push(...res.body.entries.map((e) => e.id));
      before = res.body.next_before;
      if (before === null) break;
    }
    expect(seen).toEqual(all.map((e) => e.id));

    for (const bad of ["?action=nope", "?before=abc", "?from=2026-13-45", "?limit=0", "?limit=500"]) {
      const res = await audit(admin, bad);
      expect(res.status, bad).toBe(400);
      expect(FinchErrorSchema.parse(res.body).code).toBe(400);
    }

    const csv = await admin.call("GET", "/ops/api/audit.csv?action=task.claimed");
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect(csv.headers.get("content-disposition")).toMatch(/^attachment; filename="linnet-audit-\d{4}-\d{2}-\d{2}\.csv"$/);
    const lines = csv.text.trim().split("\r\n");
    expect(lines[0]).toBe("time,actor_email,actor_role,action,target_type,target_id,application_id,connection_id,summary");
    expect(lines).toHaveLength(byAction.body.entries.length + 1);
    expect(lines[1]).toContain('"audit-admin@linnet.test","admin","task.claimed"');
    expect((await http(server.url, "GET", "/ops/api/audit.csv")).status).toBe(401);
  });
});

import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { FinchErrorSchema } from "../../contracts/finch/errors.js";
import { AuditPageSchema } from "../../contracts/linnet/audit.js";
import { ApiKeyListSchema, ConsoleUserSchema, CreatedApiKeySchema, SessionResponseSchema } from "../../contracts/linnet/console-auth.js";
import {
  ApplicationSettingsSchema,
  ConnectLinkSchema,
  DashboardApplicationListSchema,
  DashboardConnectionDetailSchema,
  DashboardConnectionListSchema,
  RotatedSecretSchema,
} from "../../contracts/linnet/dashboard.js";
import {
  FileReceivedSchema,
  InboxCredentialsSchema,
  IntakeFileDetailSchema,
  IntakeFileSchema,
  IntakeSourceListSchema,
  IntakeSourceSchema,
} from "../../contracts/linnet/intake.js";
import {
  OpsConnectionSchema,
  OpsManualJobSchema,
  ReportSchema,
  TaskListSchema,
  TaskSchema,
  TaskSummarySchema,
  TemplateSchema,
  UploadViewSchema,
} from "../../contracts/linnet/ops.js";
import { PlansPublishedSchema } from "../../contracts/linnet/plans-export.js";
import { PullSourceSchema, PullSourceTestSchema } from "../../contracts/linnet/pull-sources.js";
import { ReportCredentialsSchema, ReportSetupSchema } from "../../contracts/linnet/report-setup.js";
import {
  WebhookDeliveryPageSchema,
  WebhookEndpointSchema,
  WebhookEndpointWithSecretSchema,
  WebhookEventPageSchema,
  WebhookSendSchema,
} from "../../contracts/linnet/webhooks.js";
import { findConnection } from "../../server/db/repositories/connections.repository.js";
import type { CreatedApplication } from "../../server/domain/applications/create-application.js";
import { createManualJob } from "../../server/domain/assisted/manual-jobs.js";
import { type ConsoleBrowser, signInConsole } from "../support/console.js";
import { orgInput } from "../support/fixtures.js";
import { connectEmployer, type HttpResult, http } from "../support/http.js";
import { startTestServer, type TestServer } from "../support/test-server.js";
import { startReceiver, type WebhookReceiver } from "../support/webhook-receiver.js";

/**
 * Every console API route (`/ops/api/*`, `/console/api/*`, `/dashboard/api/*`) called in realistic states, each answer
 * held against its zod contract. A route whose answer fails its own schema answers 500 (the type provider checks
 * responses), so a route missing from this file fails the coverage check at the end.
 */
let server: TestServer;
let app: CreatedApplication;
let ops: ConsoleBrowser;
let admin: ConsoleBrowser;
let receiver: WebhookReceiver;
const checked = new Set<string>();
const fixture = (name: string) => fs.readFileSync(new URL(`../../server/domain/ingestion/fixtures/${name}`, import.meta.url));

/** Record the route as covered, expect the status, and parse the body with the contract (throws naming the field). */
function holds<T>(route: string, res: HttpResult<unknown>, status: number, schema: z.ZodType<T> | null): T {
  checked.add(route);
  expect(res.status, `${route}: ${res.text}`).toBe(status);
  if (schema === null) return undefined as T;
  const parsed = schema.safeParse(res.body);
  expect(parsed.success ? null : `${route}: ${z.prettifyError(parsed.error)}`).toBeNull();
  return parsed.data as T;
}

/** A 4xx must be a Finch error body. */
function refuses(route: string, res: HttpResult<unknown>, status: number) {
  holds(route, res, status, FinchErrorSchema);
}

async function upload(connectionId: string, group: "org" | "pay", fileName: string, bytes: Buffer, contentType = "text/csv") {
  return http(server.url, "POST", `/ops/api/connections/${connectionId}/uploads?group=${group}&file_name=${encodeURIComponent(fileName)}`, {
    raw: bytes as unknown as string,
    headers: { cookie: ops.cookie, "x-csrf-token": ops.csrf, "content-type": contentType },
  });
}

beforeAll(async () => {
  server = await startTestServer({ LINNET_WEBHOOK_ALLOW_PRIVATE: "true" });
  app = await server.createApp({ name: "Contract App" });
  ops = await signInConsole(server, "contract-ops@linnet.test", "operator");
  admin = await signInConsole(server, "contract-admin@linnet.test", "admin");
  receiver = await startReceiver();
});
afterAll(async () => {
  await receiver?.close();
  await server?.close();
});

describe("every console route answers its contract", () => {
  it("console session, whoami and API keys", async () => {
    holds("GET /console/api/session", await ops.call("GET", "/console/api/session"), 200, SessionResponseSchema);
    holds(
      "GET /console/api/whoami",
      await ops.call("GET", "/console/api/whoami"),
      200,
      z.object({ user: ConsoleUserSchema, via: z.enum(["session", "api_key"]) }),
    );
    const key = holds(
      "POST /console/api/api-keys",
      await ops.call("POST", "/console/api/api-keys", { body: { name: "contract" } }),
      201,
      CreatedApiKeySchema,
    );
    refuses("POST /console/api/api-keys", await ops.call("POST", "/console/api/api-keys", { body: { name: "" } }), 400);
    holds("GET /console/api/api-keys", await ops.call("GET", "/console/api/api-keys"), 200, ApiKeyListSchema);
    refuses("DELETE /console/api/api-keys/:id", await ops.call("DELETE", "/console/api/api-keys/not-a-uuid"), 400);
    holds("DELETE /console/api/api-keys/:id", await ops.call("DELETE", `/console/api/api-keys/${key.id}`), 204, null);
    refuses(
      "POST /console/api/session",
      await http(server.url, "POST", "/console/api/session", { body: { email: "contract-ops@linnet.test", password: "wrong" } }),
      401,
    );
    const again = await signInConsole(server, "contract-ops@linnet.test", "operator");
    holds(
      "POST /console/api/session",
      await http(server.url, "POST", "/console/api/session", {
        body: { email: "contract-ops@linnet.test", password: "correct horse battery staple" },
      }),
      200,
      SessionResponseSchema,
    );
    holds("DELETE /console/api/session", await again.call("DELETE", "/console/api/session"), 204, null);
  });

  it("the queue, a connection taken from PENDING to CONNECTED with a saved template, and its uploads", async () => {
    const conn = await connectEmployer(server.url, app, {
      customer_name: "Contract Co",
      products: ["company", "directory", "individual", "employment", "payment", "pay_statement", "benefits"],
      choice: { provider_id: "adp_workforce_now", auth_method: "assisted" },
    });
    const list = holds("GET /ops/api/tasks", await ops.call("GET", "/ops/api/tasks?provider=ADP&assignee=none"), 200, TaskListSchema);
    expect(list.tasks.map((t) => t.connection_id)).toContain(conn.connection_id);
    refuses("GET /ops/api/tasks", await ops.call("GET", "/ops/api/tasks?assignee=bob"), 400);
    holds("GET /ops/api/tasks/summary", await ops.call("GET", "/ops/api/tasks/summary"), 200, TaskSummarySchema);
    const users = holds(
      "GET /ops/api/users",
      await ops.call("GET", "/ops/api/users"),
      200,
      z.array(z.object({ id: z.string(), email: z.string(), role: z.string() })),
    );
    const task = list.tasks.find((t) => t.connection_id === conn.connection_id && t.group === "org")!;
    holds("POST /ops/api/tasks/:id/claim", await ops.call("POST", `/ops/api/tasks/${task.id}/claim`), 200, TaskSchema);
    holds("POST /ops/api/tasks/:id/release", await ops.call("POST", `/ops/api/tasks/${task.id}/release`), 200, TaskSchema);
    const reassigned = holds(
      "POST /ops/api/tasks/:id/reassign",
      await ops.call("POST", `/ops/api/tasks/${task.id}/reassign`, { body: { user_id: users[0]!.id } }),
      200,
      TaskSchema,
    );
    expect(reassigned.assignee?.email).toBe(users[0]!.email);
    refuses("POST /ops/api/tasks/:id/claim", await ops.call("POST", "/ops/api/tasks/nope/claim"), 400);
    refuses(
      "POST /ops/api/tasks/:id/reassign",
      await ops.call("POST", `/ops/api/tasks/${task.id}/reassign`, { body: { user_id: "bob" } }),
      400,
    );

    const path = `/ops/api/connections/${conn.connection_id}`;
    const page = holds("GET /ops/api/connections/:id", await ops.call("GET", path), 200, OpsConnectionSchema);
    expect(page.tasks.find((t) => t.id === task.id)?.assignee?.email).toBe(users[0]!.email); // the assignee shows here too
    refuses("GET /ops/api/connections/:id", await ops.call("GET", "/ops/api/connections/not-a-uuid"), 404);
    const processing = holds(
      "POST /ops/api/connections/:id/status",
      await ops.call("POST", `${path}/status`, { body: { status: "processing", reason: "Invite accepted" } }),
      200,
      OpsConnectionSchema,
    );
    expect(processing.access_confirmed_at).not.toBeNull();
    expect(processing.activity.find((a) => a.to_status === "processing")?.actor_name).toBe("contract-ops@linnet.test");
    refuses(
      "POST /ops/api/connections/:id/status",
      await ops.call("POST", `${path}/status`, { body: { status: "sleeping", reason: "x" } }),
      400,
    );

    // the templates the census picker lists, for every provider with a built-in one (Paylocity's value maps included)
    for (const provider of ["paylocity", "adp_workforce_now", "paychex_flex"]) {
      for (const group of ["org", "pay"]) {
        holds(
          "GET /ops/api/templates",
          await ops.call("GET", `/ops/api/templates?provider=${provider}&group=${group}`),
          200,
          z.array(TemplateSchema),
        );
      }
    }
    refuses("GET /ops/api/templates", await ops.call("GET", "/ops/api/templates?provider=paylocity&group=benefits"), 400);

    const census = holds(
      "POST /ops/api/connections/:id/uploads",
      await upload(conn.connection_id, "org", "census.csv", fixture("adp-wfn-census.csv")),
      201,
      UploadViewSchema,
    );
    refuses("POST /ops/api/connections/:id/uploads", await upload(conn.connection_id, "org", "empty.csv", Buffer.from("")), 400);
    const saved = holds(
      "POST /ops/api/templates",
      await ops.call("POST", "/ops/api/templates", {
        body: { provider_id: "adp_workforce_now", name: "Our ADP census", mapping: census.mapping },
      }),
      201,
      TemplateSchema,
    );
    refuses(
      "POST /ops/api/templates",
      await ops.call("POST", "/ops/api/templates", {
        body: { provider_id: "adp_workforce_now", name: "x", mapping: { ...census.mapping, valueMaps: { gender: { M: "robot" } } } },
      }),
      400,
    );
    const templates = holds(
      "GET /ops/api/templates",
      await ops.call("GET", "/ops/api/templates?provider=adp_workforce_now&group=org"),
      200,
      z.array(TemplateSchema),
    );
    expect(templates[0]?.id).toBe(saved.id);
    holds("GET /ops/api/uploads/:id", await ops.call("GET", `/ops/api/uploads/${census.id}`), 200, UploadViewSchema);
    refuses("GET /ops/api/uploads/:id", await ops.call("GET", "/ops/api/uploads/not-a-uuid"), 404);
    const applied = holds(
      "PUT /ops/api/uploads/:id/mapping",
      await ops.call("PUT", `/ops/api/uploads/${census.id}/mapping`, { body: { template_id: saved.id } }),
      200,
      UploadViewSchema,
    );
    expect(applied.template?.name).toBe("Our ADP census");
    refuses("PUT /ops/api/uploads/:id/mapping", await ops.call("PUT", `/ops/api/uploads/${census.id}/mapping`, { body: {} }), 400);
    const published = holds(
      "POST /ops/api/uploads/:id/publish",
      await ops.call("POST", `/ops/api/uploads/${census.id}/publish`, { body: {} }),
      200,
      UploadViewSchema,
    );
    const plansExport = (name: string, bytes: Buffer) =>
      http(server.url, "POST", `/ops/api/connections/${conn.connection_id}/plans-export?file_name=${name}`, {
        raw: bytes as unknown as string,
        headers: { cookie: ops.cookie, "x-csrf-token": ops.csrf, "content-type": "text/csv" },
      });
    const plansFixture = fs.readFileSync(new URL("../../server/domain/plans/fixtures/benefits-enrollment-export.csv", import.meta.url));
    expect(
      holds("POST /ops/api/connections/:id/plans-export", await plansExport("benefits.csv", plansFixture), 200, PlansPublishedSchema),
    ).toEqual({ plans: 5, enrollments: 6, dependents: 3 });
    refuses(
      "POST /ops/api/connections/:id/plans-export",
      await plansExport("benefits.csv", Buffer.from("Employee ID,Plan Name\nX,Y\n")),
      400,
    );
    expect(published.status).toBe("published");
    refuses("POST /ops/api/uploads/:id/publish", await ops.call("POST", `/ops/api/uploads/${census.id}/publish`, { body: {} }), 400);
    refuses("DELETE /ops/api/uploads/:id", await ops.call("DELETE", `/ops/api/uploads/${census.id}`), 400);
    const payroll = holds(
      "POST /ops/api/connections/:id/uploads",
      await upload(conn.connection_id, "pay", "payroll.csv", fixture("adp-wfn-payroll-register.csv")),
      201,
      UploadViewSchema,
    );
    holds("DELETE /ops/api/uploads/:id", await ops.call("DELETE", `/ops/api/uploads/${payroll.id}`), 204, null);

    const failed = holds(
      "POST /ops/api/connections/:id/pull-failures",
      await ops.call("POST", `${path}/pull-failures`, { body: { group: "org", reason: "Export came back empty" } }),
      200,
      OpsConnectionSchema,
    );
    expect(failed.status).toBe("connected");
    refuses(
      "POST /ops/api/connections/:id/pull-failures",
      await ops.call("POST", `${path}/pull-failures`, { body: { group: "org", reason: "" } }),
      400,
    );

    // manual jobs
    const connection = (await findConnection(server.linnet.deps.db, conn.connection_id))!;
    const job = await createManualJob(server.linnet.deps, connection, "benefit_enroll", {
      benefit: "401k",
      individuals: [{ individual_id: "i-1", employee_deduction: { amount: 500, type: "fixed" } }],
    });
    holds("GET /ops/api/manual-jobs", await ops.call("GET", "/ops/api/manual-jobs"), 200, z.object({ jobs: z.array(OpsManualJobSchema) }));
    holds("POST /ops/api/manual-jobs/:id/start", await ops.call("POST", `/ops/api/manual-jobs/${job.id}/start`), 200, OpsManualJobSchema);
    refuses(
      "POST /ops/api/manual-jobs/:id/complete",
      await ops.call("POST", `/ops/api/manual-jobs/${job.id}/complete`, { body: { status: "maybe", body: [] } }),
      400,
    );
    holds(
      "POST /ops/api/manual-jobs/:id/complete",
      await ops.call("POST", `/ops/api/manual-jobs/${job.id}/complete`, {
        body: { status: "complete", body: [{ individual_id: "i-1", code: 201, message: "Enrolled" }] },
      }),
      200,
      OpsManualJobSchema,
    );

    // JSON ingestion with an API key
    const key = (await ops.call<{ key: string }>("POST", "/console/api/api-keys", { body: { name: "ingest" } })).body.key;
    const other = await connectEmployer(server.url, app, {
      products: ["company", "directory"],
      choice: { provider_id: "paycom", auth_method: "assisted" },
    });
    const ingest = (data: unknown) =>
      http(server.url, "POST", "/ops/api/ingest", { bearer: key, body: { connection_id: other.connection_id, group: "org", data } });
    holds(
      "POST /ops/api/ingest",
      await ingest(orgInput(3)),
      200,
      z.object({ snapshot_id: z.string(), version: z.number(), report: ReportSchema }),
    );
    refuses("POST /ops/api/ingest", await ingest({ people: "none" }), 400);

    // scheduled-report intake: the inbox, a file delivered through the files API, the source and the files
    const intakePath = `/ops/api/connections/${other.connection_id}`;
    holds(
      "POST /ops/api/connections/:id/inbox/password",
      await ops.call("POST", `${intakePath}/inbox/password`),
      200,
      InboxCredentialsSchema,
    );
    refuses("POST /ops/api/connections/:id/inbox/password", await ops.call("POST", "/ops/api/connections/not-a-uuid/inbox/password"), 404);
    holds(
      "PATCH /ops/api/connections/:id/inbox",
      await ops.call("PATCH", `${intakePath}/inbox`, { body: { cadence_days: 7 } }),
      200,
      IntakeSourceSchema,
    );
    refuses("PATCH /ops/api/connections/:id/inbox", await ops.call("PATCH", `${intakePath}/inbox`, { body: { cadence_days: 0 } }), 400);
    holds("GET /ops/api/connections/:id/intake", await ops.call("GET", `${intakePath}/intake`), 200, IntakeSourceSchema);
    const publicKey = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHe1KM0McT/hKiqqK44FILsQjw/jY0AioEQCfQnpwF/P contract@test";
    const keyed = holds(
      "POST /ops/api/connections/:id/inbox/keys",
      await ops.call("POST", `${intakePath}/inbox/keys`, { body: { public_key: publicKey } }),
      200,
      IntakeSourceSchema,
    );
    expect(keyed.inbox?.public_keys.map((k) => k.type)).toEqual(["ssh-ed25519"]);
    refuses(
      "POST /ops/api/connections/:id/inbox/keys",
      await ops.call("POST", `${intakePath}/inbox/keys`, { body: { public_key: "not a key" } }),
      400,
    );
    const sources = holds("GET /ops/api/intake/sources", await ops.call("GET", "/ops/api/intake/sources"), 200, IntakeSourceListSchema);
    expect(sources.sources.find((x) => x.connection_id === other.connection_id)?.provider_name).toBe("Paycom");
    refuses("GET /ops/api/connections/:id/intake", await ops.call("GET", "/ops/api/connections/not-a-uuid/intake"), 404);
    const deliver = (fileName: string, bytes: Buffer) =>
      http(server.url, "POST", `${intakePath}/files?file_name=${encodeURIComponent(fileName)}`, {
        raw: bytes as unknown as string,
        bearer: key,
        headers: { "content-type": "text/csv" },
      });
    const received = holds(
      "POST /ops/api/connections/:id/files",
      await deliver("census.csv", fixture("adp-wfn-census.csv")),
      202,
      FileReceivedSchema,
    );
    refuses(
      "POST /ops/api/connections/:id/files",
      await http(server.url, "POST", `${intakePath}/files`, { raw: "a,b", bearer: key, headers: { "content-type": "text/csv" } }),
      400,
    );
    holds(
      "GET /ops/api/intake/files",
      await ops.call("GET", `/ops/api/intake/files?connection_id=${other.connection_id}`),
      200,
      z.object({ files: z.array(IntakeFileSchema) }),
    );
    refuses("GET /ops/api/intake/files", await ops.call("GET", "/ops/api/intake/files?status=lost"), 400);
    holds("GET /ops/api/intake/files/:id", await ops.call("GET", `/ops/api/intake/files/${received.id}`), 200, IntakeFileDetailSchema);
    refuses("GET /ops/api/intake/files/:id", await ops.call("GET", "/ops/api/intake/files/not-a-uuid"), 404);
    refuses(
      "POST /ops/api/intake/files/:id/decision",
      await ops.call("POST", `/ops/api/intake/files/${received.id}/decision`, { body: { action: "publish", reason: "" } }),
      400,
    );
    const decided = await ops.call("POST", `/ops/api/intake/files/${received.id}/decision`, { body: { action: "rerun" } });
    // a file that is not held cannot be re-run; either way the answer is the contract's
    holds(
      "POST /ops/api/intake/files/:id/decision",
      decided,
      decided.status,
      decided.status === 200 ? (z.object({ status: z.string() }) as z.ZodType<unknown>) : FinchErrorSchema,
    );

    // a pull source (its password never in an answer); testing one that does not answer is a result, not an error
    const pull = `${intakePath}/pull-source`;
    const pullBody = {
      host: "127.0.0.1",
      port: 1,
      username: "reports",
      password: "pull-source-password",
      folder: "/out",
      pattern: "*.csv",
    };
    const savedPull = await ops.call("PUT", pull, { body: pullBody });
    holds("PUT /ops/api/connections/:id/pull-source", savedPull, 200, PullSourceSchema);
    expect(savedPull.text).not.toContain(pullBody.password);
    refuses("PUT /ops/api/connections/:id/pull-source", await ops.call("PUT", pull, { body: { ...pullBody, port: 0 } }), 400);
    holds("GET /ops/api/connections/:id/pull-source", await ops.call("GET", pull), 200, PullSourceSchema);
    refuses("GET /ops/api/connections/:id/pull-source", await ops.call("GET", "/ops/api/connections/not-a-uuid/pull-source"), 404);
    const tested = holds(
      "POST /ops/api/connections/:id/pull-source/test",
      await ops.call("POST", `${pull}/test`),
      200,
      PullSourceTestSchema,
    );
    expect(tested.ok).toBe(false);
    refuses(
      "POST /ops/api/connections/:id/pull-source/test",
      await ops.call("POST", "/ops/api/connections/not-a-uuid/pull-source/test"),
      404,
    );
    holds("DELETE /ops/api/connections/:id/pull-source", await ops.call("DELETE", pull), 204, null);
    refuses("DELETE /ops/api/connections/:id/pull-source", await ops.call("DELETE", pull), 404);

    // the audit log (admins only), as JSON and as CSV
    holds("GET /ops/api/audit", await admin.call("GET", "/ops/api/audit"), 200, AuditPageSchema);
    refuses("GET /ops/api/audit", await ops.call("GET", "/ops/api/audit"), 403);
    const csv = await admin.call("GET", "/ops/api/audit.csv");
    holds("GET /ops/api/audit.csv", csv, 200, null);
    expect(csv.text.split("\n")[0]).toMatch(/action/);
    refuses("GET /ops/api/audit.csv", await ops.call("GET", "/ops/api/audit.csv"), 403);
  });

  it("the developer dashboard: applications, employers, a connection, settings and webhooks", async () => {
    const conn = await connectEmployer(server.url, app, {
      customer_name: "Dash Co",
      choice: { provider_id: "paychex_flex", auth_method: "assisted" },
    });
    await ops.call("POST", `/ops/api/connections/${conn.connection_id}/status`, {
      body: { status: "processing", reason: "Access verified" },
    });
    const apps = holds(
      "GET /dashboard/api/applications",
      await admin.call("GET", "/dashboard/api/applications"),
      200,
      DashboardApplicationListSchema,
    );
    const base = `/dashboard/api/applications/${apps.data.find((a) => a.name === "Contract App")!.id}`;
    holds(
      "GET /dashboard/api/applications/:applicationId/connections",
      await admin.call("GET", `${base}/connections?sort=expected`),
      200,
      DashboardConnectionListSchema,
    );
    refuses("GET /dashboard/api/applications/:applicationId/connections", await admin.call("GET", `${base}/connections?sort=size`), 400);
    const detail = holds(
      "GET /dashboard/api/applications/:applicationId/connections/:connectionId",
      await admin.call("GET", `${base}/connections/${conn.connection_id}`),
      200,
      DashboardConnectionDetailSchema,
    );
    // developers see who acted in words, never a key or an id
    expect(detail.activity.map((a) => a.actor_name)).toContain("Linnet operations");
    expect(detail.activity.map((a) => a.actor_name).join(" ")).not.toMatch(/user:|app:|[0-9a-f]{8}-[0-9a-f]{4}/);
    refuses(
      "GET /dashboard/api/applications/:applicationId/connections/:connectionId",
      await admin.call("GET", `${base}/connections/not-a-uuid`),
      404,
    );
    holds(
      "POST /dashboard/api/applications/:applicationId/connections/:connectionId/reauthenticate",
      await admin.call("POST", `${base}/connections/${conn.connection_id}/reauthenticate`),
      201,
      ConnectLinkSchema,
    );
    holds(
      "POST /dashboard/api/applications/:applicationId/connections/:connectionId/disconnect",
      await admin.call("POST", `${base}/connections/${conn.connection_id}/disconnect`),
      200,
      DashboardConnectionDetailSchema,
    );

    holds(
      "GET /dashboard/api/applications/:applicationId/settings",
      await admin.call("GET", `${base}/settings`),
      200,
      ApplicationSettingsSchema,
    );
    holds(
      "PATCH /dashboard/api/applications/:applicationId/settings",
      await admin.call("PATCH", `${base}/settings`, { body: { redirect_uris: ["https://app.example.com/cb"] } }),
      200,
      ApplicationSettingsSchema,
    );
    refuses(
      "PATCH /dashboard/api/applications/:applicationId/settings",
      await admin.call("PATCH", `${base}/settings`, { body: { redirect_uris: ["not a url"] } }),
      400,
    );
    holds(
      "POST /dashboard/api/applications/:applicationId/rotate-secret",
      await admin.call("POST", `${base}/rotate-secret`),
      200,
      RotatedSecretSchema,
    );
    holds(
      "POST /dashboard/api/applications/:applicationId/connect-links",
      await admin.call("POST", `${base}/connect-links`, {
        body: { customer_id: "link-1", customer_name: "Link Co", products: ["company"] },
      }),
      201,
      ConnectLinkSchema,
    );

    const endpoint = holds(
      "POST /dashboard/api/applications/:applicationId/webhooks",
      await admin.call("POST", `${base}/webhooks`, { body: { url: `${receiver.url}/hook`, event_types: [], enabled: true } }),
      201,
      WebhookEndpointWithSecretSchema,
    );
    refuses(
      "POST /dashboard/api/applications/:applicationId/webhooks",
      await admin.call("POST", `${base}/webhooks`, { body: { url: "ftp://x" } }),
      400,
    );
    holds(
      "GET /dashboard/api/applications/:applicationId/webhooks",
      await admin.call("GET", `${base}/webhooks`),
      200,
      z.object({ endpoints: z.array(WebhookEndpointSchema) }),
    );
    const hook = `${base}/webhooks/${endpoint.id}`;
    holds("GET /dashboard/api/applications/:applicationId/webhooks/:endpointId", await admin.call("GET", hook), 200, WebhookEndpointSchema);
    holds(
      "PATCH /dashboard/api/applications/:applicationId/webhooks/:endpointId",
      await admin.call("PATCH", hook, { body: { enabled: true } }),
      200,
      WebhookEndpointSchema,
    );
    holds(
      "POST /dashboard/api/applications/:applicationId/webhooks/:endpointId/rotate-secret",
      await admin.call("POST", `${hook}/rotate-secret`),
      200,
      WebhookEndpointWithSecretSchema,
    );
    const sent = holds(
      "POST /dashboard/api/applications/:applicationId/webhooks/:endpointId/test",
      await admin.call("POST", `${hook}/test`),
      202,
      WebhookSendSchema,
    );
    holds(
      "GET /dashboard/api/applications/:applicationId/webhooks/:endpointId/deliveries",
      await admin.call("GET", `${hook}/deliveries`),
      200,
      WebhookDeliveryPageSchema,
    );
    holds(
      "POST /dashboard/api/applications/:applicationId/deliveries/:deliveryId/redeliver",
      await admin.call("POST", `${base}/deliveries/${sent.delivery_id}/redeliver`),
      202,
      WebhookSendSchema,
    );
    holds("GET /dashboard/api/applications/:applicationId/events", await admin.call("GET", `${base}/events`), 200, WebhookEventPageSchema);
    holds("DELETE /dashboard/api/applications/:applicationId/webhooks/:endpointId", await admin.call("DELETE", hook), 204, null);
  });

  it("the employer status page's scheduled-report setup", async () => {
    const conn = await connectEmployer(server.url, app, {
      customer_name: "Setup Co",
      products: ["company", "directory"],
      choice: { provider_id: "ukg_pro", auth_method: "assisted" },
    });
    const base = new URL(conn.status_url!).pathname.replace("/connect/status/", "/connect/api/status/");
    const setup = holds(
      "GET /connect/api/status/:token/report-setup",
      await http(server.url, "GET", `${base}/report-setup`),
      200,
      ReportSetupSchema,
    );
    expect(setup.available).toBe(true);
    expect(setup.inbox).toBeNull();
    refuses(
      "GET /connect/api/status/:token/report-setup",
      await http(server.url, "GET", "/connect/api/status/forged.token/report-setup"),
      404,
    );
    const created = holds(
      "POST /connect/api/status/:token/report-setup/password",
      await http(server.url, "POST", `${base}/report-setup/password`, { body: {} }),
      200,
      ReportCredentialsSchema,
    );
    expect(created.setup.inbox?.has_password).toBe(true);
    expect(created.setup.steps.join(" ")).toContain(created.setup.inbox!.username);
    const again = holds(
      "GET /connect/api/status/:token/report-setup",
      await http(server.url, "GET", `${base}/report-setup`),
      200,
      ReportSetupSchema,
    );
    expect(JSON.stringify(again)).not.toContain(created.password); // shown once, never read back
    const publicKey = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHe1KM0McT/hKiqqK44FILsQjw/jY0AioEQCfQnpwF/P employer@test";
    const keyed = holds(
      "POST /connect/api/status/:token/report-setup/keys",
      await http(server.url, "POST", `${base}/report-setup/keys`, { body: { public_key: publicKey } }),
      200,
      ReportSetupSchema,
    );
    expect(keyed.inbox?.public_keys).toHaveLength(1);
    refuses(
      "POST /connect/api/status/:token/report-setup/keys",
      await http(server.url, "POST", `${base}/report-setup/keys`, { body: { public_key: "-----BEGIN" } }),
      400,
    );

    // a provider without scheduled SFTP gets no inbox
    const paycom = await connectEmployer(server.url, app, {
      products: ["company", "directory"],
      choice: { provider_id: "paycom", auth_method: "assisted" },
    });
    const paycomBase = new URL(paycom.status_url!).pathname.replace("/connect/status/", "/connect/api/status/");
    expect(
      holds(
        "GET /connect/api/status/:token/report-setup",
        await http(server.url, "GET", `${paycomBase}/report-setup`),
        200,
        ReportSetupSchema,
      ).available,
    ).toBe(false);
    refuses(
      "POST /connect/api/status/:token/report-setup/password",
      await http(server.url, "POST", `${paycomBase}/report-setup/password`, { body: {} }),
      400,
    );
  });

  it("covers every console route the server registers", () => {
    // printRoutes draws a tree: each line's segment continues its parent's path, nested four characters a level
    const printed = server.linnet.app!.printRoutes({ commonPrefix: false });
    const registered = new Set<string>();
    const stack: string[] = [];
    for (const line of printed.split("\n")) {
      const match = /^([│ ]*)[├└]── (\S+)(?: \(([^)]+)\))?/.exec(line);
      if (!match) continue;
      const depth = match[1]!.length / 4;
      stack.length = depth;
      stack.push(match[2]!);
      const full = stack.join("");
      if (!match[3] || !/^\/(ops|console|dashboard)\/api\/|^\/connect\/api\/status\/:token\/report-setup/.test(full)) continue;
      for (const method of match[3].split(", ")) if (method !== "HEAD") registered.add(`${method} ${full}`);
    }
    expect(registered.size).toBeGreaterThan(40);
    expect([...registered].filter((route) => !checked.has(route)).sort()).toEqual([]);
  });
});

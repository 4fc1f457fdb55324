import fs from "node:fs";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OpsConnectionSchema, type UploadView, UploadViewSchema } from "../../contracts/linnet/ops.js";
import type { CreatedApplication } from "../../server/domain/applications/create-application.js";
import { hourlyHousekeepingJob } from "../../server/jobs/housekeeping.job.js";
import { type ConsoleBrowser, signInConsole } from "../support/console.js";
import { connectEmployer, http } from "../support/http.js";
import { startTestServer, type TestServer } from "../support/test-server.js";

/** Provider exports are stored sealed, opened only to process, and their files deleted after the retention. */
let server: TestServer;
let app: CreatedApplication;
let ops: ConsoleBrowser;
const DAY = 86_400_000;
const census = fs.readFileSync(new URL("../../server/domain/ingestion/fixtures/adp-wfn-census.csv", import.meta.url));
const SSN = "512-44-8190"; // the first person's Tax ID (SSN) in the file

async function upload(connectionId: string) {
  return http<UploadView>(server.url, "POST", `/ops/api/connections/${connectionId}/uploads?group=org&file_name=census.csv`, {
    raw: census as unknown as string,
    headers: { cookie: ops.cookie, "x-csrf-token": ops.csrf, "content-type": "text/csv" },
  });
}

async function storedRow(id: string): Promise<{ content: string | null; content_sealed: boolean; purged_at: string | null }> {
  const result = (await server.linnet.deps.db.execute(
    sql`select encode(content, 'hex') as content, content_sealed, purged_at::text as purged_at from ingestion_uploads where id = ${id}`,
  )) as unknown as { rows: { content: string | null; content_sealed: boolean; purged_at: string | null }[] };
  return result.rows[0]!;
}

const hex = (text: string) => Buffer.from(text, "utf8").toString("hex");

const assisted = () =>
  connectEmployer(server.url, app, {
    products: ["company", "directory", "individual", "employment", "ssn"],
    choice: { provider_id: "adp_workforce_now", auth_method: "assisted", access_granted: true },
  });

beforeAll(async () => {
  server = await startTestServer({ LINNET_UPLOAD_RETENTION_DAYS: "30" });
  app = await server.createApp();
  ops = await signInConsole(server, "ops@sealed.test", "operator");
});
afterAll(() => server.close());

describe("sealed uploads", () => {
  it("stores the file without any SSN in clear, and still analyses and publishes it", async () => {
    expect(census.includes(Buffer.from(SSN))).toBe(true);
    const conn = await assisted();
    const created = await upload(conn.connection_id);
    expect(created.status).toBe(201);
    expect(UploadViewSchema.parse(created.body).report?.ok).toBe(true);
    const row = await storedRow(created.body.id);
    expect(row.content_sealed).toBe(true);
    expect(row.content!.length).toBeGreaterThan(census.length * 2); // the whole file is there, sealed
    for (const value of [SSN, SSN.replace(/-/g, ""), "Margaret", "Tax ID (SSN)"]) expect(row.content).not.toContain(hex(value));
    const again = await ops.call<UploadView>("GET", `/ops/api/uploads/${created.body.id}`);
    expect(UploadViewSchema.parse(again.body).headers).toContain("Tax ID (SSN)");
    expect((await ops.call("POST", `/ops/api/uploads/${created.body.id}/publish`, { body: {} })).status).toBe(200);
    expect((await http(server.url, "GET", "/employer/directory", { bearer: conn.access_token })).status).toBe(200);
  });

  it("seals at start-up a file an earlier version stored in clear", async () => {
    const conn = await assisted();
    const created = await upload(conn.connection_id);
    await server.linnet.deps.db.execute(
      sql`update ingestion_uploads set content = ${census}, content_sealed = false where id = ${created.body.id}`,
    );
    expect((await storedRow(created.body.id)).content).toContain(hex(SSN));
    await server.restart();
    const row = await storedRow(created.body.id);
    expect(row.content_sealed).toBe(true);
    expect(row.content).not.toContain(hex(SSN));
    ops = await signInConsole(server, "ops@sealed.test", "operator");
    expect((await ops.call<UploadView>("GET", `/ops/api/uploads/${created.body.id}`)).body.row_count).toBeGreaterThan(0);
  });

  it("deletes files after LINNET_UPLOAD_RETENTION_DAYS; the report, the diff and the published data stay", async () => {
    const conn = await assisted();
    const old = await upload(conn.connection_id);
    expect((await ops.call("POST", `/ops/api/uploads/${old.body.id}/publish`, { body: {} })).status).toBe(200);
    const pending = await upload(conn.connection_id); // validated, never published
    server.clock.advance(29 * DAY);
    ops = await signInConsole(server, "ops@sealed.test", "operator"); // console sessions end after 12 idle hours
    const recent = await upload(conn.connection_id);
    expect(recent.status).toBe(201);
    await hourlyHousekeepingJob.handle(server.linnet.deps, {});
    expect((await storedRow(old.body.id)).purged_at).toBeNull(); // 29 days: kept
    server.clock.advance(DAY + 60_000);
    await hourlyHousekeepingJob.handle(server.linnet.deps, {});
    ops = await signInConsole(server, "ops@sealed.test", "operator");

    for (const id of [old.body.id, pending.body.id]) {
      const row = await storedRow(id);
      expect(row.content).toBeNull();
      expect(row.purged_at).not.toBeNull();
    }
    expect((await storedRow(recent.body.id)).content).not.toBeNull();

    const view = await ops.call<UploadView>("GET", `/ops/api/uploads/${old.body.id}`);
    expect(view.status).toBe(200);
    const parsed = UploadViewSchema.parse(view.body);
    expect(parsed).toMatchObject({ status: "published", headers: [], preview: [], report: { ok: true } });
    expect(parsed.purged_at).not.toBeNull();
    expect(parsed.diff).not.toBeNull();
    const refusedMapping = await ops.call("PUT", `/ops/api/uploads/${pending.body.id}/mapping`, {
      body: { mapping: pending.body.mapping },
    });
    expect(refusedMapping.status).toBe(400);
    expect(String(refusedMapping.body.message)).toMatch(/LINNET_UPLOAD_RETENTION_DAYS/);
    expect((await ops.call("POST", `/ops/api/uploads/${pending.body.id}/publish`, { body: {} })).status).toBe(400);
    expect((await http(server.url, "GET", "/employer/directory", { bearer: conn.access_token })).status).toBe(200); // snapshots kept

    const page = await ops.call("GET", `/ops/api/connections/${conn.connection_id}`);
    const uploads = OpsConnectionSchema.parse(page.body).uploads;
    expect(uploads.find((u) => u.id === old.body.id)?.purged_at).not.toBeNull();
    expect(uploads.find((u) => u.id === recent.body.id)?.purged_at).toBeNull();
  });
});

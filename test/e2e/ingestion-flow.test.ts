import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { UploadView } from "../../contracts/linnet/ops.js";
import type { CreatedApplication } from "../../server/domain/applications/create-application.js";
import { type ConsoleBrowser, signInConsole } from "../support/console.js";
import { connectEmployer, http } from "../support/http.js";
import { startTestServer, type TestServer } from "../support/test-server.js";

/** An operator takes an assisted connection from PENDING to CONNECTED with a real export file, over HTTP. */
let server: TestServer;
let app: CreatedApplication;
let ops: ConsoleBrowser;
const fixture = (name: string) => fs.readFileSync(new URL(`../../server/domain/ingestion/fixtures/${name}`, import.meta.url));

async function upload(connectionId: string, group: "org" | "pay", fileName: string, bytes: Buffer, contentType = "text/csv") {
  return http<UploadView>(
    server.url,
    "POST",
    `/ops/api/connections/${connectionId}/uploads?group=${group}&file_name=${encodeURIComponent(fileName)}`,
    {
      raw: bytes as unknown as string,
      headers: { cookie: ops.cookie, "x-csrf-token": ops.csrf, "content-type": contentType },
    },
  );
}

beforeAll(async () => {
  server = await startTestServer({ LINNET_UPLOAD_MAX_MB: "1" });
  app = await server.createApp();
  ops = await signInConsole(server, "ops@linnet.test", "operator");
});
afterAll(() => server.close());

describe("uploading and publishing a provider export", () => {
  it("detects ADP's census, validates, publishes; the app then gets 200 with Finch-Data-Retrieved; payroll follows", async () => {
    const conn = await connectEmployer(server.url, app, {
      products: ["company", "directory", "individual", "employment", "payment", "pay_statement"],
      choice: { provider_id: "adp_workforce_now", auth_method: "assisted", access_granted: true },
    });
    expect((await http(server.url, "GET", "/employer/directory", { bearer: conn.access_token })).status).toBe(202);

    const created = await upload(conn.connection_id, "org", "census.csv", fixture("adp-wfn-census.csv"));
    expect(created.status).toBe(201);
    expect(created.body.template?.name).toMatch(/ADP/i);
    expect(created.body.report?.ok).toBe(true);
    expect(created.body.preview.length).toBeGreaterThan(0);
    expect((created.body.diff as { hires: unknown[] }).hires.length).toBe(created.body.row_count);

    const published = await ops.call<UploadView>("POST", `/ops/api/uploads/${created.body.id}/publish`, {
      body: { retrieved_at: "2026-11-20T09:30:00.000Z" },
    });
    expect(published.status).toBe(200);
    expect(published.body.status).toBe("published");
    const dir = await http<{ paging: { count: number } }>(server.url, "GET", "/employer/directory", { bearer: conn.access_token });
    expect(dir.status).toBe(200);
    expect(dir.headers.get("finch-data-retrieved")).toBe("2026-11-20T09:30:00.000Z");
    expect(dir.body.paging.count).toBe(created.body.row_count);
    expect((await http(server.url, "GET", "/introspect", { bearer: conn.access_token })).body).toMatchObject({
      connection_status: { status: "connected" },
    });
    expect((await ops.call("POST", `/ops/api/uploads/${created.body.id}/publish`, { body: {} })).status).toBe(400); // once only

    const pay = await upload(conn.connection_id, "pay", "register.csv", fixture("adp-wfn-payroll-register.csv"));
    expect(pay.status).toBe(201);
    expect(pay.body.report?.ok).toBe(true);
    expect((await ops.call("POST", `/ops/api/uploads/${pay.body.id}/publish`, { body: {} })).status).toBe(200);
    const payments = await http<unknown[]>(server.url, "GET", "/employer/payment?start_date=2000-01-01&end_date=2100-01-01", {
      bearer: conn.access_token,
    });
    expect(payments.status).toBe(200);
    expect(payments.body.length).toBeGreaterThan(0);
  });

  it("a broken mapping blocks publishing until fixed, and a file of another employer needs confirmation", async () => {
    const conn = await connectEmployer(server.url, app, {
      products: ["company", "directory"],
      choice: { provider_id: "paychex_flex", auth_method: "assisted" },
    });
    const first = await upload(conn.connection_id, "org", "paychex.csv", fixture("paychex-flex-census.csv"));
    expect(first.body.report?.ok).toBe(true);
    const broken = { ...first.body.mapping!, columns: { ...first.body.mapping!.columns } };
    delete broken.columns.source_id;
    // a mapping that reads no employee id is refused, naming the field; the upload keeps its state
    const noId = await ops.call<{ message: string }>("PUT", `/ops/api/uploads/${first.body.id}/mapping`, { body: { mapping: broken } });
    expect([noId.status, noId.body.message]).toEqual([400, expect.stringContaining("mapping.columns.source_id")]);
    expect((await ops.call<UploadView>("GET", `/ops/api/uploads/${first.body.id}`)).body.status).toBe("valid");
    // a mapping that reads names as birth dates is applied, and the upload is invalid: publishing is refused
    const wrong = { ...first.body.mapping!, columns: { ...first.body.mapping!.columns, dob: first.body.mapping!.columns.first_name! } };
    const bad = await ops.call<UploadView>("PUT", `/ops/api/uploads/${first.body.id}/mapping`, { body: { mapping: wrong } });
    expect([bad.body.status, bad.body.report?.ok, bad.body.next_statuses.includes("published")]).toEqual(["invalid", false, false]);
    expect((await ops.call("POST", `/ops/api/uploads/${first.body.id}/publish`, { body: {} })).status).toBe(400);
    const fixed = await ops.call<UploadView>("PUT", `/ops/api/uploads/${first.body.id}/mapping`, { body: { mapping: first.body.mapping } });
    expect(fixed.body.report?.ok).toBe(true);
    const saved = await ops.call<{ id: string }>("POST", "/ops/api/templates", {
      body: { provider_id: "paychex_flex", name: "Our Paychex census", mapping: first.body.mapping },
    });
    expect(saved.status).toBe(201);
    expect((await ops.call("POST", `/ops/api/uploads/${first.body.id}/publish`, { body: {} })).status).toBe(200);

    // The ADP file's people overlap none of this employer's: publishing needs explicit confirmation.
    const other = await upload(conn.connection_id, "org", "census.csv", fixture("adp-wfn-census.csv"));
    expect(other.body.report?.requiresConfirmation).toBe(true);
    const refused = await ops.call("POST", `/ops/api/uploads/${other.body.id}/publish`, { body: {} });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ finch_code: "confirmation_required" });
    const company = await http(server.url, "GET", "/employer/directory", { bearer: conn.access_token });
    expect(company.status).toBe(200); // still the Paychex data
    expect((await ops.call("DELETE", `/ops/api/uploads/${other.body.id}`)).status).toBe(204);
  });

  it("two operators publishing the same upload at once make one snapshot: the second publish rolls back whole", async () => {
    const conn = await connectEmployer(server.url, app, {
      products: ["company", "directory", "individual", "employment"],
      choice: { provider_id: "adp_workforce_now", auth_method: "assisted", access_granted: true },
    });
    const created = await upload(conn.connection_id, "org", "census.csv", fixture("adp-wfn-census.csv"));
    expect(created.status).toBe(201);
    const other = await signInConsole(server, "ops2@linnet.test", "operator");
    const publish = (by: ConsoleBrowser) => by.call("POST", `/ops/api/uploads/${created.body.id}/publish`, { body: {} });
    const answers = await Promise.all([publish(ops), publish(other)]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, expect.any(Number)]);
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    const loser = answers.find((a) => a.status !== 200)!;
    expect(loser.status).toBe(400);
    expect((loser.body as { message: string }).message).toMatch(/changed meanwhile|already published/);
    const view = await ops.call<{ snapshots: { group: string; version: number }[]; uploads: { status: string }[] }>(
      "GET",
      `/ops/api/connections/${conn.connection_id}`,
    );
    expect(view.body.snapshots.filter((s) => s.group === "org").map((s) => s.version)).toEqual([1]);
    expect(view.body.uploads.map((u) => u.status)).toEqual(["published"]);
  });

  it("refuses empty, ragged and oversized files clearly, storing nothing", async () => {
    const conn = await connectEmployer(server.url, app, {
      products: ["company", "directory"],
      choice: { provider_id: "gusto", auth_method: "assisted" },
    });
    const empty = await upload(conn.connection_id, "org", "empty.csv", Buffer.from(""));
    expect(empty.status).toBe(400);
    const ragged = await upload(
      conn.connection_id,
      "org",
      "ragged.csv",
      Buffer.from("Employee ID,First Name,Last Name\n1,Ann,Lee\n2,Bob\n3,Cy,Dee,Extra\n"),
    );
    expect(ragged.status).toBe(400);
    expect(String(ragged.body && (ragged.body as unknown as { message: string }).message)).toMatch(/row|line/i);
    const big = await upload(conn.connection_id, "org", "big.csv", Buffer.alloc(1.5 * 1024 * 1024, "a"));
    expect(big.status).toBe(413);
    expect(String((big.body as unknown as { message: string }).message)).toContain("MB");
    const view = await ops.call<{ uploads: unknown[] }>("GET", `/ops/api/connections/${conn.connection_id}`);
    expect(view.body.uploads).toEqual([]);
  });
});

describe("JSON ingestion with an operator API key", () => {
  it("publishes through the same validation", async () => {
    const conn = await connectEmployer(server.url, app, {
      products: ["company", "directory"],
      choice: { provider_id: "paycom", auth_method: "assisted" },
    });
    const key = await ops.call<{ key: string }>("POST", "/console/api/api-keys", { body: { name: "nightly script" } });
    const bearer = key.body.key;
    const person = (id: string, ssn: string) => ({
      source_id: id,
      individual: {
        first_name: "A",
        middle_name: null,
        last_name: id,
        preferred_name: null,
        emails: null,
        phone_numbers: null,
        gender: null,
        ethnicity: null,
        marital_status: null,
        dob: null,
        ssn,
        residence: null,
      },
      employment: {
        title: null,
        manager_source_id: null,
        department: null,
        employment: null,
        start_date: null,
        end_date: null,
        latest_rehire_date: null,
        is_active: true,
        employment_status: "active",
        flsa_status: null,
        class_code: null,
        location: null,
        union_code: null,
        union_local: null,
        highly_compensated_employee: null,
        key_employee: null,
      },
    });
    const company = {
      legal_name: "Paycom Customer",
      entity: null,
      primary_email: null,
      primary_phone_number: null,
      departments: null,
      ein: null,
      locations: null,
      accounts: null,
    };
    const bad = await http(server.url, "POST", "/ops/api/ingest", {
      bearer,
      body: { connection_id: conn.connection_id, group: "org", data: { company, people: [person("X1", "000-12-3456")] } },
    });
    expect(bad.status).toBe(400);
    expect(String(bad.body.message)).toMatch(/ssn/i);
    const good = await http<{ snapshot_id: string }>(server.url, "POST", "/ops/api/ingest", {
      bearer,
      body: { connection_id: conn.connection_id, group: "org", data: { company, people: [person("X1", "123-45-6789")] } },
    });
    expect(good.status).toBe(200);
    expect((await http(server.url, "GET", "/employer/company", { bearer: conn.access_token })).body).toMatchObject({
      legal_name: "Paycom Customer",
    });
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CreatedApplication } from "../../server/domain/applications/create-application.js";
import { connectEmployer, http } from "../support/http.js";
import { startTestServer, type TestServer } from "../support/test-server.js";

let server: TestServer;
let app: CreatedApplication;
const CENSUS_AND_PAY = ["company", "directory", "individual", "employment", "payment", "pay_statement"];

beforeAll(async () => {
  server = await startTestServer();
  app = await server.createApp({ clientType: "sandbox" });
});
afterAll(() => server.close());

const sandboxConnection = (body: Record<string, unknown>) =>
  http<{ access_token: string; connection_id: string; company_id: string }>(server.url, "POST", "/sandbox/connections", {
    basic: app,
    body,
  });
type Dir = { paging: { count: number }; individuals: { id: string; first_name: string; is_active: boolean }[] };

describe("sandbox connections", () => {
  it("an automated sandbox connection serves generated data at once", async () => {
    const res = await sandboxConnection({ provider_id: "sandbox_payroll", products: CENSUS_AND_PAY, employee_size: 30 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      token_type: "bearer",
      provider_id: "sandbox_payroll",
      authentication_type: "credential",
      products: CENSUS_AND_PAY,
    });
    const bearer = res.body.access_token;
    const dir = await http<Dir>(server.url, "GET", "/employer/directory", { bearer });
    expect(dir.status).toBe(200);
    expect(dir.body.paging.count).toBe(30);
    const payments = await http<{ id: string; pay_date: string }[]>(
      server.url,
      "GET",
      "/employer/payment?start_date=2000-01-01&end_date=2100-01-01",
      { bearer },
    );
    expect(payments.body.length).toBeGreaterThan(20);
    const statements = await http<{ responses: { code: number; body: { pay_statements: unknown[] } }[] }>(
      server.url,
      "POST",
      "/employer/pay-statement",
      {
        bearer,
        body: { requests: [{ payment_id: payments.body.at(-1)!.id }] },
      },
    );
    expect(statements.body.responses[0]!.code).toBe(200);
    expect(statements.body.responses[0]!.body.pay_statements.length).toBeGreaterThan(0);
  });

  it("an assisted sandbox connection answers 202 until it is set connected, then 200", async () => {
    const res = await sandboxConnection({
      provider_id: "adp_workforce_now",
      authentication_type: "assisted",
      products: CENSUS_AND_PAY,
      employee_size: 5,
    });
    const bearer = res.body.access_token;
    expect((await http(server.url, "GET", "/employer/directory", { bearer })).status).toBe(202);
    expect((await http(server.url, "GET", "/introspect", { bearer })).body).toMatchObject({
      manual: true,
      connection_status: { status: "pending" },
    });
    const put = await http(server.url, "PUT", "/sandbox/connections/accounts", { bearer, body: { connection_status: "connected" } });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ connection_id: res.body.connection_id, authentication_type: "assisted" });
    const dir = await http<Dir>(server.url, "GET", "/employer/directory", { bearer });
    expect(dir.status).toBe(200);
    expect(dir.body.paging.count).toBe(5);
    expect((await http(server.url, "GET", "/employer/payment?start_date=2000-01-01&end_date=2100-01-01", { bearer })).status).toBe(200);
    const intro = await http<{ data_readiness: Record<string, { ready: boolean }> }>(server.url, "GET", "/introspect", { bearer });
    expect(intro.body).toMatchObject({ connection_status: { status: "connected" } });
    expect(Object.values(intro.body.data_readiness).every((r) => r.ready)).toBe(true);
  });

  it("a sandbox account added to the same company sees the same people", async () => {
    const first = await sandboxConnection({ provider_id: "sandbox_hris", employee_size: 4 });
    const second = await http<{ access_token: string; company_id: string }>(server.url, "POST", "/sandbox/connections/accounts", {
      basic: app,
      body: { company_id: first.body.company_id, provider_id: "sandbox_hris" },
    });
    expect(second.status).toBe(200);
    expect(second.body.company_id).toBe(first.body.company_id);
    const names = async (bearer: string) =>
      (await http<Dir>(server.url, "GET", "/employer/directory", { bearer })).body.individuals.map((i) => i.first_name);
    expect(await names(second.body.access_token)).toEqual(await names(first.body.access_token));
  });

  it("refuses bad input clearly", async () => {
    expect((await sandboxConnection({ provider_id: "nope" })).status).toBe(400);
    expect((await sandboxConnection({ provider_id: "sandbox_hris", employee_size: 0 })).status).toBe(400);
    expect((await sandboxConnection({ provider_id: "sandbox_hris", employee_size: 50_001 })).status).toBe(400);
    expect((await sandboxConnection({ provider_id: "paychex_flex", authentication_type: "credential" })).status).toBe(400);
    expect((await sandboxConnection({ provider_id: "sandbox_hris", products: ["wages"] })).status).toBe(400);
    const real = await connectEmployer(server.url, app, { choice: { provider_id: "paychex_flex", auth_method: "assisted" } });
    const refused = await http(server.url, "PUT", "/sandbox/connections/accounts", {
      bearer: real.access_token,
      body: { connection_status: "connected" },
    });
    expect(refused.status).toBe(400);
  });
});

describe("editing sandbox data", () => {
  it("changes company, people, employment and payments, keeping ids stable", async () => {
    const { body } = await sandboxConnection({ provider_id: "sandbox_payroll", products: CENSUS_AND_PAY, employee_size: 6 });
    const bearer = body.access_token;
    const company = await http(server.url, "PUT", "/sandbox/company", {
      bearer,
      body: { legal_name: "Renamed LLC", entity: { type: "llc", subtype: null } },
    });
    expect(company.status).toBe(200);
    expect(company.body).toMatchObject({ legal_name: "Renamed LLC" });
    expect((await http(server.url, "GET", "/employer/company", { bearer })).body).toMatchObject({ legal_name: "Renamed LLC" });

    const before = await http<Dir>(server.url, "GET", "/employer/directory", { bearer });
    const target = before.body.individuals[1]!;
    const ind = await http(server.url, "PUT", `/sandbox/individual/${target.id}`, { bearer, body: { first_name: "Zelda" } });
    expect(ind.status).toBe(200);
    expect(ind.body).toMatchObject({ id: target.id, first_name: "Zelda" });
    const emp = await http(server.url, "PUT", `/sandbox/employment/${target.id}`, {
      bearer,
      body: { title: "Chief Sandbox Officer", manager: null },
    });
    expect(emp.body).toMatchObject({ id: target.id, title: "Chief Sandbox Officer", manager: null });
    const after = await http<Dir>(server.url, "GET", "/employer/directory", { bearer });
    expect(after.body.individuals.map((i) => i.id)).toEqual(before.body.individuals.map((i) => i.id));
    expect(after.body.individuals[1]!.first_name).toBe("Zelda");
    expect(
      (await http(server.url, "PUT", "/sandbox/individual/00000000-0000-4000-8000-000000000000", { bearer, body: { first_name: "X" } }))
        .status,
    ).toBe(404);

    const added = await http<{ id: string; first_name: string; title: string }[]>(server.url, "POST", "/sandbox/directory", {
      bearer,
      body: [{ first_name: "Newt", last_name: "Hire", title: "Intern", manager: { id: before.body.individuals[0]!.id } }],
    });
    expect(added.status).toBe(200);
    expect(added.body[0]).toMatchObject({ first_name: "Newt", title: "Intern" });
    const grown = await http<Dir>(server.url, "GET", "/employer/directory", { bearer });
    expect(grown.body.paging.count).toBe(7);

    const pay = await http<{ payment_id: string; pay_date: string }>(server.url, "POST", "/sandbox/payment", {
      bearer,
      body: {
        start_date: "2026-11-01",
        end_date: "2026-11-14",
        pay_statements: [{ individual_id: target.id, gross_pay: 250_000, net_pay: 200_000 }],
      },
    });
    expect(pay.status).toBe(200);
    expect(pay.body.pay_date).toBe("2026-11-14");
    const listed = await http<{ id: string }[]>(server.url, "GET", "/employer/payment?start_date=2026-11-14&end_date=2026-11-14", {
      bearer,
    });
    expect(listed.body.map((p) => p.id)).toContain(pay.body.payment_id);
  });
});

describe("automated jobs", () => {
  async function waitForJob(bearer: string, jobId: string): Promise<Record<string, unknown>> {
    for (let i = 0; i < 100; i++) {
      const res = await http(server.url, "GET", `/jobs/automated/${jobId}`, { bearer });
      if (!["pending", "in_progress"].includes(String(res.body.status))) return res.body;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error("job did not finish");
  }

  it("a data_sync_all job runs on pg-boss and publishes a new snapshot", async () => {
    const { body } = await sandboxConnection({ provider_id: "sandbox_payroll", employee_size: 3 });
    const bearer = body.access_token;
    const before = (await http(server.url, "GET", "/employer/company", { bearer })).headers.get("finch-data-retrieved");
    server.clock.advance(60_000);
    const created = await http<{ job_id: string; allowed_refreshes: number; remaining_refreshes: number }>(
      server.url,
      "POST",
      "/jobs/automated",
      { bearer, body: { type: "data_sync_all" } },
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ allowed_refreshes: 2, remaining_refreshes: 1 });
    const again = await http<{ job_id: string }>(server.url, "POST", "/jobs/automated", { bearer, body: { type: "data_sync_all" } });
    if (again.status === 202) expect(again.body.job_id).toBe(created.body.job_id);
    const done = await waitForJob(bearer, created.body.job_id);
    expect(done).toMatchObject({ status: "complete", type: "data_sync_all" });
    const after = (await http(server.url, "GET", "/employer/company", { bearer })).headers.get("finch-data-retrieved");
    expect(after).not.toBe(before);
    const list = await http<{ data: { job_id: string }[] }>(server.url, "GET", "/jobs/automated", { bearer });
    expect(list.body.data[0]!.job_id).toBe(created.body.job_id);
  });

  it("ends as the sandbox job configuration says, and respects the hourly quota", async () => {
    const { body } = await sandboxConnection({ provider_id: "sandbox_hris", employee_size: 2 });
    const bearer = body.access_token;
    const config = await http(server.url, "PUT", "/sandbox/jobs/configuration", {
      bearer,
      body: { type: "data_sync_all", completion_status: "reauth_error" },
    });
    expect(config.body).toEqual({ type: "data_sync_all", completion_status: "reauth_error" });
    expect((await http(server.url, "GET", "/sandbox/jobs/configuration", { bearer })).body).toEqual([
      { type: "data_sync_all", completion_status: "reauth_error" },
    ]);
    const job = await http<{ job_id: string }>(server.url, "POST", "/sandbox/jobs", { bearer, body: { type: "data_sync_all" } });
    expect(job.status).toBe(200);
    expect(await waitForJob(bearer, job.body.job_id)).toMatchObject({ status: "reauth_error" });
    const reauth = await http(server.url, "GET", "/employer/directory", { bearer });
    expect(reauth.status).toBe(401);
    expect(reauth.body).toMatchObject({ finch_code: "reauthenticate_user" });
    const second = await http<{ job_id: string }>(server.url, "POST", "/jobs/automated", { bearer, body: { type: "data_sync_all" } });
    await waitForJob(bearer, second.body.job_id);
    const third = await http(server.url, "POST", "/jobs/automated", { bearer, body: { type: "data_sync_all" } });
    expect(third.status).toBe(429);
    expect(third.body).toMatchObject({ allowed_refreshes: 2, remaining_refreshes: 0 });
    // the spec declares only a 200 for /sandbox/jobs: over the same budget it is a Finch error (it was a 500)
    const sandboxJob = await http(server.url, "POST", "/sandbox/jobs", { bearer, body: { type: "data_sync_all" } });
    expect(sandboxJob.status).toBe(429);
    expect(sandboxJob.body).toMatchObject({
      code: 429,
      name: "rate_limit_exceeded_error",
      finch_code: "finch_application_rl",
      message: expect.stringContaining("2 an hour"),
    });
    expect(Number(sandboxJob.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("a failed sync keeps the data served and says so in Finch-Last-Attempted-Update-*", async () => {
    const { body } = await sandboxConnection({
      provider_id: "sandbox_payroll",
      employee_size: 2,
      products: ["company", "directory", "payment"],
    });
    const bearer = body.access_token;
    // the pay history is published by a job of its own: let it land before the failing sync
    for (
      let i = 0;
      i < 100 && (await http(server.url, "GET", "/employer/payment?start_date=2000-01-01&end_date=2100-01-01", { bearer })).status !== 200;
      i++
    ) {
      await new Promise((r) => setTimeout(r, 100));
    }
    const first = await http(server.url, "GET", "/employer/directory", { bearer });
    const retrieved = first.headers.get("finch-data-retrieved");
    expect(first.headers.get("finch-last-attempted-update-date")).toBe(retrieved);
    expect(first.headers.get("finch-last-attempted-update-result")).toBe("success");
    await http(server.url, "PUT", "/sandbox/jobs/configuration", { bearer, body: { type: "data_sync_all", completion_status: "error" } });
    server.clock.advance(60_000);
    const job = await http<{ job_id: string }>(server.url, "POST", "/jobs/automated", { bearer, body: { type: "data_sync_all" } });
    expect(await waitForJob(bearer, job.body.job_id)).toMatchObject({ status: "error" });
    for (const path of ["/employer/directory", "/employer/payment?start_date=2000-01-01&end_date=2100-01-01"]) {
      const after = await http(server.url, "GET", path, { bearer });
      expect(after.status, path).toBe(200);
      expect(after.headers.get("finch-last-attempted-update-result"), path).toBe("error");
      expect(after.headers.get("finch-last-attempted-update-date"), path).toBe(server.clock.now().toISOString());
    }
    expect((await http(server.url, "GET", "/employer/directory", { bearer })).headers.get("finch-data-retrieved")).toBe(retrieved);
  });

  it("refuses assisted tokens and unknown jobs", async () => {
    const { body } = await sandboxConnection({ provider_id: "paycom", authentication_type: "assisted" });
    const res = await http(server.url, "POST", "/jobs/automated", { bearer: body.access_token, body: { type: "data_sync_all" } });
    expect(res.status).toBe(400);
    expect(String(res.body.message)).toContain("Assisted Connect");
    expect(
      (await http(server.url, "GET", "/jobs/automated/00000000-0000-4000-8000-000000000000", { bearer: body.access_token })).status,
    ).toBe(404);
  });
});

describe("Connect on sandbox providers", () => {
  it("serves data at once after the code exchange", async () => {
    const conn = await connectEmployer(server.url, app, {
      manual: false,
      products: CENSUS_AND_PAY,
      choice: { provider_id: "sandbox_payroll", auth_method: "credential", username: "good_user", password: "good_pass" },
    });
    const dir = await http<Dir>(server.url, "GET", "/employer/directory", { bearer: conn.access_token });
    expect(dir.status).toBe(200);
    expect(dir.body.paging.count).toBe(20);
  });
});

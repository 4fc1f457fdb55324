import Finch from "@tryfinch/finch-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findConnection } from "../../server/db/repositories/connections.repository.js";
import { listEventsOfConnection } from "../../server/db/repositories/events.repository.js";
import type { CreatedApplication } from "../../server/domain/applications/create-application.js";
import { VERIFY_WINDOW_DAYS, verifyBenefitWrites } from "../../server/domain/benefits/verify-writes.js";
import { http } from "../support/http.js";
import { startTestServer, type TestServer } from "../support/test-server.js";

/** The deductions API through the official SDK on a sandbox automated connection: every operation, jobs on pg-boss. */
let server: TestServer;
let app: CreatedApplication;
let finch: Finch;
let token: string;
let connectionId: string;

beforeAll(async () => {
  server = await startTestServer();
  app = await server.createApp({ clientType: "sandbox" });
  const basic = new Finch({ baseURL: server.url, clientID: app.client_id, clientSecret: app.client_secret, maxRetries: 0 });
  const created = await basic.sandbox.connections.create({
    provider_id: "sandbox_payroll",
    products: ["company", "directory", "individual", "employment", "payment", "pay_statement", "benefits"],
    employee_size: 25,
  });
  token = created.access_token;
  connectionId = created.connection_id;
  finch = new Finch({ baseURL: server.url, accessToken: token, maxRetries: 0 });
});
afterAll(() => server.close());

/** Poll a deduction job until it leaves pending (pg-boss runs it). */
async function settled(jobId: string) {
  for (let i = 0; i < 100; i++) {
    const job = await finch.jobs.manual.retrieve(jobId);
    if (job.status === "complete" || job.status === "error") return job;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`job ${jobId} did not finish`);
}

async function people(): Promise<string[]> {
  const ids: string[] = [];
  for await (const p of finch.hris.directory.list()) ids.push(p.id);
  return ids;
}

describe("sandbox benefits", () => {
  it("start with the deductions the generated pay statements carry", async () => {
    const list = [];
    for await (const b of finch.hris.benefits.list()) list.push(b);
    const k401 = list.find((b) => b.type === "401k");
    expect(k401?.description).toBe("401(k)");
    expect(k401?.frequency).toBe("every_paycheck");
    expect(list.map((b) => b.type)).toContain("s125_medical");

    const enrolled = await finch.hris.benefits.individuals.enrolledIDs(k401!.benefit_id);
    expect(enrolled.individual_ids.length).toBeGreaterThan(0);
    const person = enrolled.individual_ids[0]!;
    const items = [];
    for await (const i of finch.hris.benefits.individuals.retrieveManyBenefits(k401!.benefit_id, { individual_ids: person })) items.push(i);
    const election = items[0]!.body as { employee_deduction: { type: string; amount: number } };
    expect(election.employee_deduction.type).toBe("percent");

    // The election reproduces the 401(k) line of the person's latest pay statement.
    const payments = [];
    for await (const p of finch.hris.payments.list({ start_date: "2000-01-01", end_date: "2100-01-01" })) payments.push(p);
    const latest = payments.sort((a, b) => (a.pay_date! < b.pay_date! ? 1 : -1))[0]!;
    const pages = [];
    for await (const r of finch.hris.payStatements.retrieveMany({ requests: [{ payment_id: latest.id, limit: 5000 }] })) pages.push(r);
    const statements = (
      pages[0]!.body as {
        pay_statements: { individual_id: string; gross_pay: { amount: number }; employee_deductions: { type: string; amount: number }[] }[];
      }
    ).pay_statements;
    const mine = statements.find((s) => s.individual_id === person)!;
    const line = mine.employee_deductions.find((d) => d.type === "401k")!;
    expect(Math.abs(line.amount - Math.round((mine.gross_pay.amount * election.employee_deduction.amount) / 10_000))).toBeLessThanOrEqual(
      1,
    );
  });
});

describe("every deductions operation through the SDK", () => {
  it("meta, create, retrieve, update, enroll, read, unenroll; each write a pg-boss job with its completion event", async () => {
    const meta = [];
    for await (const f of finch.hris.benefits.listSupportedBenefits()) meta.push(f);
    expect(meta.find((f) => (f as { type?: string }).type === "hsa_pre")?.hsa_contribution_limit).toEqual(["individual", "family"]);

    const created = await finch.hris.benefits.create({ type: "hsa_pre", description: "HSA", frequency: "every_paycheck" });
    expect(created.benefit_id).toMatch(/^[0-9a-f-]{36}$/);
    const createJob = await settled(created.job_id);
    expect(createJob.status).toBe("complete");
    expect((createJob as unknown as { linnet_verification: unknown }).linnet_verification).toBeNull();

    const benefit = await finch.hris.benefits.retrieve(created.benefit_id);
    expect(benefit).toMatchObject({ benefit_id: created.benefit_id, type: "hsa_pre", description: "HSA", frequency: "every_paycheck" });

    const updated = await finch.hris.benefits.update(created.benefit_id, { description: "Health Savings" });
    expect(updated.benefit_id).toBe(created.benefit_id);
    expect((await settled(updated.job_id)).status).toBe("complete");
    expect((await finch.hris.benefits.retrieve(created.benefit_id)).description).toBe("Health Savings");

    const [a, b] = await people();
    const enroll = await finch.hris.benefits.individuals.enrollMany(created.benefit_id, {
      individuals: [
        {
          individual_id: a,
          configuration: {
            employee_deduction: { type: "fixed", amount: 10_000 },
            annual_maximum: 400_000,
            annual_contribution_limit: "individual",
          },
        },
        {
          individual_id: b,
          configuration: {
            employee_deduction: { type: "fixed", amount: 20_000 },
            annual_contribution_limit: "family",
            effective_date: "2026-01-01",
          },
        },
      ],
    });
    const enrollJob = await settled(enroll.job_id);
    expect(enrollJob.status).toBe("complete");
    expect(enrollJob.body).toEqual([
      { individual_id: a, code: 201, message: "Successfully enrolled individual in benefit" },
      { individual_id: b, code: 201, message: "Successfully enrolled individual in benefit" },
    ]);
    expect((enrollJob as unknown as { linnet_verification: { state: string } }).linnet_verification.state).toBe("pending");

    expect((await finch.hris.benefits.individuals.enrolledIDs(created.benefit_id)).individual_ids.sort()).toEqual([a, b].sort());
    const read = [];
    for await (const r of finch.hris.benefits.individuals.retrieveManyBenefits(created.benefit_id, { individual_ids: `${a},${b}` }))
      read.push(r);
    expect(read[0]).toMatchObject({
      individual_id: a,
      code: 200,
      body: { employee_deduction: { type: "fixed", amount: 10_000 }, annual_maximum: 400_000, hsa_contribution_limit: "individual" },
    });
    expect(read[1]).toMatchObject({ individual_id: b, code: 200, body: { hsa_contribution_limit: "family" } });

    const unenroll = await finch.hris.benefits.individuals.unenrollMany(created.benefit_id, { individual_ids: [b!] });
    expect((await settled(unenroll.job_id)).status).toBe("complete");
    expect((await finch.hris.benefits.individuals.enrolledIDs(created.benefit_id)).individual_ids).toEqual([a]);

    const events = (await listEventsOfConnection(server.linnet.deps.db, connectionId)).map((e) => [
      e.type,
      (e.payload as { job_id: string }).job_id,
    ]);
    expect(events).toEqual(
      expect.arrayContaining([
        ["job.benefit_create.completed", created.job_id],
        ["job.benefit_update.completed", updated.job_id],
        ["job.benefit_enroll.completed", enroll.job_id],
        ["job.benefit_unenroll.completed", unenroll.job_id],
      ]),
    );
  });

  it("a sandbox configured to fail ends the job in error and changes nothing", async () => {
    const put = await http(server.url, "PUT", "/sandbox/jobs/configuration", {
      bearer: token,
      body: { type: "benefit_enroll", completion_status: "error" },
    });
    expect(put.status).toBe(200);
    const config = await finch.sandbox.jobs.configuration.retrieve();
    expect(config).toEqual([
      { type: "data_sync_all", completion_status: "complete" },
      { type: "benefit_enroll", completion_status: "error" },
    ]);

    const created = await finch.hris.benefits.create({ type: "s125_vision", description: "Vision Plus" });
    await settled(created.job_id);
    const [a] = await people();
    const enroll = await finch.hris.benefits.individuals.enrollMany(created.benefit_id, {
      individuals: [{ individual_id: a, configuration: { employee_deduction: { type: "fixed", amount: 500 } } }],
    });
    const job = await settled(enroll.job_id);
    expect(job.status).toBe("error");
    expect((await finch.hris.benefits.individuals.enrolledIDs(created.benefit_id)).individual_ids).toEqual([]);
    const events = await listEventsOfConnection(server.linnet.deps.db, connectionId);
    expect(events.find((e) => (e.payload as { job_id: string }).job_id === enroll.job_id)?.type).toBe("job.benefit_enroll.completed");
    await http(server.url, "PUT", "/sandbox/jobs/configuration", {
      bearer: token,
      body: { type: "benefit_enroll", completion_status: "complete" },
    });
  });

  it("later payrolls are checked for a completed enrollment for 90 days, then its last verdict stands", async () => {
    const created = await finch.hris.benefits.create({ type: "hsa_post", description: "HSA" });
    await settled(created.job_id);
    const [a, b] = await people();
    const enrollOf = async (id: string) =>
      (
        await finch.hris.benefits.individuals.enrollMany(created.benefit_id, {
          individuals: [{ individual_id: id, configuration: { employee_deduction: { type: "fixed", amount: 1_000 } } }],
        })
      ).job_id;
    const old = await enrollOf(a!);
    await settled(old);
    server.clock.advance((VERIFY_WINDOW_DAYS + 1) * 86_400_000);
    const recent = await enrollOf(b!);
    await settled(recent);
    const connection = (await findConnection(server.linnet.deps.db, connectionId))!;
    await verifyBenefitWrites(server.linnet.deps, connection, { id: connection.paySnapshotId!, group: "pay" });
    const stateOf = async (jobId: string) =>
      ((await finch.jobs.manual.retrieve(jobId)) as unknown as { linnet_verification: { state: string } }).linnet_verification.state;
    expect(await stateOf(old)).toBe("pending");
    expect(await stateOf(recent)).not.toBe("pending"); // checked against the latest payroll: not in it yet
  });

  it("register is for assisted connections; an unknown benefit or job is a 404", async () => {
    await expect(finch.hris.benefits.register({ type: "401k", description: "Existing 401k" })).rejects.toBeInstanceOf(
      Finch.BadRequestError,
    );
    await expect(finch.hris.benefits.retrieve("00000000-0000-4000-8000-000000000000")).rejects.toBeInstanceOf(Finch.NotFoundError);
    await expect(finch.jobs.manual.retrieve("00000000-0000-4000-8000-000000000000")).rejects.toBeInstanceOf(Finch.NotFoundError);
  });
});

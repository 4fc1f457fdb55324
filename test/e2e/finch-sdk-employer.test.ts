import Finch from "@tryfinch/finch-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CreatedApplication } from "../../server/domain/applications/create-application.js";
import { startTestServer, type TestServer } from "../support/test-server.js";

/** The official SDK's types and pagination against every employer-data, job and sandbox endpoint. */
let server: TestServer;
let app: CreatedApplication;
let finch: Finch;
const basicClient = () => new Finch({ baseURL: server.url, clientID: app.client_id, clientSecret: app.client_secret, maxRetries: 0 });

beforeAll(async () => {
  server = await startTestServer();
  app = await server.createApp({ clientType: "sandbox" });
  const created = await basicClient().sandbox.connections.create({
    provider_id: "sandbox_payroll",
    products: ["company", "directory", "individual", "employment", "payment", "pay_statement", "ssn"],
    employee_size: 40,
  });
  finch = new Finch({ baseURL: server.url, accessToken: created.access_token, maxRetries: 0 });
});
afterAll(() => server.close());

describe("HRIS through the SDK", () => {
  it("company, directory, individuals and employments parse", async () => {
    const company = await finch.hris.company.retrieve();
    expect(company.legal_name).toBeTruthy();
    expect(company.ein).toMatch(/^\d{2}-\d{7}$/);
    expect(company.accounts?.[0]?.account_number).toMatch(/^\d{8,12}$/);

    const people = [];
    for await (const p of finch.hris.directory.list({ limit: 7 })) people.push(p);
    expect(people).toHaveLength(40);
    expect(new Set(people.map((p) => p.id)).size).toBe(40);

    const ids = people.slice(0, 5).map((p) => ({ individual_id: p.id }));
    const individuals = [];
    for await (const r of finch.hris.individuals.retrieveMany({ requests: ids, options: { include: ["ssn"] } })) individuals.push(r);
    expect(individuals).toHaveLength(5);
    const first = individuals[0]!;
    expect(first.code).toBe(200);
    expect((first.body as { ssn?: string }).ssn).toMatch(/^\d{3}-\d{2}-\d{4}$/);

    const employments = [];
    for await (const r of finch.hris.employments.retrieveMany({ requests: ids })) employments.push(r);
    expect(employments.map((e) => e.code)).toEqual([200, 200, 200, 200, 200]);
    expect((employments[0]!.body as { title?: string | null }).title).toBeTruthy();
  });

  it("payments, pay statements and pay groups parse", async () => {
    const payments = [];
    for await (const p of finch.hris.payments.list({ start_date: "2000-01-01", end_date: "2100-01-01" })) payments.push(p);
    expect(payments.length).toBeGreaterThan(20);
    const statements = [];
    for await (const r of finch.hris.payStatements.retrieveMany({ requests: [{ payment_id: payments[0]!.id, limit: 5 }] }))
      statements.push(r);
    expect(statements[0]!.code).toBe(200);
    const body = statements[0]!.body as { pay_statements: { gross_pay: { amount: number } | null; net_pay: { amount: number } | null }[] };
    expect(body.pay_statements.length).toBeGreaterThan(0);
    const groups = [];
    for await (const g of finch.payroll.payGroups.list()) groups.push(g);
    expect(groups.length).toBeGreaterThan(0);
    const group = await finch.payroll.payGroups.retrieve(groups[0]!.id);
    expect(group.individual_ids.length).toBeGreaterThan(0);
  });

  it("refuses batches over the limit with 422", async () => {
    const requests = Array.from({ length: 11 }, () => ({ payment_id: "00000000-0000-4000-8000-000000000000" }));
    await expect(finch.hris.payStatements.retrieveMany({ requests }).then((p) => p.responses)).rejects.toBeInstanceOf(
      Finch.UnprocessableEntityError,
    );
    await expect(finch.hris.directory.list({ limit: 10_001 }).then((p) => p.individuals)).rejects.toBeInstanceOf(
      Finch.UnprocessableEntityError,
    );
  });
});

describe("jobs and sandbox through the SDK", () => {
  it("creates, lists and reads automated jobs; edits sandbox data", async () => {
    const job = await finch.jobs.automated.create({ type: "data_sync_all" });
    expect(job.job_id).toBeTruthy();
    const fetched = await finch.jobs.automated.retrieve(job.job_id!);
    expect(fetched.type).toBe("data_sync_all");
    const listed = await finch.jobs.automated.list();
    expect(listed.data.map((j) => j.job_id)).toContain(job.job_id);

    const company = await finch.sandbox.company.update({ ...(await finch.hris.company.retrieve()), legal_name: "SDK Renamed Inc." });
    expect(company.legal_name).toBe("SDK Renamed Inc.");
    const config = await finch.sandbox.jobs.configuration.retrieve();
    expect(config[0]?.completion_status).toBe("complete");
  });
});

describe("every sandbox method through the SDK", () => {
  it("accounts, status, directory, individual, employment, payment, jobs and their configuration", async () => {
    const basic = basicClient();
    const assisted = await basic.sandbox.connections.create({
      provider_id: "paylocity",
      authentication_type: "assisted",
      employee_size: 3,
      products: ["company", "directory", "individual", "employment", "payment", "pay_statement"],
    });
    const client = new Finch({ baseURL: server.url, accessToken: assisted.access_token, maxRetries: 0 });
    const updated = await client.sandbox.connections.accounts.update({ connection_status: "connected" });
    expect(updated.connection_id).toBe(assisted.connection_id);
    const account = await basic.sandbox.connections.accounts.create({
      company_id: assisted.company_id!,
      provider_id: "paylocity",
      authentication_type: "assisted",
    });
    expect(account.company_id).toBe(assisted.company_id);

    const added = await client.sandbox.directory.create({ body: [{ first_name: "Ada", last_name: "Lovelace", title: "Analyst" }] });
    expect(added).toHaveLength(1);
    const people = [];
    for await (const p of client.hris.directory.list()) people.push(p);
    const ada = people.find((p) => p.first_name === "Ada")!;
    expect(ada).toBeTruthy();
    const individual = await client.sandbox.individual.update(ada.id, { preferred_name: "Countess" });
    expect(individual.preferred_name).toBe("Countess");
    const employment = await client.sandbox.employment.update(ada.id, { title: "Lead Analyst" });
    expect(employment.title).toBe("Lead Analyst");
    const payment = await client.sandbox.payment.create({ start_date: "2026-11-01", end_date: "2026-11-14" });
    expect(payment.pay_date).toBe("2026-11-14");
    await client.sandbox.jobs.configuration.update({ type: "data_sync_all", completion_status: "error" });
    expect((await client.sandbox.jobs.configuration.retrieve())[0]?.completion_status).toBe("error");
    await expect(client.sandbox.jobs.create({ type: "data_sync_all" })).rejects.toBeInstanceOf(Finch.BadRequestError); // assisted tokens cannot sync
  });
});

describe("a 10,000-person directory", () => {
  it("auto-paginates, every individual exactly once", async () => {
    const big = await basicClient().sandbox.connections.create({ provider_id: "sandbox_hris", employee_size: 10_000 });
    const client = new Finch({ baseURL: server.url, accessToken: big.access_token, maxRetries: 0 });
    const seen = new Set<string>();
    let total = 0;
    for await (const p of client.hris.directory.list({ limit: 500 })) {
      seen.add(p.id);
      total++;
    }
    expect(total).toBe(10_000);
    expect(seen.size).toBe(10_000);
  }, 180_000);
});

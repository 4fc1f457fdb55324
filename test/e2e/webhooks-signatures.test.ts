import Finch from "@tryfinch/finch-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OrgSnapshotInput, PaymentInput } from "../../contracts/linnet/snapshot-input.js";
import { publishOrgSnapshot } from "../../server/commands/publish-org.js";
import { publishPaySnapshot } from "../../server/commands/publish-pay.js";
import type { CreatedApplication } from "../../server/domain/applications/create-application.js";
import { runWebhookDispatch } from "../../server/domain/webhooks/dispatcher.js";
import { type ConsoleBrowser, signInConsole } from "../support/console.js";
import { connectEmployer, http } from "../support/http.js";
import { startTestServer, type TestServer } from "../support/test-server.js";
import { startReceiver, type WebhookReceiver } from "../support/webhook-receiver.js";
import { createEndpoint, developerOf, webhooksPath } from "../support/webhooks.js";

let server: TestServer;
let app: CreatedApplication;
let dev: ConsoleBrowser;
let receiver: WebhookReceiver;
let endpoint: { id: string; secret: string };

beforeAll(async () => {
  server = await startTestServer();
  app = await server.createApp({ clientType: "sandbox" });
  dev = await developerOf(server, app.client_id, "sig-dev@example.com");
  receiver = await startReceiver();
  endpoint = await createEndpoint(dev, app.client_id, receiver.url);
});
afterAll(async () => {
  await receiver.close();
  await server.close();
});

const person = (id: string, first: string, title: string | null): OrgSnapshotInput["people"][number] =>
  ({
    source_id: id,
    individual: {
      first_name: first,
      middle_name: null,
      last_name: id,
      preferred_name: null,
      emails: null,
      phone_numbers: null,
      gender: null,
      ethnicity: null,
      marital_status: null,
      dob: null,
      ssn: null,
      residence: null,
    },
    employment: {
      title,
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
  }) as OrgSnapshotInput["people"][number];
const company = (name: string) =>
  ({
    legal_name: name,
    entity: null,
    primary_email: null,
    primary_phone_number: null,
    departments: null,
    ein: null,
    locations: null,
    accounts: null,
  }) as OrgSnapshotInput["company"];
const money = (amount: number) => ({ amount, currency: "usd" });
const statement = (who: string, gross: number): PaymentInput["pay_statements"][number] => ({
  individual_source_id: who,
  type: "regular_payroll",
  payment_method: "direct_deposit",
  total_hours: 80,
  gross_pay: money(gross),
  net_pay: money(gross),
  earnings: [],
  taxes: [],
  employee_deductions: [],
  employer_contributions: [],
});
const payment = (id: string, date: string, statements: ReturnType<typeof statement>[]): PaymentInput => ({
  source_id: id,
  pay_period: { start_date: date, end_date: date },
  pay_date: date,
  debit_date: date,
  company_debit: money(1),
  gross_pay: money(1),
  net_pay: money(1),
  employer_taxes: money(0),
  employee_taxes: money(0),
  pay_frequencies: ["bi_weekly"],
  pay_group_source_ids: [],
  pay_statements: statements,
});

/** A pass, a moment for the worker's own loop to finish its in-flight sends, and another pass. */
async function settledDispatch() {
  await runWebhookDispatch(server.linnet.deps);
  await new Promise((r) => setTimeout(r, 250));
  await runWebhookDispatch(server.linnet.deps);
}

/** Every delivery so far, verified and unwrapped by the official SDK with the endpoint's secret. */
function unwrapAll(secret: string) {
  const finch = new Finch({ accessToken: "unused", webhookSecret: secret });
  return receiver.received.map(
    (r) =>
      finch.webhooks.unwrap(r.body, r.headers) as unknown as {
        event_type: string;
        data: Record<string, unknown>;
        connection_id: string | null;
      },
  );
}

describe("signed webhooks, verified by the official SDK", () => {
  it("delivers every event type, data-change events from consecutive publishes included, each accepted by webhooks.unwrap()", async () => {
    const deps = server.linnet.deps;
    // an assisted connection: pending → connected by its first publishes (account.updated, initial syncs)
    const conn = await connectEmployer(server.url, app, {
      products: ["company", "directory", "individual", "employment", "payment", "pay_statement"],
      choice: { provider_id: "paycom", auth_method: "assisted" },
    });
    const meta = { source: "operator:test", retrievedAt: server.clock.now() };
    expect(
      (
        await publishOrgSnapshot(
          deps,
          conn.connection_id,
          { company: company("Old Name"), people: [person("A", "Ann", "Cook"), person("B", "Bob", "Clerk")] },
          meta,
        )
      ).ok,
    ).toBe(true);
    const pay1 = {
      pay_groups: [],
      payments: [
        payment("P1", "2026-01-02", [statement("A", 100), statement("B", 200)]),
        payment("P2", "2026-01-16", [statement("A", 100)]),
      ],
      mode: "replace" as const,
    };
    expect((await publishPaySnapshot(deps, conn.connection_id, pay1, meta)).ok).toBe(true);
    // second publishes: company renamed, A removed, B renamed (individual + directory) and retitled (employment), C added
    expect(
      (
        await publishOrgSnapshot(
          deps,
          conn.connection_id,
          { company: company("New Name"), people: [person("B", "Bobby", "Manager"), person("C", "Cy", null)] },
          meta,
        )
      ).ok,
    ).toBe(true);
    // P1: B's statement changed, A's removed; P2 removed; P3 added
    const pay2 = {
      pay_groups: [],
      payments: [
        { ...payment("P1", "2026-01-02", [statement("B", 250)]), gross_pay: money(2) },
        payment("P3", "2026-01-30", [statement("C", 300)]),
      ],
      mode: "replace" as const,
    };
    expect((await publishPaySnapshot(deps, conn.connection_id, pay2, meta)).ok).toBe(true);
    // a sandbox automated connection's sync: job.data_sync_all.completed
    const sandbox = await http<{ access_token: string }>(server.url, "POST", "/sandbox/connections", {
      basic: app,
      body: { provider_id: "sandbox_hris", employee_size: 2 },
    });
    const job = await http<{ job_id: string }>(server.url, "POST", "/sandbox/jobs", {
      bearer: sandbox.body.access_token,
      body: { type: "data_sync_all" },
    });
    expect(job.status).toBe(200);
    for (
      let i = 0;
      i < 100 &&
      !(await http(server.url, "GET", `/jobs/automated/${job.body.job_id}`, { bearer: sandbox.body.access_token })).body.completed_at;
      i++
    ) {
      await new Promise((r) => setTimeout(r, 100));
    }
    // and the dashboard's test event
    expect((await dev.call("POST", webhooksPath(app.client_id, `/${endpoint.id}/test`))).status).toBe(202);

    await settledDispatch();
    const events = unwrapAll(endpoint.secret);
    const types = new Set(events.map((e) => e.event_type));
    const expected = [
      "account.updated",
      "job.initial_data_sync_org.succeeded",
      "job.initial_data_sync_payroll.succeeded",
      "job.data_sync_all.completed",
      "company.updated",
      ...["directory", "individual", "employment"].flatMap((k) => [`${k}.created`, `${k}.updated`, `${k}.deleted`]),
      "payment.created",
      "payment.updated",
      "payment.deleted",
      "pay_statement.created",
      "pay_statement.updated",
      "pay_statement.deleted",
      "test",
    ];
    for (const type of expected) expect(types, type).toContain(type);
    expect(types).not.toContain("task.overdue");

    const ofConn = events.filter((e) => e.connection_id === conn.connection_id);
    const people = await http<{ individuals: { id: string; first_name: string }[] }>(server.url, "GET", "/employer/directory", {
      bearer: conn.access_token,
    });
    const bobby = people.body.individuals.find((p) => p.first_name === "Bobby")!.id;
    expect(ofConn.filter((e) => e.event_type === "employment.updated").map((e) => e.data)).toEqual([{ individual_id: bobby }]);
    expect(ofConn.filter((e) => e.event_type === "payment.created").map((e) => e.data.pay_date)).toEqual(["2026-01-30"]);
    expect(ofConn.filter((e) => e.event_type === "payment.deleted").map((e) => e.data.pay_date)).toEqual(["2026-01-16"]);
    expect(ofConn.filter((e) => e.event_type === "pay_statement.updated").map((e) => e.data)).toEqual([
      { payment_id: expect.any(String), individual_id: bobby },
    ]);
    // every event once, with a stable msg_ id
    const ids = receiver.received.map((r) => r.headers["finch-event-id"]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => /^msg_[0-9a-f]{32}$/.test(String(id)))).toBe(true);
    // a wrong secret is refused by the SDK
    expect(() =>
      new Finch({ accessToken: "x", webhookSecret: "5WbX5kEWLlfzsGNjH64I8lOOqUB6e8FH" }).webhooks.unwrap(
        receiver.received[0]!.body,
        receiver.received[0]!.headers,
      ),
    ).toThrow();
  });

  it("during a secret rotation signs with both secrets, and the SDK accepts either", async () => {
    const rotated = await dev.call<{ secret: string; previous_secret_expires_at: string }>(
      "POST",
      webhooksPath(app.client_id, `/${endpoint.id}/rotate-secret`),
    );
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).not.toBe(endpoint.secret);
    const before = receiver.received.length;
    await dev.call("POST", webhooksPath(app.client_id, `/${endpoint.id}/test`));
    await settledDispatch();
    const hook = (await receiver.waitFor(before + 1))[before]!;
    expect(hook.headers["finch-signature"]!.split(" ")).toHaveLength(2);
    for (const secret of [endpoint.secret, rotated.body.secret]) {
      expect(new Finch({ accessToken: "x", webhookSecret: secret }).webhooks.unwrap(hook.body, hook.headers)).toMatchObject({
        event_type: "test",
      });
    }
    // after 24 hours only the new secret signs
    server.clock.advance(24 * 3_600_000 + 1000);
    dev = await signInConsole(server, "sig-dev@example.com", "developer"); // the session ended (12 h idle)
    expect((await dev.call("POST", webhooksPath(app.client_id, `/${endpoint.id}/test`))).status).toBe(202);
    await settledDispatch();
    const later = (await receiver.waitFor(before + 2))[before + 1]!;
    expect(later.headers["finch-signature"]!.split(" ")).toHaveLength(1);
  });
});

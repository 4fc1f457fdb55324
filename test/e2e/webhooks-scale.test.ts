import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publishOrgSnapshot } from "../../server/commands/publish-org.js";
import { pruneOldEvents } from "../../server/domain/retention/prune-events.js";
import { runWebhookDispatch } from "../../server/domain/webhooks/dispatcher.js";
import { signInConsole } from "../support/console.js";
import { orgInput } from "../support/fixtures.js";
import { connectEmployer, http } from "../support/http.js";
import { startTestServer, type TestServer } from "../support/test-server.js";
import { startReceiver, type WebhookReceiver } from "../support/webhook-receiver.js";
import { createEndpoint, developerOf, webhooksPath } from "../support/webhooks.js";

// No job workers: every fan-out and dispatch below is the test's own, so counts are exact.
let server: TestServer;
const receivers: WebhookReceiver[] = [];
const DAY = 86_400_000;

beforeAll(async () => {
  server = await startTestServer({}, { role: "api" });
});
afterAll(async () => {
  for (const r of receivers) await r.close().catch(() => {});
  await server.close();
});

const count = async (query: ReturnType<typeof sql>) =>
  Number(((await server.linnet.deps.db.execute(query)) as unknown as { rows: { n: number }[] }).rows[0]?.n);

/** An application with a developer, an endpoint and its receiver. */
async function setup(name: string) {
  const app = await server.createApp({ clientType: "sandbox", name });
  const dev = await developerOf(server, app.client_id, `${name}@example.com`);
  const receiver = await startReceiver();
  receivers.push(receiver);
  const endpoint = await createEndpoint(dev, app.client_id, receiver.url);
  const connect = (customer: string) =>
    connectEmployer(server.url, app, {
      customer_id: customer,
      products: ["company", "directory", "individual", "employment"],
      choice: { provider_id: "paycom", auth_method: "assisted" },
    });
  /** A connection with its first publish: Finch-visible events (account.updated, the initial sync). */
  const connectWithData = async (customer: string) => {
    const conn = await connect(customer);
    const published = await publishOrgSnapshot(server.linnet.deps, conn.connection_id, orgInput(2), {
      source: "operator:test",
      retrievedAt: server.clock.now(),
    });
    expect(published.ok).toBe(true);
  };
  return { app, dev, receiver, endpoint, connect, connectWithData };
}

describe("events at scale", () => {
  it("a large publish's events are fanned out and delivered in bounded batches, each once", async () => {
    const { app, receiver, connect } = await setup("scale");
    const conn = await connect("big-co");
    const meta = { source: "operator:test", retrievedAt: server.clock.now() };
    expect((await publishOrgSnapshot(server.linnet.deps, conn.connection_id, orgInput(10), meta)).ok).toBe(true);
    // 1,200 more people: directory, individual and employment `created` for each
    expect((await publishOrgSnapshot(server.linnet.deps, conn.connection_id, orgInput(1210), meta)).ok).toBe(true);
    const waiting = await count(sql`select count(*)::int as n from events where fanned_out_at is null`);
    expect(waiting).toBeGreaterThanOrEqual(3600);

    // one pass takes one batch of events and sends a bounded number of deliveries
    const first = await runWebhookDispatch(server.linnet.deps, { fanOutBatch: 1000, fanOutBatches: 1, batchSize: 250, maxAttempts: 500 });
    expect(first.taken).toBe(1000);
    expect(first.published).toBe(1000);
    expect(first.attempts).toBe(500);
    expect(await count(sql`select count(*)::int as n from events where fanned_out_at is null`)).toBe(waiting - 1000);

    let fanOutPasses = 1;
    let published = first.published;
    for (let i = 0; i < 50; i++) {
      const pass = await runWebhookDispatch(server.linnet.deps, { fanOutBatch: 1000, fanOutBatches: 1, batchSize: 250, maxAttempts: 2000 });
      if (pass.taken > 0) fanOutPasses++;
      published += pass.published;
      if (pass.taken === 0 && pass.attempts === 0) break;
    }
    expect(fanOutPasses).toBe(Math.ceil(waiting / 1000));
    const envelopes = await count(sql`select count(*)::int as n from webhook_events where application_id = ${app.client_id}::uuid`);
    expect(published).toBe(envelopes);
    const got = await receiver.waitFor(envelopes);
    expect(new Set(got.map((r) => r.headers["finch-event-id"])).size).toBe(envelopes);
    expect(got.filter((r) => JSON.parse(r.body).event_type === "employment.created")).toHaveLength(1200);
    expect(
      await count(
        sql`select count(*)::int as n from webhook_deliveries where application_id = ${app.client_id}::uuid and state <> 'delivered'`,
      ),
    ).toBe(0);
  });

  it("prunes events and finished deliveries past the retention (manual clock), keeping backlog and recent ones", async () => {
    const ok = await setup("prune-ok");
    const down = await setup("prune-down");
    await down.receiver.down();
    await ok.connectWithData("old-1");
    await down.connectWithData("old-2");
    await runWebhookDispatch(server.linnet.deps);
    const okOld = await count(sql`select count(*)::int as n from webhook_events where application_id = ${ok.app.client_id}::uuid`);
    const downOld = await count(sql`select count(*)::int as n from webhook_events where application_id = ${down.app.client_id}::uuid`);
    expect(okOld).toBeGreaterThan(0);
    expect(downOld).toBeGreaterThan(0);
    expect(
      await count(
        sql`select count(*)::int as n from webhook_deliveries where application_id = ${down.app.client_id}::uuid and state = 'pending'`,
      ),
    ).toBe(downOld);

    // 29 days on: nothing is old enough yet
    server.clock.advance(29 * DAY);
    expect(await pruneOldEvents(server.linnet.deps)).toEqual({ envelopes: 0, events: 0 });
    server.clock.advance(2 * DAY);
    await ok.connectWithData("new-1");
    await runWebhookDispatch(server.linnet.deps, { maxAttempts: 0 });
    const okNew =
      (await count(sql`select count(*)::int as n from webhook_events where application_id = ${ok.app.client_id}::uuid`)) - okOld;
    expect(okNew).toBeGreaterThan(0);

    const pruned = await pruneOldEvents(server.linnet.deps, { batch: 2 });
    expect(pruned.envelopes).toBeGreaterThanOrEqual(okOld);
    expect(pruned.events).toBeGreaterThan(0);
    // the delivered ones went, with their deliveries and attempts; the recent ones and the backlog stayed
    expect(await count(sql`select count(*)::int as n from webhook_events where application_id = ${ok.app.client_id}::uuid`)).toBe(okNew);
    expect(
      await count(
        sql`select count(*)::int as n from webhook_deliveries where application_id = ${ok.app.client_id}::uuid and state = 'delivered'`,
      ),
    ).toBe(0);
    expect(
      await count(
        sql`select count(*)::int as n from webhook_attempts a where not exists (select 1 from webhook_deliveries d where d.id = a.delivery_id)`,
      ),
    ).toBe(0);
    expect(await count(sql`select count(*)::int as n from webhook_events where application_id = ${down.app.client_id}::uuid`)).toBe(
      downOld,
    );
    expect(
      await count(
        sql`select count(*)::int as n from events where created_at < ${new Date(server.clock.now().getTime() - 30 * DAY).toISOString()}::timestamptz and fanned_out_at is not null`,
      ),
    ).toBe(0);
    const listed = await http<{ events: { connection_id: string }[] }>(server.url, "GET", "/linnet/events?limit=100", { basic: ok.app });
    expect(listed.body.events).toHaveLength(okNew);

    // once its endpoint is disabled, the old backlog is history too
    const dev = await signInConsole(server, "prune-down@example.com", "developer"); // a month on, sign in again
    expect((await dev.call("PATCH", webhooksPath(down.app.client_id, `/${down.endpoint.id}`), { body: { enabled: false } })).status).toBe(
      200,
    );
    expect((await pruneOldEvents(server.linnet.deps)).envelopes).toBe(downOld);
    expect(await count(sql`select count(*)::int as n from webhook_deliveries where application_id = ${down.app.client_id}::uuid`)).toBe(0);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runWebhookDispatch } from "../../server/domain/webhooks/dispatcher.js";
import { signInConsole } from "../support/console.js";
import { http } from "../support/http.js";
import { startTestServer, type TestServer } from "../support/test-server.js";
import { startReceiver, type WebhookReceiver } from "../support/webhook-receiver.js";
import { createEndpoint, developerOf, webhooksPath } from "../support/webhooks.js";

// No job workers: every dispatch pass below is the test's own, so the backoff schedule and the counts are exact (the
// worker's loop, on the same manual clock, could claim a retry just before the clock moved and shift the schedule).
let server: TestServer;
const receivers: WebhookReceiver[] = [];

beforeAll(async () => {
  server = await startTestServer({}, { role: "api" });
});
afterAll(async () => {
  for (const r of receivers) await r.close().catch(() => {});
  await server.close();
});

/** A dispatch pass as the worker runs it. */
const dispatch = () => runWebhookDispatch(server.linnet.deps);
const SECOND = 1000;
const HOUR = 3_600_000;

/** A fresh application with a developer, an endpoint and its receiver. */
async function setup(name: string) {
  const app = await server.createApp({ clientType: "sandbox", name });
  const email = `${name}@example.com`;
  const dev = await developerOf(server, app.client_id, email);
  const receiver = await startReceiver();
  receivers.push(receiver);
  const endpoint = await createEndpoint(dev, app.client_id, receiver.url);
  /** A real event: a sandbox connection's initial syncs. */
  const connect = () =>
    http(server.url, "POST", "/sandbox/connections", { basic: app, body: { provider_id: "sandbox_hris", employee_size: 1 } });
  const signIn = () => signInConsole(server, email, "developer");
  return { app, dev, receiver, endpoint, connect, signIn };
}

type Page = {
  deliveries: {
    id: string;
    event_id: string;
    state: string;
    attempt_count: number;
    attempts: { status_code: number | null; error: string | null }[];
  }[];
};

describe("durable delivery", () => {
  it("a receiver that is down for the first attempts gets every event once it is back", async () => {
    const { app, dev, receiver, endpoint, connect } = await setup("down-first");
    await receiver.down();
    expect((await connect()).status).toBe(200);
    await dispatch(); // first attempts: connection refused
    const log = await dev.call<Page>("GET", webhooksPath(app.client_id, `/${endpoint.id}/deliveries`));
    const ids = log.body.deliveries.map((d) => d.event_id);
    expect(ids.length).toBeGreaterThan(0);
    expect(log.body.deliveries.every((d) => d.state === "pending" && d.attempts[0]?.error)).toBe(true);
    await receiver.up();
    server.clock.advance(3 * SECOND);
    await dispatch(); // not due yet (5 s)
    expect(receiver.received).toHaveLength(0);
    server.clock.advance(3 * SECOND);
    await dispatch();
    const got = await receiver.waitFor(ids.length);
    expect(got.map((r) => r.headers["finch-event-id"]).sort()).toEqual([...ids].sort());
    server.clock.advance(HOUR);
    await dispatch();
    expect(receiver.received).toHaveLength(ids.length); // nothing twice
  });

  it("a restart in the middle of the backoff loses nothing", async () => {
    const { app, receiver, endpoint, connect, signIn } = await setup("restart");
    receiver.respond = () => 503;
    await connect();
    await dispatch();
    const failed = receiver.received.map((r) => r.headers["finch-event-id"]);
    expect(failed.length).toBeGreaterThan(0);
    await server.restart();
    receiver.respond = () => 200;
    server.clock.advance(6 * SECOND);
    await dispatch();
    const delivered = receiver.received.filter((r) => r.status === 200).map((r) => r.headers["finch-event-id"]);
    expect(delivered.sort()).toEqual([...failed].sort());
    const dev = await signIn();
    const log = await dev.call<Page>("GET", webhooksPath(app.client_id, `/${endpoint.id}/deliveries`));
    expect(log.body.deliveries.every((d) => d.state === "delivered" && d.attempt_count === 2)).toBe(true);
    expect(log.body.deliveries[0]!.attempts.map((a) => a.status_code)).toEqual([200, 503]);
  });

  it("a 4xx is not retried, and a manual redelivery sends the same event id again", async () => {
    const { app, dev, receiver, endpoint } = await setup("gone");
    receiver.respond = () => 410;
    const sent = await dev.call<{ delivery_id: string; event_id: string }>("POST", webhooksPath(app.client_id, `/${endpoint.id}/test`));
    expect(sent.status, sent.text).toBe(202);
    await dispatch();
    expect(receiver.received).toHaveLength(1);
    server.clock.advance(11 * HOUR);
    await dispatch();
    expect(receiver.received).toHaveLength(1);
    const log = await dev.call<Page>("GET", webhooksPath(app.client_id, `/${endpoint.id}/deliveries`));
    expect(log.body.deliveries[0]).toMatchObject({ state: "failed", attempt_count: 1 });
    receiver.respond = () => 200;
    const again = await dev.call("POST", `/dashboard/api/applications/${app.client_id}/deliveries/${sent.body.delivery_id}/redeliver`);
    expect(again.status).toBe(202);
    await dispatch();
    expect(receiver.received.map((r) => r.headers["finch-event-id"])).toEqual([sent.body.event_id, sent.body.event_id]);
  });

  it("a disabled endpoint gets nothing until it is enabled again", async () => {
    const { app, dev, receiver, endpoint, connect } = await setup("disabled");
    const off = await dev.call<{ enabled: boolean; disabled_reason: string }>("PATCH", webhooksPath(app.client_id, `/${endpoint.id}`), {
      body: { enabled: false },
    });
    expect(off.body).toMatchObject({ enabled: false, disabled_reason: expect.stringContaining("developer") });
    await connect();
    await dispatch();
    expect(receiver.received).toHaveLength(0);
    expect((await dev.call("POST", webhooksPath(app.client_id, `/${endpoint.id}/test`))).status).toBe(400);
    const on = await dev.call("PATCH", webhooksPath(app.client_id, `/${endpoint.id}`), { body: { enabled: true } });
    expect(on.body).toMatchObject({ enabled: true, disabled_reason: null });
    await connect();
    await dispatch();
    expect(receiver.received.length).toBeGreaterThan(0);
  });

  it("an endpoint failing for 3 days is disabled, with the reason shown", async () => {
    const { app, receiver, endpoint, connect, signIn } = await setup("failing");
    receiver.respond = () => 500;
    await connect();
    await dispatch();
    const perEvent = receiver.received.length;
    for (let hours = 0; hours < 80; hours += 1) {
      server.clock.advance(HOUR);
      await dispatch();
    }
    const dev = await signIn();
    const read = () => dev.call<{ enabled: boolean; disabled_reason: string }>("GET", webhooksPath(app.client_id, `/${endpoint.id}`));
    expect((await read()).body).toMatchObject({ enabled: false, disabled_reason: expect.stringMatching(/3 days/) });
    // hourly passes: the first attempt at 0 h, then due retries at 1, 2, 3, 5, 10, 20, 30, … 80 h (failing for 80 h ≥ 3 days)
    expect(receiver.received.length / perEvent).toBe(13);
    const count = receiver.received.length;
    await connect();
    server.clock.advance(11 * HOUR);
    await dispatch();
    expect(receiver.received).toHaveLength(count);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CreatedApplication } from "../../server/domain/applications/create-application.js";
import { runWebhookDispatch } from "../../server/domain/webhooks/dispatcher.js";
import type { ConsoleBrowser } from "../support/console.js";
import { http } from "../support/http.js";
import { startTestServer, type TestServer } from "../support/test-server.js";
import { startReceiver, type WebhookReceiver } from "../support/webhook-receiver.js";
import { createEndpoint, developerOf, webhooksPath } from "../support/webhooks.js";

let server: TestServer;
let appA: CreatedApplication;
let appB: CreatedApplication;
let devA: ConsoleBrowser;
let devB: ConsoleBrowser;
let receiver: WebhookReceiver;

beforeAll(async () => {
  server = await startTestServer();
  appA = await server.createApp({ clientType: "sandbox", name: "A" });
  appB = await server.createApp({ clientType: "sandbox", name: "B" });
  devA = await developerOf(server, appA.client_id, "dev-a@example.com");
  devB = await developerOf(server, appB.client_id, "dev-b@example.com");
  receiver = await startReceiver();
});
afterAll(async () => {
  await receiver.close();
  await server.close();
});

type EventPage = {
  events: { id: string; event_type: string; connection_id: string | null; company_id: string; data: unknown }[];
  next_cursor: string | null;
};
const connect = (app: CreatedApplication) =>
  http<{ connection_id: string }>(server.url, "POST", "/sandbox/connections", {
    basic: app,
    body: { provider_id: "sandbox_hris", employee_size: 1 },
  });

describe("the webhooks API", () => {
  it("validates endpoints, shows the secret only once, and deletes", async () => {
    const httpRemote = await devA.call("POST", webhooksPath(appA.client_id), { body: { url: "http://example.com/hook" } });
    expect(httpRemote.status).toBe(400);
    expect(String(httpRemote.body.message)).toMatch(/^url:/);
    expect(
      (await devA.call("POST", webhooksPath(appA.client_id), { body: { url: "https://example.com/hook", event_types: ["nope"] } })).status,
    ).toBe(400);
    expect(
      (
        await http(server.url, "POST", webhooksPath(appA.client_id), {
          headers: { cookie: devA.cookie },
          body: { url: "https://example.com/h" },
        })
      ).status,
    ).toBe(403);
    const created = await devA.call<{ id: string; secret: string; event_types: string[] }>("POST", webhooksPath(appA.client_id), {
      body: { url: "https://example.com/hook", event_types: ["account.updated"] },
    });
    expect(created.status).toBe(201);
    expect(Buffer.from(created.body.secret, "base64")).toHaveLength(24);
    const listed = await devA.call<{ endpoints: Record<string, unknown>[] }>("GET", webhooksPath(appA.client_id));
    expect(listed.body.endpoints).toHaveLength(1);
    expect(JSON.stringify(listed.body)).not.toContain(created.body.secret);
    expect((await devA.call("DELETE", webhooksPath(appA.client_id, `/${created.body.id}`))).status).toBe(204);
    expect((await devA.call("GET", webhooksPath(appA.client_id, `/${created.body.id}`))).status).toBe(404);
  });

  it("developers of one application never see another's endpoints, deliveries or events", async () => {
    const endpoint = await createEndpoint(devA, appA.client_id, receiver.url);
    const sent = await devA.call<{ delivery_id: string }>("POST", webhooksPath(appA.client_id, `/${endpoint.id}/test`));
    await connect(appA);
    await runWebhookDispatch(server.linnet.deps);
    const a = appA.client_id;
    for (const [method, path] of [
      ["GET", webhooksPath(a)],
      ["GET", webhooksPath(a, `/${endpoint.id}`)],
      ["GET", webhooksPath(a, `/${endpoint.id}/deliveries`)],
      ["PATCH", webhooksPath(a, `/${endpoint.id}`)],
      ["DELETE", webhooksPath(a, `/${endpoint.id}`)],
      ["POST", webhooksPath(a, `/${endpoint.id}/rotate-secret`)],
      ["POST", webhooksPath(a, `/${endpoint.id}/test`)],
      ["POST", `/dashboard/api/applications/${a}/deliveries/${sent.body.delivery_id}/redeliver`],
      ["GET", `/dashboard/api/applications/${a}/events`],
    ] as const) {
      const res = await devB.call(method, path, method === "PATCH" ? { body: { enabled: false } } : {});
      expect(res.status, `${method} ${path}`).toBe(404);
    }
    // through their own application's path, the other application's ids are unknown too
    const b = appB.client_id;
    expect((await devB.call("GET", webhooksPath(b, `/${endpoint.id}/deliveries`))).status).toBe(404);
    expect((await devB.call("POST", `/dashboard/api/applications/${b}/deliveries/${sent.body.delivery_id}/redeliver`)).status).toBe(404);
    expect((await devB.call("GET", webhooksPath("not-a-uuid", ""))).status).toBe(404); // never a database error
    const own = await devA.call<EventPage>("GET", `/dashboard/api/applications/${a}/events`);
    expect(own.body.events.length).toBeGreaterThan(0);
    expect(own.body.events.every((e) => e.event_type !== "test")).toBe(true);
    expect((await devB.call<EventPage>("GET", `/dashboard/api/applications/${b}/events`)).body.events).toEqual([]);
  });

  it("/linnet/events pages the calling application's events oldest first, and never another's", async () => {
    const mine = new Set<string>();
    for (let i = 0; i < 3; i++) mine.add((await connect(appB)).body.connection_id);
    await connect(appA);
    expect((await http(server.url, "GET", "/linnet/events", { basic: { client_id: appB.client_id, client_secret: "wrong" } })).status).toBe(
      401,
    );
    const seen: EventPage["events"] = [];
    let cursor: string | null = null;
    for (let i = 0; i < 20; i++) {
      const page: { body: EventPage } = await http<EventPage>(
        server.url,
        "GET",
        `/linnet/events?limit=2${cursor ? `&cursor=${cursor}` : ""}`,
        { basic: appB },
      );
      seen.push(...page.body.events);
      if (page.body.events.length === 0) break;
      cursor = page.body.next_cursor;
    }
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(seen.every((e) => e.connection_id && mine.has(e.connection_id))).toBe(true);
    expect(new Set(seen.map((e) => e.id)).size).toBe(seen.length);
    // a poller at the end sees the next event and only it
    const another = await connect(appB);
    const next = await http<EventPage>(server.url, "GET", `/linnet/events?cursor=${cursor}`, { basic: appB });
    expect(next.body.events.length).toBeGreaterThan(0);
    expect(next.body.events.every((e) => e.connection_id === another.body.connection_id)).toBe(true);
    const typed = await http<EventPage>(server.url, "GET", "/linnet/events?type=job.initial_data_sync_org.succeeded", { basic: appB });
    expect(typed.body.events).toHaveLength(4);
    expect(typed.body.events[0]).toMatchObject({
      event_type: "job.initial_data_sync_org.succeeded",
      entity_id: null,
      company_id: expect.any(String),
      data: { job_id: expect.any(String) },
    });
  });
});

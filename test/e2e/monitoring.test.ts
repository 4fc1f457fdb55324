import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { FinchErrorSchema } from "../../contracts/finch/errors.js";
import { publishOrgSnapshot } from "../../server/commands/publish-org.js";
import { runWebhookDispatch } from "../../server/domain/webhooks/dispatcher.js";
import { orgInput } from "../support/fixtures.js";
import { connectEmployer, http } from "../support/http.js";
import { startTestServer, type TestServer } from "../support/test-server.js";
import { startReceiver, type WebhookReceiver } from "../support/webhook-receiver.js";
import { createEndpoint, developerOf } from "../support/webhooks.js";

const TOKEN = "metrics-token-0123456789abcdef";
let server: TestServer;
let plain: TestServer;
let receiver: WebhookReceiver;

beforeAll(async () => {
  // no job workers on the scraped server: the worker's dispatch loop would fan the events out before the first
  // scrape could count them (this test runs the dispatch pass itself)
  [server, plain] = await Promise.all([startTestServer({ LINNET_METRICS_TOKEN: TOKEN }, { role: "api" }), startTestServer()]);
  receiver = await startReceiver();
});
afterAll(async () => {
  await receiver.close();
  await Promise.all([server.close(), plain.close()]);
});

const scrape = (s: TestServer, authorization?: string) => fetch(`${s.url}/metrics`, { headers: authorization ? { authorization } : {} });
/** A sample's value from Prometheus text, or undefined. */
const sample = (text: string, series: string) => {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
};

describe("health and readiness", () => {
  it("/healthz says the process is alive; /readyz checks the database and its migrations", async () => {
    const health = await http(server.url, "GET", "/healthz");
    expect(health.status).toBe(200);
    expect(
      z
        .object({ status: z.literal("ok") })
        .strict()
        .parse(health.body),
    ).toEqual({ status: "ok" });
    const ready = await http(server.url, "GET", "/readyz");
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: "ready", database: "ok", migrations: "applied" });

    // a database one migration behind this code is not ready
    const db = plain.linnet.deps.db;
    const newest = (await db.execute(
      sql`select id, hash, created_at from drizzle.__drizzle_migrations order by created_at desc limit 1`,
    )) as unknown as {
      rows: { id: number; hash: string; created_at: string }[];
    };
    const row = newest.rows[0] as { id: number; hash: string; created_at: string };
    await db.execute(sql`delete from drizzle.__drizzle_migrations where id = ${row.id}`);
    try {
      const behind = await http(plain.url, "GET", "/readyz");
      expect(behind.status).toBe(503);
      expect(behind.headers.get("retry-after")).toBe("5");
      const body = FinchErrorSchema.parse(behind.body);
      expect(body).toMatchObject({ code: 503, finch_code: "service_unavailable" });
      expect(body.message).toContain("migrate");
      expect((await http(plain.url, "GET", "/healthz")).status).toBe(200); // alive all the same
    } finally {
      await db.execute(
        sql`insert into drizzle.__drizzle_migrations (id, hash, created_at) values (${row.id}, ${row.hash}, ${row.created_at})`,
      );
    }
    expect((await http(plain.url, "GET", "/readyz")).status).toBe(200);
  });
});

describe("/metrics", () => {
  it("is off without LINNET_METRICS_TOKEN, and refuses a missing or wrong bearer token", async () => {
    const off = await scrape(plain, `Bearer ${TOKEN}`);
    expect(off.status).toBe(404);
    for (const authorization of [undefined, `Bearer ${TOKEN}x`, TOKEN, "Basic Zm9vOmJhcg=="]) {
      const res = await scrape(server, authorization);
      expect(res.status).toBe(401);
      expect(FinchErrorSchema.parse(await res.json()).finch_code).toBe("unauthorized");
    }
  });

  it("exposes the named series, with route patterns and states as labels and no tenant data", async () => {
    const app = await server.createApp({ clientType: "sandbox", name: "Metrics Co" });
    const dev = await developerOf(server, app.client_id, "metrics-dev@example.com");
    await createEndpoint(dev, app.client_id, receiver.url);
    const conn = await connectEmployer(server.url, app, {
      customer_id: "metrics-co",
      products: ["company", "directory", "individual"],
      choice: { provider_id: "paycom", auth_method: "assisted" },
    });
    const published = await publishOrgSnapshot(server.linnet.deps, conn.connection_id, orgInput(3), {
      source: "operator:test",
      retrievedAt: server.clock.now(),
    });
    expect(published.ok).toBe(true);
    const individual = "0b0e6f5e-0000-4000-8000-00000000abcd";
    expect(
      (
        await http(server.url, "POST", "/employer/individual", {
          bearer: conn.access_token,
          body: { requests: [{ individual_id: individual }] },
        })
      ).status,
    ).toBe(200);
    expect((await http(server.url, "GET", `/employer/directory?limit=1&offset=0`, { bearer: conn.access_token })).status).toBe(200);
    expect((await http(server.url, "GET", `/no/such/${conn.connection_id}`)).status).toBe(404);

    await server.linnet.boss.send("hourly-housekeeping", {}, { startAfter: 3600 }); // one job surely queued
    const before = await (await scrape(server, `Bearer ${TOKEN}`)).text();
    expect(sample(before, "linnet_webhook_events_awaiting_fan_out")).toBeGreaterThan(0);
    await runWebhookDispatch(server.linnet.deps);
    await receiver.waitFor(1);

    const res = await scrape(server, `Bearer ${TOKEN}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/plain");
    const text = await res.text();
    expect(text).toMatch(
      /linnet_http_request_duration_seconds_bucket\{le="[^"]+",route="\/employer\/directory",method="GET",status_code="200"\} \d+/,
    );
    expect(text).toContain('route="/employer/individual",method="POST",status_code="200"');
    expect(text).toContain('route="unmatched",method="GET",status_code="404"');
    expect(sample(text, 'linnet_publish_duration_seconds_count{group="org",outcome="ok"}')).toBe(1);
    expect(text).toMatch(/linnet_job_queue_jobs\{queue="[a-z-]+",state="(queued|active)"\} \d+/);
    expect(sample(text, "linnet_webhook_events_awaiting_fan_out")).toBe(0);
    expect(sample(text, "linnet_webhook_deliveries_pending")).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'linnet_webhook_attempts_total{outcome="delivered"}')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'linnet_webhook_endpoints{state="failing"}')).toBe(0);
    expect(sample(text, 'linnet_assisted_tasks{state="due"}')).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'linnet_assisted_tasks{state="overdue"}')).toBe(0);
    expect(sample(text, "linnet_database_reachable")).toBe(1);
    expect(text).toContain("linnet_process_cpu_seconds_total");
    // an assisted task past its due date counts as overdue
    server.clock.advance(30 * 86_400_000);
    const later = await (await scrape(server, `Bearer ${TOKEN}`)).text();
    expect(sample(later, 'linnet_assisted_tasks{state="overdue"}')).toBeGreaterThanOrEqual(1);
    // no application, connection, person or token anywhere in the exposition
    for (const secret of [app.client_id, conn.connection_id, conn.access_token, individual, "metrics-co", "Metrics Co"])
      expect(later).not.toContain(secret);
  });
});

import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { isDatabaseOutage } from "../../server/db/pool-errors.js";
import type { CreatedApplication } from "../../server/domain/applications/create-application.js";
import { http } from "../support/http.js";
import { pollUntil } from "../support/processes.js";
import { startTestServer, type TestServer } from "../support/test-server.js";

/**
 * Issue 11 item 2: the pools survive `pg_terminate_backend` of every connection. Requests meanwhile get 200 or a
 * 503 in the Finch shape with Retry-After, the pools reconnect without a restart, and pg-boss keeps running jobs.
 * (An unhandled rejection from pg-boss would fail this file: vitest reports it.) PostgreSQL only.
 */
const serverUrl = inject("databaseUrl");
let server: TestServer;
let app: CreatedApplication;

beforeAll(async () => {
  if (!serverUrl) return;
  server = await startTestServer({ LINNET_AUTH_CACHE_MS: "0" }); // every read goes to the database
  app = await server.createApp({ clientType: "sandbox" });
});
afterAll(() => server?.close());

/** Terminate every connection to this test's database but the one doing it; returns how many. */
async function terminateAll(): Promise<number> {
  const name = new URL(server.linnet.database.connectionString!).pathname.slice(1);
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    const { rows } = await admin.query(
      "SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
      [name],
    );
    return rows.length;
  } finally {
    await admin.end();
  }
}

describe.skipIf(!serverUrl)("the database going away", () => {
  it("requests get 200 or 503 with Retry-After, then succeed again; jobs still run; nothing exits", async () => {
    const created = await http<{ access_token: string }>(server.url, "POST", "/sandbox/connections", {
      basic: app,
      body: { provider_id: "sandbox_payroll", products: ["company", "directory"], employee_size: 3 },
    });
    expect(created.status).toBe(200);
    const bearer = created.body.access_token;
    const read = () => http(server.url, "GET", "/employer/directory", { bearer });
    expect((await read()).status).toBe(200);

    for (let storm = 0; storm < 3; storm++) {
      // wait for the pools to hold connections again (they reconnect lazily), then cut them all
      await pollUntil("connections to terminate", async () => ((await terminateAll()) > 0 ? true : undefined));
      const statuses: number[] = [];
      await pollUntil("a 200 after the connections were terminated", async () => {
        const res = await read();
        statuses.push(res.status);
        if (res.status === 503) {
          expect(res.headers.get("retry-after")).toMatch(/^\d+$/);
          expect(res.body).toMatchObject({ code: 503, name: "service_unavailable_error", finch_code: "service_unavailable" });
        } else expect(res.status).toBe(200);
        return res.status === 200 ? true : undefined;
      });
      expect(statuses.every((s) => s === 200 || s === 503)).toBe(true);
    }

    // pg-boss: its pool was cut too; a new job is still fetched and completed
    await terminateAll();
    const job = await pollUntil("a sync request accepted", async () => {
      const res = await http<{ job_id: string }>(server.url, "POST", "/sandbox/jobs", { bearer, body: { type: "data_sync_all" } });
      return res.status === 200 ? res.body.job_id : undefined;
    });
    await pollUntil("the sync job completed", async () => {
      const res = await http<{ status: string }>(server.url, "GET", `/jobs/automated/${job}`, { bearer });
      return res.body.status === "complete" ? true : undefined;
    });
  }, 120_000);

  it("a connection cut between two queries of a transaction fails the transaction, not the process", async () => {
    const { db } = server.linnet.database;
    const outcome = await db
      .transaction(async (tx) => {
        await tx.execute(sql`SELECT 1`);
        await terminateAll(); // the backend of this transaction's client is among them
        await new Promise((r) => setTimeout(r, 300)); // the client learns of it while no query of its is running
        await tx.execute(sql`SELECT 1`);
        return "committed";
      })
      .catch((err: unknown) => (isDatabaseOutage(err) ? "outage" : `other: ${String(err)}`));
    expect(outcome).toBe("outage");
    // the pool drops the dead client and serves the next query
    await pollUntil("a query after the cut", async () => ((await db.execute(sql`SELECT 1`).catch(() => null)) ? true : undefined));
  });
});

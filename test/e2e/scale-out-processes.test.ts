import http from "node:http";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type CreatedApplication, createApplication } from "../../server/domain/applications/create-application.js";
import { createUser } from "../../server/domain/users/create-user.js";
import { createEndpoint } from "../../server/domain/webhooks/endpoints.js";
import { adminQuery, databaseUrlFor } from "../support/global-setup.js";
import { http as request } from "../support/http.js";
import { installationDeps, installationEnv, killAll, type LinnetProcess, pollUntil, spawnLinnet } from "../support/processes.js";
import { startReceiver, type WebhookReceiver } from "../support/webhook-receiver.js";

/**
 * Several real `linnet serve` processes on one PostgreSQL database, killed and stopped as an operator would:
 * limits and revocations shared between API processes, a worker killed mid-job, an API process stopped under load.
 * PostgreSQL only (the embedded database belongs to one process).
 */
const serverUrl = inject("databaseUrl");
const redisUrl = process.env.LINNET_TEST_REDIS_URL;
const AUTH_CACHE_MS = 500;
const running: LinnetProcess[] = [];
let env: Record<string, string>;
let dbName: string;
let apiA: LinnetProcess;
let apiB: LinnetProcess;
let worker1: LinnetProcess;
let app: CreatedApplication;
let receiver: WebhookReceiver;
let close: () => Promise<void> = async () => {};

beforeAll(async () => {
  if (!serverUrl) return;
  dbName = `linnet_p_${Math.random().toString(16).slice(2, 12)}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${dbName} TEMPLATE ${inject("pgTemplate")}`);
  env = installationEnv(databaseUrlFor(serverUrl, dbName), {
    LINNET_AUTH_CACHE_MS: String(AUTH_CACHE_MS),
    LINNET_RATE_LIMITS: "*=100000,company=4", // the stream below must not be limited
    ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
  });
  const { deps, database } = await installationDeps(env);
  close = () => database.close();
  const created = await createApplication(deps, { name: "Scale", redirectUris: ["http://localhost:3000/cb"], clientType: "sandbox" });
  if (!created.ok) throw created.error;
  app = created.value;
  receiver = await startReceiver();
  const endpoint = await createEndpoint(deps, app.client_id, { url: receiver.url, event_types: [], enabled: true });
  if (!endpoint.ok) throw endpoint.error;
  const user = await createUser(deps, { email: "ops@scale.example", password: "correct horse battery staple", role: "operator" });
  if (!user.ok) throw user.error;
  [apiA, apiB, worker1] = await Promise.all([spawnLinnet("api", env), spawnLinnet("api", env), spawnLinnet("worker", env)]);
  running.push(apiA, apiB, worker1);
  await Promise.all(running.map((p) => p.ready));
}, 240_000);

afterAll(async () => {
  await killAll(running);
  await receiver?.close();
  await close();
  if (serverUrl && dbName) await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
});

async function query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

const sandbox = (base: string, size: number, products = ["company", "directory"]) =>
  request<{ access_token: string; connection_id: string }>(base, "POST", "/sandbox/connections", {
    basic: app,
    body: { provider_id: "sandbox_payroll", products, employee_size: size },
  });

/** Ask `probe` until `2 × LINNET_AUTH_CACHE_MS` have passed since `since`; return the first answer after that. */
async function answerAfterBound(since: number, probe: () => Promise<number>): Promise<number> {
  for (;;) {
    const sentAt = Date.now();
    const status = await probe();
    if (sentAt - since >= 2 * AUTH_CACHE_MS) return status;
  }
}

describe.skipIf(!serverUrl)("two API processes", () => {
  it("a connection disconnected through one is refused by the other within twice LINNET_AUTH_CACHE_MS", async () => {
    const conn = await sandbox(apiA.url, 3);
    expect(conn.status).toBe(200);
    const bearer = conn.body.access_token;
    const readB = async () => (await request(apiB.url, "GET", "/employer/directory", { bearer })).status;
    expect(await readB()).toBe(200); // now cached in B
    expect((await request(apiA.url, "POST", "/disconnect", { bearer })).status).toBe(200);
    const since = Date.now();
    expect(await answerAfterBound(since, readB)).toBe(401);
  });

  it("a console session signed out through one is refused by the other", async () => {
    const signIn = await request<{ csrf_token: string }>(apiA.url, "POST", "/console/api/session", {
      body: { email: "ops@scale.example", password: "correct horse battery staple" },
    });
    expect(signIn.status).toBe(200);
    const cookie = (signIn.headers.get("set-cookie") ?? "").split(";")[0]!;
    const sessionAtB = async () => (await request(apiB.url, "GET", "/console/api/session", { headers: { cookie } })).status;
    expect(await sessionAtB()).toBe(200);
    const out = await request(apiA.url, "DELETE", "/console/api/session", { headers: { cookie, "x-csrf-token": signIn.body.csrf_token } });
    expect(out.status).toBe(204);
    expect(await answerAfterBound(Date.now(), sessionAtB)).toBe(401);
  });

  it.skipIf(!redisUrl)("a rate limit is shared: 4 company reads a minute in all, whichever process answers", async () => {
    const conn = await sandbox(apiA.url, 2);
    const bearer = conn.body.access_token;
    const read = (base: string) => request(base, "GET", "/employer/company", { bearer });
    const statuses = [];
    for (const base of [apiA.url, apiB.url, apiA.url, apiB.url]) statuses.push((await read(base)).status);
    expect(statuses).toEqual([200, 200, 200, 200]);
    const limited = await read(apiB.url);
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toMatch(/^\d+$/);
    expect((await read(apiA.url)).status).toBe(429);
  });
});

describe.skipIf(!serverUrl)("a worker killed mid-job", () => {
  it("the job completes on another worker, published once, one webhook per event", async () => {
    const conn = await sandbox(apiA.url, 3000);
    expect(conn.status).toBe(200);
    const bearer = conn.body.access_token;
    const connectionId = conn.body.connection_id;
    await pollUntil("the sync accepted", async () => {
      const res = await request<{ job_id: string }>(apiA.url, "POST", "/sandbox/jobs", { bearer, body: { type: "data_sync_all" } });
      return res.status === 200 ? res.body.job_id : undefined;
    }).then(async (jobId) => {
      await pollUntil(
        "the sync running on worker 1",
        async () => {
          const [row] = await query<{ status: string }>("SELECT status FROM automated_jobs WHERE id = $1", [jobId]);
          return row?.status === "in_progress" ? true : undefined;
        },
        120_000,
        20,
      );
      worker1.child.kill("SIGKILL");
      await worker1.exited;
      const worker2 = await spawnLinnet("worker", env);
      running.push(worker2);
      await worker2.ready;
      const done = await pollUntil(
        "the sync completed after the lease ran out",
        async () => {
          const [row] = await query<{ status: string }>("SELECT status FROM automated_jobs WHERE id = $1", [jobId]);
          return row && row.status !== "in_progress" && row.status !== "pending" ? row.status : undefined;
        },
        150_000,
        200,
      );
      expect(done).toBe("complete");
      // published once by the job: one org snapshot and one completion event after it started
      const [job] = await query<{ started_at: Date }>("SELECT started_at FROM automated_jobs WHERE id = $1", [jobId]);
      const snapshots = await query<{ n: string }>(
        "SELECT count(*) AS n FROM snapshots WHERE connection_id = $1 AND product_group = 'org' AND published_at >= $2",
        [connectionId, job!.started_at],
      );
      expect(Number(snapshots[0]!.n)).toBe(1);
      const completed = await query<{ id: string }>(
        "SELECT id FROM events WHERE type = 'job.data_sync_all.completed' AND payload->>'job_id' = $1",
        [jobId],
      );
      expect(completed).toHaveLength(1);
      // one webhook per event: once the completion event is fanned out and nothing is pending, each arrived once
      await pollUntil(
        "every webhook delivered",
        async () => {
          const [row] = await query<{ fanned: string; open: string; total: string }>(
            `SELECT (SELECT count(*) FROM webhook_events WHERE source_event_id = $2) AS fanned,
                  (SELECT count(*) FROM webhook_deliveries WHERE application_id = $1 AND state <> 'delivered') AS open,
                  (SELECT count(*) FROM webhook_deliveries WHERE application_id = $1) AS total`,
            [app.client_id, completed[0]!.id],
          );
          const arrived = new Set(receiver.received.map((r) => r.headers["finch-event-id"])).size;
          return Number(row!.fanned) === 1 && Number(row!.open) === 0 && arrived === Number(row!.total) ? true : undefined;
        },
        120_000,
        200,
      );
      const ids = receiver.received.map((r) => r.headers["finch-event-id"]);
      expect(new Set(ids).size).toBe(ids.length);
    });
  }, 360_000);
});

describe.skipIf(!serverUrl)("SIGTERM to an API process under load", () => {
  it("answers every request (200, or 503 with Retry-After) and exits 0", async () => {
    const conn = await sandbox(apiA.url, 3);
    const bearer = conn.body.access_token;
    const port = Number(new URL(apiB.url).port);
    const outcomes: { status?: number; retryAfter?: string; error?: string }[] = [];
    /** One request on its own connection: either an answer, or a refused connection (the listener is closed). */
    const once = () =>
      new Promise<{ status?: number; retryAfter?: string; error?: string }>((resolve) => {
        const req = http.request(
          { host: "127.0.0.1", port, path: "/employer/directory", agent: false, headers: { authorization: `Bearer ${bearer}` } },
          (res) => {
            res.resume();
            res.on("end", () => resolve({ status: res.statusCode, retryAfter: res.headers["retry-after"] as string | undefined }));
          },
        );
        req.on("error", (err: NodeJS.ErrnoException) => resolve({ error: err.code ?? err.message }));
        req.end();
      });
    let signalled = false;
    const client = async () => {
      for (;;) {
        const outcome = await once();
        outcomes.push(outcome);
        if (outcome.status === 503 || outcome.error) return; // told to go elsewhere, or nobody listens any more
        if (!signalled && outcomes.length >= 20) {
          signalled = true;
          apiB.child.kill("SIGTERM");
        }
      }
    };
    await Promise.all([client(), client(), client(), client()]);
    expect(await apiB.exited).toBe(0);
    expect(outcomes.some((o) => o.status === 503)).toBe(true);
    for (const o of outcomes) {
      if (o.error) expect(o.error).toBe("ECONNREFUSED");
      else if (o.status === 503) expect(o.retryAfter).toMatch(/^\d+$/);
      else expect(o.status).toBe(200);
    }
  }, 120_000);
});

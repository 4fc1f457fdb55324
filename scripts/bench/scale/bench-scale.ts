/**
 * `npm run bench:scale`: scale-out on one PostgreSQL, measured in one run.
 *   1. Directory reads (autocannon) against 1 API process, then against 2 at once: requests per second, ratio to
 *      the ideal 2×.
 *   2. BENCH_SCALE_JOBS sandbox `data_sync_all` jobs (default 200) run by 1 worker, then as many by 2 workers:
 *      jobs per minute and their ratio.
 * A benchmark, not a test: it prints figures and exits 0 unless the run itself failed. Every process runs on this
 * machine, load generator included, so the ratio says more about the machine's spare cores than about Linnet.
 * DATABASE_URL: the server (default postgres://postgres@127.0.0.1:5432/test); BENCH_SECONDS per read run (default 10);
 * BENCH_SCALE_PEOPLE per sandbox company in the jobs (default 20).
 */

import { randomBytes } from "node:crypto";
import os from "node:os";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import pg from "pg";
import { type Child, freePort, spawnNode } from "../child.js";
import { exitCleanlyOnSignals, withCleanup } from "../cleanup.js";
import { createBenchDatabase } from "../pg-database.js";

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
const PG_URL = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/test";
const SECONDS = Number(process.env.BENCH_SECONDS || 10);
const JOBS = Number(process.env.BENCH_SCALE_JOBS || 200);
const PEOPLE = Number(process.env.BENCH_SCALE_PEOPLE || 20);
const CONNECTIONS = 20;
const log = (line: string) => console.log(`${new Date().toISOString().slice(11, 19)} ${line}`);

interface Proc {
  child: Child;
  url: string;
}

/** Start `linnet serve --role <role>` on the shared database. */
async function start(role: "api" | "worker", env: Record<string, string>): Promise<Proc> {
  const port = role === "api" ? await freePort() : 0;
  const url = `http://127.0.0.1:${port}`;
  const child = spawnNode(["bin/linnet.mjs", "serve", "--role", role], { ...env, PORT: String(port), LINNET_PUBLIC_URL: url }, ROOT);
  await child.waitFor(role === "api" ? /Linnet is listening/ : /Linnet worker started/, 180_000);
  return { child, url };
}

/** A sandbox application through the CLI, as an operator makes one. */
async function sandboxApp(env: Record<string, string>): Promise<{ client_id: string; client_secret: string }> {
  const child = spawnNode(
    [
      "bin/linnet.mjs",
      "app",
      "create",
      "--name",
      "Scale bench",
      "--redirect-uri",
      "http://localhost:3000/cb",
      "--type",
      "sandbox",
      "--json",
    ],
    env,
    ROOT,
  );
  const match = await child.waitFor(/\{[\s\S]*"client_secret"[\s\S]*\}/, 180_000);
  return JSON.parse(match[0]) as { client_id: string; client_secret: string };
}

/** Run `fn` over `items`, `limit` at a time. */
async function pool<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await fn(items[next++]!);
    }),
  );
}

async function post(url: string, auth: string, body: unknown): Promise<Record<string, string>> {
  const res = await fetch(url, {
    method: "POST",
    headers: { authorization: auth, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (res.status !== 200) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as Record<string, string>;
}

/** Directory reads for SECONDS against each of `urls` at once; total requests per second. */
async function reads(urls: string[], token: string): Promise<number> {
  const runs = await Promise.all(
    urls.map((url) =>
      autocannon({
        url: `${url}/employer/directory`,
        connections: CONNECTIONS / urls.length,
        duration: SECONDS,
        headers: { authorization: `Bearer ${token}` },
      }),
    ),
  );
  for (const r of runs) if (r.non2xx || r.errors) throw new Error(`reads failed: ${r.non2xx} non-2xx, ${r.errors} errors`);
  return runs.reduce((sum, r) => sum + r.requests.average, 0);
}

/** Queue one sync per token, wait until every job has finished; jobs per minute. */
async function syncAll(api: string, tokens: string[], db: pg.Pool): Promise<number> {
  const started = Date.now();
  const ids: string[] = [];
  await pool(tokens, 8, async (token) => {
    ids.push((await post(`${api}/sandbox/jobs`, `Bearer ${token}`, { type: "data_sync_all" })).job_id!);
  });
  for (;;) {
    const { rows } = await db.query(
      "SELECT count(*)::int AS n FROM automated_jobs WHERE id = ANY($1::uuid[]) AND status NOT IN ('pending', 'in_progress')",
      [ids],
    );
    if (rows[0].n === ids.length) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  return (ids.length / (Date.now() - started)) * 60_000;
}

async function main(): Promise<void> {
  exitCleanlyOnSignals(log);
  const database = await createBenchDatabase(PG_URL);
  const children: Proc[] = [];
  const db = new pg.Pool({ connectionString: database.url, max: 2 });
  await withCleanup(
    async () => {
      await Promise.all(children.map((c) => c.child.stop()));
      await db.end();
      await database.drop();
    },
    async () => {
      const env = {
        DATABASE_URL: database.url,
        LINNET_SECRETS_KEY: randomBytes(32).toString("base64"),
        LINNET_HOST: "127.0.0.1",
        LINNET_RATE_LIMITS: "off",
        LINNET_LOG_LEVEL: "warn",
      };
      log(`load average ${os.loadavg()[0]!.toFixed(2)} on ${os.cpus().length} cores; database ${database.name}`);
      const [api1, api2, worker1] = await Promise.all([start("api", env), start("api", env), start("worker", env)]);
      children.push(api1!, api2!, worker1!);
      const app = await sandboxApp(env);
      const basic = `Basic ${Buffer.from(`${app.client_id}:${app.client_secret}`).toString("base64")}`;
      const sandbox = (size: number) =>
        post(`${api1!.url}/sandbox/connections`, basic, {
          provider_id: "sandbox_payroll",
          products: ["company", "directory", "individual", "employment"],
          employee_size: size,
        });

      const reader = (await sandbox(200)).access_token!;
      await reads([api1!.url, api2!.url], reader); // warm both
      const one = await reads([api1!.url], reader);
      const two = await reads([api1!.url, api2!.url], reader);
      log(
        `directory reads: 1 API ${one.toFixed(0)} req/s, 2 APIs ${two.toFixed(0)} req/s: ${(two / one).toFixed(2)}× (ideal 2×, ${((two / one / 2) * 100).toFixed(0)}% of ideal)`,
      );

      log(`creating ${JOBS} sandbox connections of ${PEOPLE} people…`);
      const tokens: string[] = [];
      await pool(
        Array.from({ length: JOBS }, (_, i) => i),
        8,
        async () => {
          tokens.push((await sandbox(PEOPLE)).access_token!);
        },
      );
      const perMinute1 = await syncAll(api1!.url, tokens, db);
      log(`${JOBS} data_sync_all jobs, 1 worker: ${perMinute1.toFixed(0)} jobs/min`);
      children.push(await start("worker", env));
      const perMinute2 = await syncAll(api1!.url, tokens, db);
      log(`${JOBS} data_sync_all jobs, 2 workers: ${perMinute2.toFixed(0)} jobs/min: ${(perMinute2 / perMinute1).toFixed(2)}× (ideal 2×)`);
      log(`load average ${os.loadavg()[0]!.toFixed(2)}`);
    },
  );
}

await main();

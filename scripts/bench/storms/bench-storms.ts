/**
 * `npm run bench:storms`: connection storms against a running Linnet (issue 11, "survive the database going away").
 * Starts `linnet serve` (API and pg-boss workers in one process) on a fresh PostgreSQL database, keeps reads and
 * sandbox syncs going, and runs BENCH_STORMS storms (default 10): each terminates every backend of Linnet's database
 * once a second for BENCH_STORM_SECONDS (default 30), as the issue's probe did, then waits for reads to answer 200
 * again. Prints, per storm, the requests answered, 503s, other failures and the recovery time, and whether the
 * process is still alive: the target is 0 exits. DATABASE_URL: the server (default postgres://postgres@127.0.0.1:5432/test).
 */
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { exitCleanlyOnSignals, withCleanup } from "../cleanup.js";
import { type LinnetProcess, startLinnetProcess } from "../linnet-process.js";
import { createBenchDatabase } from "../pg-database.js";
import { formatTable, num, verdict } from "../table.js";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const PG_URL = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/test";
const STORMS = Number(process.env.BENCH_STORMS ?? 10);
const STORM_SECONDS = Number(process.env.BENCH_STORM_SECONDS ?? 30);
const READERS = 4;
const RECOVERY_TIMEOUT_MS = 60_000;
const log = (line: string) => console.log(`${new Date().toISOString().slice(11, 19)} ${line}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** What the readers saw during one storm. */
interface Tally {
  ok: number;
  unavailable: number;
  other: number;
}

async function sandboxConnection(linnet: LinnetProcess, size: number): Promise<string> {
  const basic = Buffer.from(`${linnet.clientId}:${linnet.clientSecret}`).toString("base64");
  const res = await fetch(`${linnet.url}/sandbox/connections`, {
    method: "POST",
    headers: { authorization: `Basic ${basic}`, "content-type": "application/json" },
    body: JSON.stringify({
      provider_id: "sandbox_payroll",
      employee_size: size,
      products: ["company", "directory", "individual", "employment", "payment", "pay_statement"],
    }),
  });
  if (res.status !== 200) throw new Error(`POST /sandbox/connections: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { access_token: string }).access_token;
}

/** One read that always queries the database (the job list; employer data is served from memory once read): 200, 503 (the documented outage answer) or anything else (a failure). */
async function read(linnet: LinnetProcess, token: string, tally: Tally): Promise<number> {
  try {
    const res = await fetch(`${linnet.url}/jobs/automated`, {
      headers: { authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(10_000),
    });
    await res.arrayBuffer();
    if (res.status === 200) tally.ok++;
    else if (res.status === 503) tally.unavailable++;
    else tally.other++;
    return res.status;
  } catch {
    tally.other++;
    return 0;
  }
}

async function main(): Promise<void> {
  exitCleanlyOnSignals(log);
  const database = await createBenchDatabase(PG_URL);
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await withCleanup(
    async () => {
      await admin.end().catch(() => {});
      await database.drop();
    },
    async () => {
      const linnet = await startLinnetProcess(ROOT, { kind: "postgres", databaseUrl: database.url });
      await withCleanup(
        () => linnet.child.stop(),
        async () => {
          log(
            `bench:storms: ${STORMS} storms of ${STORM_SECONDS} s (every backend of ${database.name} terminated once a second), ${READERS} readers, ${os.cpus().length} cores, load average ${os.loadavg()[0]!.toFixed(2)}`,
          );
          const token = await sandboxConnection(linnet, 200);
          for (let i = 0; i < 120 && (await read(linnet, token, { ok: 0, unavailable: 0, other: 0 })) !== 200; i++) await sleep(500);
          const rows: string[][] = [];
          let exits = 0;
          let unrecovered = 0;
          for (let storm = 1; storm <= STORMS && linnet.child.exited() === null; storm++) {
            const tally: Tally = { ok: 0, unavailable: 0, other: 0 };
            let storming = true;
            const readers = Array.from({ length: READERS }, async () => {
              while (storming) await read(linnet, token, tally);
            });
            // work for pg-boss during the storm: a new sandbox connection queues its data sync
            const syncs = sandboxConnection(linnet, 50).catch(() => null);
            let terminated = 0;
            for (let s = 0; s < STORM_SECONDS; s++) {
              const { rowCount } = await admin.query(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
                [database.name],
              );
              terminated += rowCount ?? 0;
              await sleep(1000);
            }
            storming = false;
            await Promise.all(readers);
            await syncs;
            const stormEnd = performance.now();
            let recoveryMs: number | null = null;
            while (performance.now() - stormEnd < RECOVERY_TIMEOUT_MS && linnet.child.exited() === null) {
              if ((await read(linnet, token, { ok: 0, unavailable: 0, other: 0 })) === 200) {
                recoveryMs = performance.now() - stormEnd;
                break;
              }
              await sleep(200);
            }
            const alive = linnet.child.exited() === null;
            if (!alive) exits++;
            if (recoveryMs === null) unrecovered++;
            rows.push([
              String(storm),
              String(terminated),
              String(tally.ok),
              String(tally.unavailable),
              String(tally.other),
              recoveryMs === null ? "none" : num(recoveryMs / 1000, 1),
              alive ? "yes" : `no (${linnet.child.exited()})`,
            ]);
            if (!alive) log(`Linnet exited; its last output:\n${linnet.child.output().slice(-4000)}`);
            log(
              `storm ${storm}: ${terminated} backends terminated; reads ${tally.ok} ok, ${tally.unavailable} 503, ${tally.other} failed; recovered ${recoveryMs === null ? "never" : `after ${num(recoveryMs / 1000, 1)} s`}; alive ${alive}`,
            );
          }
          console.log("");
          console.log(
            formatTable(
              [
                { title: "storm", right: true },
                { title: "backends killed", right: true },
                { title: "reads 200", right: true },
                { title: "503", right: true },
                { title: "failed", right: true },
                { title: "recovery s", right: true },
                { title: "alive" },
              ],
              rows,
            ),
          );
          console.log("");
          console.log(verdict(exits === 0, `${exits} process exits in ${rows.length} storms`, "0 exits in 10 storms"));
          console.log(
            verdict(unrecovered === 0, `${rows.length - unrecovered} of ${rows.length} storms recovered without a restart`, "all"),
          );
          const crashes = linnet.child
            .output()
            .split("\n")
            .filter((l) => /unhandled|uncaught/i.test(l));
          console.log(
            `unhandled rejections or uncaught exceptions logged: ${crashes.length}${crashes.length ? `; the first: ${crashes[0]!.slice(0, 300)}` : ""}`,
          );
          console.log(
            `load average at the end ${os.loadavg()[0]!.toFixed(2)} (other work on the machine skews the timings, not the exit count)`,
          );
        },
      );
    },
  );
}

await main();

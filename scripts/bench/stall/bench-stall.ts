/**
 * `npm run bench:stall`: read latency on the default embedded database while a large sandbox pay history publishes
 * (issue 11: on PGlite a 20,000-person publish stalled every request for ~65 s). Starts `linnet serve` as `npm start`
 * does, measures sequential directory reads at idle, then again from the moment the publish job runs until it ends,
 * and prints max / p99 of both and their ratio. BENCH_ENGINE=pglite measures the PGlite fallback instead;
 * BENCH_PEOPLE sets the company size (default 20,000). Figures on a busy machine are not meaningful.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { exitCleanlyOnSignals, withCleanup } from "../cleanup.js";
import { startLinnetProcess } from "../linnet-process.js";
import { ALL_PAYMENTS_PATH, bearerFetch } from "../seed.js";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 20_000);
const ENGINE = process.env.BENCH_ENGINE === "pglite" ? "pglite" : "embedded";
const IDLE_READS = 300;
const log = (line: string) => console.log(line);

function summary(ms: number[]): { n: number; p99: number; max: number } {
  const sorted = [...ms].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p99: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))] ?? 0,
    max: sorted[sorted.length - 1] ?? 0,
  };
}

async function timedRead(url: string, token: string): Promise<number> {
  const started = performance.now();
  const res = await bearerFetch(url, token, "/employer/directory");
  await res.arrayBuffer();
  return performance.now() - started;
}

async function sandbox(url: string, basic: string, body: Record<string, unknown>): Promise<string> {
  const res = await fetch(`${url}/sandbox/connections`, {
    method: "POST",
    headers: { authorization: basic, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (res.status !== 200) throw new Error(`POST /sandbox/connections: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { access_token: string }).access_token;
}

async function main(): Promise<void> {
  exitCleanlyOnSignals(log);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "linnet-bench-stall-"));
  log(
    `bench:stall: ${PEOPLE.toLocaleString("en-US")}-person sandbox pay publish on the ${ENGINE === "pglite" ? "PGlite" : "embedded PostgreSQL"} database; load average ${os.loadavg()[0]!.toFixed(2)} on ${os.cpus().length} cores`,
  );
  const linnet = await startLinnetProcess(ROOT, { kind: ENGINE, dataDir });
  await withCleanup(
    async () => {
      await linnet.child.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
    async () => {
      const basic = `Basic ${Buffer.from(`${linnet.clientId}:${linnet.clientSecret}`).toString("base64")}`;
      const reader = await sandbox(linnet.url, basic, { provider_id: "sandbox_hris", employee_size: 5 });
      const idle: number[] = [];
      for (let i = 0; i < IDLE_READS; i++) idle.push(await timedRead(linnet.url, reader));

      const started = performance.now();
      const big = await sandbox(linnet.url, basic, {
        provider_id: "sandbox_payroll",
        employee_size: PEOPLE,
        products: ["company", "directory", "individual", "employment", "payment", "pay_statement"],
      });
      const busy: number[] = [];
      for (let i = 0; ; i++) {
        busy.push(await timedRead(linnet.url, reader));
        if (i % 25 === 0) {
          const pay = await bearerFetch(linnet.url, big, ALL_PAYMENTS_PATH, {}, [200, 202]);
          await pay.arrayBuffer();
          if (pay.status === 200) break;
        }
      }
      const publishS = (performance.now() - started) / 1000;
      const a = summary(idle);
      const b = summary(busy);
      log(`idle:            ${a.n} reads, p99 ${a.p99.toFixed(1)} ms, max ${a.max.toFixed(1)} ms`);
      log(`during publish:  ${b.n} reads over ${publishS.toFixed(1)} s, p99 ${b.p99.toFixed(1)} ms, max ${b.max.toFixed(1)} ms`);
      const slow = busy.filter((ms) => ms > 100).sort((x, y) => y - x);
      log(
        `reads over 100 ms during the publish: ${slow.length} of ${b.n}${
          slow.length
            ? ` (slowest: ${slow
                .slice(0, 5)
                .map((ms) => ms.toFixed(0))
                .join(", ")} ms)`
            : ""
        }`,
      );
      log(
        `ratio (publish / idle): p99 ${(b.p99 / a.p99).toFixed(2)}×, max ${(b.max / a.max).toFixed(2)}× (issue 11 target: no read over 100 ms)`,
      );
      log(`load average ${os.loadavg()[0]!.toFixed(2)}`);
    },
  );
}

await main();

import { randomBytes } from "node:crypto";
import os from "node:os";
import { type Child, freePort, spawnNode } from "./child.js";
import { withCleanup } from "./cleanup.js";
import { type LinnetProcess, type LinnetStorage, startLinnetProcess } from "./linnet-process.js";
import { combineRuns, cpuUsPerRequest, type LoadResult, type LoadSettings, runLoad, waitUntilQuiet, warmUp } from "./load.js";
import { type LoadGenerator, wrkVersion } from "./load-generator.js";
import { type SeededEmployer, seedEmployer } from "./seed.js";
import { type Column, formatTable, num, verdict } from "./table.js";
import { selectedWorkloads, type Workload, workloads } from "./workloads.js";
import { type GeneratorLoadResult, runWrkLoad } from "./wrk-load.js";

/** A workload's latency at one company size. */
export interface ScalePoint {
  size: number;
  workload: string;
  result: LoadResult;
}

/** 50,000 people's p50 may be at most this multiple of 1,000 people's, per workload. */
export const SCALE_MAX_P50_RATIO = 1.5;

/** Untimed requests before each point. */
const SCALE_WARM_UP_REQUESTS = 500;

/**
 * The scale run: companies of each size in `sizes` seeded side by side in one Linnet, then every workload against
 * each company at a modest concurrency, so the figures are per-request latency rather than saturation. A request
 * reads one page, so latency should not grow with the company. Each workload runs `rounds` rounds of `seconds`
 * per company, the companies in turn and in reverse order every other round, and each p50 is the median of its
 * rounds: a single pass measured the smallest company first, right after the largest was seeded, while the
 * database was still busy with it (1,000 people once read 3.4 ms where 10,000 read 1.4). `generator` drives every
 * point: wrk reports latencies in microseconds, autocannon in whole milliseconds (a p50 of 1 or 2 ms says little).
 */
export async function scaleRun(
  root: string,
  storage: LinnetStorage,
  sizes: number[],
  plan: { seconds: number; rounds: number; connections: number; generator: LoadGenerator },
  log: (s: string) => void,
): Promise<ScalePoint[]> {
  const linnet = await startLinnetProcess(root, storage);
  return withCleanup(
    () => linnet.child.stop(),
    async () => {
      const alive = () => linnet.child.exited() === null;
      const seeds: [number, SeededEmployer][] = [];
      for (const size of sizes) {
        const seed = await seedEmployer(linnet, log, size);
        log(`seeded ${size} people (${seed.paymentIds.length} payments) in ${(seed.publishedMs / 1000).toFixed(1)} s`);
        seeds.push([size, seed]);
      }
      await waitUntilQuiet(linnet.url, alive);
      const pid = linnet.child.proc.pid;
      const points: ScalePoint[] = [];
      for (const name of selectedWorkloads(seeds[0]![1]).map((w) => w.name)) {
        const runs = new Map<number, LoadResult[]>(sizes.map((size) => [size, []]));
        for (const [, seed] of seeds) {
          // enough requests for the JIT to optimize the path before any timed round
          await warmUp(linnet.url, workloadOf(seed, name), seed.accessToken, SCALE_WARM_UP_REQUESTS);
        }
        for (let round = 1; round <= plan.rounds; round++) {
          for (const [size, seed] of round % 2 === 1 ? seeds : [...seeds].reverse()) {
            const w = workloadOf(seed, name);
            const settings = { connections: plan.connections, seconds: plan.seconds, token: seed.accessToken };
            const run =
              plan.generator === "wrk"
                ? await runWrkLoad([linnet.url], w, settings, pid === undefined ? [] : [pid])
                : await runLoad(linnet.url, w, settings);
            await waitUntilQuiet(linnet.url, alive);
            runs.get(size)!.push(run);
          }
        }
        for (const size of sizes) {
          const result = combineRuns(runs.get(size)!);
          const p50s = runs
            .get(size)!
            .map((r) => num(r.p50Ms, 2))
            .join(", ");
          log(
            `${size} people, ${name}: p50 ${num(result.p50Ms, 2)} ms (rounds ${p50s}), p99 ${num(result.p99Ms, 2)} ms (load average ${os.loadavg()[0]!.toFixed(2)})`,
          );
          points.push({ size, workload: name, result });
        }
      }
      return points;
    },
  );
}

/** The workload called `name` drawing from `seed`. */
function workloadOf(seed: SeededEmployer, name: string): Workload {
  return workloads(seed).find((w) => w.name === name)!;
}

/** The scale table and, per workload, the largest company's p50 over the smallest's. */
export function scaleReport(database: string, points: ScalePoint[], generator: LoadGenerator): string[] {
  const columns: Column[] = [
    { title: "database" },
    { title: "workload" },
    { title: "people", right: true },
    { title: "req/s", right: true },
    { title: "p50 ms", right: true },
    { title: "p99 ms", right: true },
  ];
  const digits = generator === "wrk" ? 2 : 1;
  const rows = points.map((p) => [
    database,
    p.workload,
    String(p.size),
    num(p.result.rps),
    num(p.result.p50Ms, digits),
    num(p.result.p99Ms, digits),
  ]);
  const lines = [formatTable(columns, rows), ""];
  const sizes = [...new Set(points.map((p) => p.size))].sort((a, b) => a - b);
  const [small, large] = [sizes[0], sizes.at(-1)];
  for (const workload of new Set(points.map((p) => p.workload))) {
    const a = points.find((p) => p.workload === workload && p.size === small)?.result;
    const b = points.find((p) => p.workload === workload && p.size === large)?.result;
    if (!a || !b || small === large) continue;
    // autocannon reports whole milliseconds: a 1 ms floor keeps a 0 ms p50 from making the ratio meaningless
    const floor = generator === "wrk" ? 0.001 : 1;
    const ratio = Math.max(b.p50Ms, floor) / Math.max(a.p50Ms, floor);
    lines.push(
      `${database} ${workload}: p50 at ${large} people / at ${small}: ${verdict(ratio <= SCALE_MAX_P50_RATIO, `${num(ratio, 2)}x`, `<= ${SCALE_MAX_P50_RATIO}x`)}`,
    );
  }
  return lines;
}

/** What the scale-out run measured: directory throughput on one API process and on two. */
export interface ScaleOutResult {
  one: LoadResult;
  two: LoadResult;
  ratio: number;
  /** The load generator of every round, with its version for wrk. */
  generator: LoadGenerator;
  generatorVersion: string | null;
  /** The generator's CPU per request over all rounds, µs (null: not readable). */
  generatorCpuUs: number | null;
}

/** Two API processes on one PostgreSQL must serve at least this multiple of one's directory throughput. */
export const SCALE_OUT_MIN_RATIO = 1.5;

/** A second `serve --role api` beside `first`, on the same database. */
async function secondApi(root: string, databaseUrl: string, secretsKey: string): Promise<{ child: Child; url: string }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env = {
    PORT: String(port),
    LINNET_HOST: "127.0.0.1",
    LINNET_PUBLIC_URL: url,
    LINNET_RATE_LIMITS: "off",
    LINNET_LOG_LEVEL: "warn",
    DATABASE_URL: databaseUrl,
    LINNET_SECRETS_KEY: secretsKey,
  };
  const child = spawnNode(["bin/linnet.mjs", "serve", "--role", "api"], env, root);
  await child.waitFor(/Linnet is listening/, 120_000);
  return { child, url };
}

/**
 * `workload` against all of `urls` at once, the connections split between them, with `generator`: wrk runs one
 * process per URL; autocannon one instance per URL inside this process (its CPU is this process's during the run).
 */
async function loadOn(
  generator: LoadGenerator,
  urls: string[],
  pids: (number | undefined)[],
  workload: Workload,
  settings: LoadSettings,
): Promise<GeneratorLoadResult> {
  if (generator === "wrk")
    return runWrkLoad(
      urls,
      workload,
      settings,
      pids.filter((pid) => pid !== undefined),
    );
  const cpuBefore = process.cpuUsage();
  const parts = await Promise.all(
    urls.map((url, i) => runLoad(url, workload, { ...settings, connections: settings.connections / urls.length }, pids[i])),
  );
  const cpu = process.cpuUsage(cpuBefore);
  const sum = (f: (r: LoadResult) => number) => parts.reduce((total, r) => total + f(r), 0);
  return {
    ...combineRuns(parts),
    rps: sum((r) => r.rps),
    bytesPerSec: sum((r) => r.bytesPerSec),
    generatorCpuMs: (cpu.user + cpu.system) / 1000,
  };
}

/** µs per request, or "n/a". */
const perRequest = (ms: number | null, requests: number) => (ms === null || requests === 0 ? "n/a" : num((ms * 1000) / requests));

/**
 * The scale-out run on PostgreSQL: one Linnet (all roles) seeds a 10,000-person company, a second process with
 * `--role api` joins, and the directory workload runs in alternating rounds against the first alone and against
 * both with the connections split between them (two ports, as a load balancer would). `generator` drives every
 * round, the one-process and the two-process rounds alike, so the ratio compares like with like.
 */
export async function scaleOutRun(
  root: string,
  databaseUrl: string,
  seconds: number,
  rounds: number,
  connections: number,
  generator: LoadGenerator,
  log: (s: string) => void,
): Promise<ScaleOutResult> {
  const secretsKey = randomBytes(32).toString("base64");
  const first: LinnetProcess = await startLinnetProcess(root, { kind: "postgres", databaseUrl, secretsKey });
  return withCleanup(
    () => first.child.stop(),
    async () => {
      const seed = await seedEmployer(first, log);
      const second = await secondApi(root, databaseUrl, secretsKey);
      return withCleanup(
        () => second.child.stop(),
        async () => {
          const directory = workloads(seed).find((w) => w.name === "directory")!;
          const settings = { connections, seconds: seconds / rounds, token: seed.accessToken };
          for (const url of [first.url, second.url]) await warmUp(url, directory, seed.accessToken, 20);
          // a second of load on both, untimed, so the second process's JIT is not warmed up inside round 1
          const pids = [first.child.proc.pid, second.child.proc.pid];
          await loadOn(generator, [first.url, second.url], pids, directory, { ...settings, seconds: 1 });
          await waitUntilQuiet(first.url, () => first.child.exited() === null);
          await waitUntilQuiet(second.url, () => second.child.exited() === null);
          const ones: GeneratorLoadResult[] = [];
          const twos: GeneratorLoadResult[] = [];
          for (let round = 1; round <= rounds; round++) {
            const one = await loadOn(generator, [first.url], [pids[0]], directory, settings);
            const two = await loadOn(generator, [first.url, second.url], pids, directory, settings);
            ones.push(one);
            twos.push(two);
            const cpu = (r: GeneratorLoadResult) =>
              `${perRequest(r.generatorCpuMs, r.requests)} µs ${generator} / ${num(cpuUsPerRequest(r))} µs servers CPU per request`;
            log(
              `scale-out round ${round}/${rounds} (${generator}): 1 API ${one.rps.toFixed(0)} req/s (${cpu(one)}), 2 APIs ${two.rps.toFixed(0)} req/s (${cpu(two)}); load average ${os.loadavg()[0]!.toFixed(2)}`,
            );
          }
          const one = combineRuns(ones);
          const two = combineRuns(twos);
          const all = [...ones, ...twos];
          const generatorCpuMs = all.some((r) => r.generatorCpuMs === null) ? null : all.reduce((sum, r) => sum + r.generatorCpuMs!, 0);
          return {
            one,
            two,
            ratio: two.rps / one.rps,
            generator,
            generatorVersion: generator === "wrk" ? wrkVersion() : null,
            generatorCpuUs: generatorCpuMs === null ? null : (generatorCpuMs * 1000) / all.reduce((sum, r) => sum + r.requests, 0),
          };
        },
      );
    },
  );
}

/** The scale-out lines of the report. */
export function scaleOutReport(r: ScaleOutResult): string[] {
  const cores = os.cpus().length;
  const servers = [r.one, r.two].some((x) => x.serverCpuMs === null)
    ? null
    : ((r.one.serverCpuMs! + r.two.serverCpuMs!) * 1000) / (r.one.requests + r.two.requests);
  const cpu = `${num(r.generatorCpuUs)} µs of its CPU per request, the servers ${num(servers)} µs`;
  const generatorLine =
    r.generator === "wrk"
      ? `load generator: wrk ${r.generatorVersion ?? ""} (one process per API port, one thread each, outside this Node process): ${cpu}`
      : `load generator: autocannon, inside this bench's single Node process (one JS thread): ${cpu}; on ${cores} cores the generator is likely the bottleneck, so the ratio understates scale-out; install wrk (apt-get install wrk) to measure the servers`;
  const failed = r.one.non2xx + r.one.errors + r.two.non2xx + r.two.errors;
  return [
    ...(failed > 0
      ? [
          `postgres directory: ${failed} failed requests (1 API: ${r.one.non2xx} non-2xx, ${r.one.errors} errors; 2 APIs: ${r.two.non2xx}, ${r.two.errors})`,
        ]
      : []),
    `postgres directory, 1 API process: ${num(r.one.rps)} req/s (p99 ${num(r.one.p99Ms, 1)} ms); 2 API processes: ${num(r.two.rps)} req/s (p99 ${num(r.two.p99Ms, 1)} ms)`,
    `postgres directory, 2 API processes / 1: ${verdict(r.ratio >= SCALE_OUT_MIN_RATIO, `${num(r.ratio, 2)}x`, `>= ${SCALE_OUT_MIN_RATIO}x`)} (${cores} cores shared with the load generator)`,
    generatorLine,
  ];
}

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { captureFixtures, meanBodyBytes, startBaseline } from "./baseline.js";
import { rssMiB } from "./child.js";
import { withCleanup } from "./cleanup.js";
import { type LinnetProcess, type LinnetStorage, startLinnetProcess } from "./linnet-process.js";
import {
  combineRuns,
  cpuUsPerRequest,
  type LoadPlan,
  type LoadResult,
  type LoadSettings,
  runLoad,
  waitUntilQuiet,
  warmUp,
} from "./load.js";
import { type CrawlResult, crawlDirectory } from "./sdk-crawl.js";
import { seedEmployer } from "./seed.js";
import { fixtureKey, selectedWorkloads, type Workload } from "./workloads.js";
import { type GeneratorLoadResult, runWrkLoad } from "./wrk-load.js";

/** One workload's numbers on Linnet and on the baseline. */
export interface WorkloadReport {
  name: string;
  linnet: LoadResult;
  /** Linnet's RSS right after its run, MiB. */
  rssMiB: number | null;
  baseline: LoadResult | null;
  /** How long Linnet kept working off queued requests after its runs ended, ms (the longest of the rounds). */
  drainMs: number;
  /** Linnet req/s over the baseline's, round by round. */
  roundRatios: number[];
  /** Mean response body size, bytes. */
  bodyBytes: number | null;
}

/** Everything measured on one database. */
export interface TargetReport {
  database: string;
  startMs: number;
  connectMs: number;
  publishedMs: number;
  idleRssMiB: number | null;
  crawl: CrawlResult | null;
  workloads: WorkloadReport[];
}

/** Sequential requests per workload before its timed runs (a failure here says what went wrong plainly). */
const WARM_UP_REQUESTS = 5;
/**
 * Then a short untimed run under full load for each server, so the timed rounds measure steady state rather than
 * the JIT compiling Linnet's hot path (the bare baseline has next to nothing to compile).
 */
const WARM_UP_SECONDS = 1;

/**
 * One run of `w` against `url` with the plan's generator; `pid` is the server's, for its CPU time. With wrk,
 * `countStatuses` makes it count every answer other than 200 (costly for big answers: see `runWrkLoad`).
 */
function runWith(
  load: LoadPlan,
  url: string,
  w: Workload,
  settings: LoadSettings,
  pid?: number,
  countStatuses = false,
): Promise<LoadResult & Partial<GeneratorLoadResult>> {
  return load.generator === "wrk"
    ? runWrkLoad([url], w, settings, pid === undefined ? [] : [pid], { countStatuses })
    : runLoad(url, w, settings, pid);
}

/**
 * The untimed warm-up run under full load; with wrk it counts every answer other than 200 (the timed rounds count
 * only status >= 400, see `runWrkLoad`) and fails on any.
 */
async function warmUpUnderLoad(
  load: LoadPlan,
  server: string,
  url: string,
  w: Workload,
  settings: LoadSettings,
  log: (s: string) => void,
): Promise<void> {
  const r = await runWith(load, url, w, { ...settings, seconds: WARM_UP_SECONDS }, undefined, true);
  if (load.generator !== "wrk") return;
  if (r.non2xx > 0)
    throw new Error(`${w.name} warm-up run on ${server}: ${r.non2xx} of ${r.requests} answers were not 200 (${r.statuses})`);
  log(`${w.name} warm-up run on ${server}: all ${r.requests} answers 200, ${(r.bytesPerSec / r.rps / 1024).toFixed(1)} KB read per answer`);
}

/**
 * Start Linnet on `storage`, seed, then measure each workload in alternating rounds (Linnet, baseline, Linnet, …)
 * so that both servers see the same machine: on a shared VM the speed available drifts by a third within a minute,
 * and one long run of each, a minute apart, measured the drift as much as the servers. Then the SDK crawl.
 */
export async function runTarget(
  root: string,
  database: string,
  storage: LinnetStorage,
  load: LoadPlan,
  log: (s: string) => void,
): Promise<TargetReport> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "linnet-bench-"));
  return withCleanup(
    () => fs.rmSync(work, { recursive: true, force: true }),
    async () => {
      const t0 = performance.now();
      const linnet = await startLinnetProcess(root, storage);
      const startMs = performance.now() - t0;
      log(`[${database}] Linnet listening at ${linnet.url} after ${(startMs / 1000).toFixed(1)} s (pid ${linnet.child.proc.pid})`);
      const measured = await withCleanup(
        () => linnet.child.stop(),
        () =>
          measure(root, linnet, path.join(work, "fixtures.json"), load, (s) => log(`[${database}] ${s}`)).catch((err: unknown) =>
            explainFailure(err, linnet),
          ),
      );
      reportServerLog(linnet.child.output(), (s) => log(`[${database}] ${s}`));
      return {
        database,
        startMs,
        connectMs: measured.seed.connectMs,
        publishedMs: measured.seed.publishedMs,
        idleRssMiB: measured.idleRssMiB,
        crawl: measured.crawl,
        workloads: measured.workloads,
      };
    },
  );
}

/** Seed, capture the baseline's fixtures, run each workload's rounds on Linnet and the baseline, then the SDK crawl. */
async function measure(root: string, linnet: LinnetProcess, fixturesFile: string, load: LoadPlan, log: (s: string) => void) {
  const alive = () => linnet.child.exited() === null;
  const seed = await seedEmployer(linnet, log);
  log(
    `seeded: ${seed.individualIds.length} people, ${seed.paymentIds.length} payments, pay history published after ${(seed.publishedMs / 1000).toFixed(1)} s`,
  );
  const settings: LoadSettings = { connections: load.connections, seconds: load.seconds / load.rounds, token: seed.accessToken };
  const list = selectedWorkloads(seed);
  await captureFixtures(linnet.url, seed.accessToken, list, fixturesFile);
  const bodies = meanBodyBytes(fixturesFile);
  await waitUntilQuiet(linnet.url, alive);
  const idleRssMiB = rssMiB(linnet.child.proc.pid);
  const baseline = await startBaseline(root, fixturesFile);
  const reports = await withCleanup(
    () => baseline.child.stop(),
    async () => {
      const out: WorkloadReport[] = [];
      for (const w of list) {
        await warmUp(linnet.url, w, seed.accessToken, WARM_UP_REQUESTS);
        await warmUp(baseline.url, w, seed.accessToken, WARM_UP_REQUESTS);
        await warmUpUnderLoad(load, "Linnet", linnet.url, w, settings, log);
        await waitUntilQuiet(linnet.url, alive);
        await warmUpUnderLoad(load, "the baseline", baseline.url, w, settings, log);
        const linnetRuns: LoadResult[] = [];
        const baselineRuns: LoadResult[] = [];
        let rss: number | null = null;
        let drainMs = 0;
        for (let round = 1; round <= load.rounds; round++) {
          log(
            `${w.name} round ${round}/${load.rounds} (${load.connections} connections, ${settings.seconds} s each; load average ${os.loadavg()[0]!.toFixed(2)})`,
          );
          const linnetRun = await runWith(load, linnet.url, w, settings, linnet.child.proc.pid);
          linnetRuns.push(linnetRun);
          rss = Math.max(rss ?? 0, rssMiB(linnet.child.proc.pid) ?? 0);
          const drained = await waitUntilQuiet(linnet.url, alive);
          if (drained > 1000) log(`Linnet was still busy ${(drained / 1000).toFixed(1)} s after the ${w.name} run ended`);
          drainMs = Math.max(drainMs, drained);
          const baselineRun = await runWith(load, baseline.url, w, settings, baseline.child.proc.pid);
          baselineRuns.push(baselineRun);
          const cpu = (r: LoadResult & Partial<GeneratorLoadResult>) => {
            const generator = typeof r.generatorCpuMs === "number" && r.requests > 0 ? (r.generatorCpuMs * 1000) / r.requests : null;
            return `${cpuUsPerRequest(r)?.toFixed(0) ?? "?"} µs CPU/req${generator === null ? "" : `, wrk ${generator.toFixed(0)} µs/req`}`;
          };
          log(
            `  linnet ${linnetRun.rps.toFixed(0)} req/s (${cpu(linnetRun)}), baseline ${baselineRun.rps.toFixed(0)} req/s (${cpu(baselineRun)})`,
          );
        }
        out.push({
          name: w.name,
          linnet: combineRuns(linnetRuns),
          rssMiB: rss,
          baseline: combineRuns(baselineRuns),
          drainMs,
          roundRatios: linnetRuns.map((r, i) => r.rps / baselineRuns[i]!.rps),
          bodyBytes: bodies[fixtureKey(w.method, w.route, w.headers?.["accept-encoding"])] ?? null,
        });
      }
      return out;
    },
  );
  log("SDK directory crawl");
  const crawl = await crawlDirectory(linnet.url, seed.accessToken);
  return { seed, idleRssMiB, crawl, workloads: reports };
}

/** Rethrow `err`, saying so when Linnet itself stopped or was shutting down (503s), with its last output. */
async function explainFailure(err: unknown, linnet: LinnetProcess): Promise<never> {
  await new Promise((r) => setTimeout(r, 2000)); // a server that is shutting down has a moment to exit
  const ended = linnet.child.exited();
  const output = linnet.child.output();
  if (ended || output.includes("shutting down")) {
    throw new Error(
      `${String(err)}; Linnet ${ended ? `exited (${ended})` : "was shutting down"}, its last output:\n${output.slice(-3000)}`,
    );
  }
  throw err;
}

/** Log how many warnings and errors Linnet printed (pino JSON lines at level 40 and above), with the first few. */
function reportServerLog(output: string, log: (s: string) => void): void {
  const lines = output.split("\n").filter((l) => /"level":(40|50|60)\b/.test(l));
  if (lines.length === 0) return;
  log(`Linnet logged ${lines.length} warnings or errors; the first:`);
  for (const l of lines.slice(0, 3)) log(`  ${l.slice(0, 400)}`);
}

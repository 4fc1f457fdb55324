import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { captureFixtures, meanBodyBytes, startBaseline } from "./baseline.js";
import { rssMiB } from "./child.js";
import { withCleanup } from "./cleanup.js";
import { type LoadResult, type LoadSettings, runLoad, waitUntilQuiet, warmUp } from "./load.js";
import { type LinnetProcess, type LinnetStorage, startLinnetProcess } from "./linnet-process.js";
import { type CrawlResult, crawlDirectory } from "./sdk-crawl.js";
import { seedEmployer } from "./seed.js";
import { workloads } from "./workloads.js";

/** One workload's numbers on Linnet and on the baseline. */
export interface WorkloadReport {
  name: string;
  linnet: LoadResult;
  /** Linnet's RSS right after its run, MiB. */
  rssMiB: number | null;
  baseline: LoadResult | null;
  /** How long Linnet kept working off queued requests after the run ended, ms. */
  drainMs: number;
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

/** Sequential requests per workload before its timed run. */
const WARM_UP_REQUESTS = 5;

/** Start Linnet on `storage`, seed, measure the three workloads and the SDK crawl, then the baseline. */
export async function runTarget(root: string, database: string, storage: LinnetStorage, load: Omit<LoadSettings, "token">, log: (s: string) => void): Promise<TargetReport> {
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
        () => measureLinnet(linnet, path.join(work, "fixtures.json"), load, (s) => log(`[${database}] ${s}`)).catch((err: unknown) => explainFailure(err, linnet)),
      );
      reportServerLog(linnet.child.output(), (s) => log(`[${database}] ${s}`));
      await runBaseline(root, measured.fixturesFile, measured.list, measured.workloads, measured.settings, (s) => log(`[${database}] ${s}`));
      return { database, startMs, connectMs: measured.seed.connectMs, publishedMs: measured.seed.publishedMs, idleRssMiB: measured.idleRssMiB, crawl: measured.crawl, workloads: measured.workloads };
    },
  );
}

/** Seed, capture the baseline's fixtures, run each workload on Linnet (RSS and drain after each), then the SDK crawl. */
async function measureLinnet(linnet: LinnetProcess, fixturesFile: string, load: Omit<LoadSettings, "token">, log: (s: string) => void) {
  const alive = () => linnet.child.exited() === null;
  const seed = await seedEmployer(linnet, log);
  log(`seeded: ${seed.individualIds.length} people, ${seed.paymentIds.length} payments, pay history published after ${(seed.publishedMs / 1000).toFixed(1)} s`);
  const settings = { ...load, token: seed.accessToken };
  const list = workloads(seed);
  await captureFixtures(linnet.url, seed.accessToken, list, fixturesFile);
  const bodies = meanBodyBytes(fixturesFile);
  await waitUntilQuiet(linnet.url, alive);
  const idleRssMiB = rssMiB(linnet.child.proc.pid);
  const reports: WorkloadReport[] = [];
  for (const w of list) {
    await warmUp(linnet.url, w, seed.accessToken, WARM_UP_REQUESTS);
    log(`load ${w.name} on Linnet (${load.connections} connections, ${load.seconds} s; load average ${os.loadavg()[0]!.toFixed(2)})`);
    const linnetResult = await runLoad(linnet.url, w, settings);
    const rss = rssMiB(linnet.child.proc.pid);
    const drainMs = await waitUntilQuiet(linnet.url, alive);
    if (drainMs > 1000) log(`Linnet was still busy ${(drainMs / 1000).toFixed(1)} s after the ${w.name} run ended`);
    reports.push({ name: w.name, linnet: linnetResult, rssMiB: rss, baseline: null, drainMs, bodyBytes: bodies[`${w.method} ${w.route}`] ?? null });
  }
  log("SDK directory crawl");
  const crawl = await crawlDirectory(linnet.url, seed.accessToken);
  return { seed, settings, list, fixturesFile, idleRssMiB, crawl, workloads: reports };
}

/** Rethrow `err`, saying so when Linnet itself stopped or was shutting down (503s), with its last output. */
async function explainFailure(err: unknown, linnet: LinnetProcess): Promise<never> {
  await new Promise((r) => setTimeout(r, 2000)); // a server that is shutting down has a moment to exit
  const ended = linnet.child.exited();
  const output = linnet.child.output();
  if (ended || output.includes("shutting down")) {
    throw new Error(`${String(err)}; Linnet ${ended ? `exited (${ended})` : "was shutting down"}, its last output:\n${output.slice(-3000)}`);
  }
  throw err;
}

/** Run every workload against the baseline server serving the captured fixtures. */
async function runBaseline(root: string, fixturesFile: string, list: ReturnType<typeof workloads>, reports: WorkloadReport[], settings: LoadSettings, log: (s: string) => void): Promise<void> {
  const baseline = await startBaseline(root, fixturesFile);
  try {
    for (const [i, w] of list.entries()) {
      await warmUp(baseline.url, w, settings.token, WARM_UP_REQUESTS);
      log(`load ${w.name} on the baseline`);
      reports[i]!.baseline = await runLoad(baseline.url, w, settings);
    }
  } finally {
    await baseline.child.stop();
  }
}

/** Log how many warnings and errors Linnet printed (pino JSON lines at level 40 and above), with the first few. */
function reportServerLog(output: string, log: (s: string) => void): void {
  const lines = output.split("\n").filter((l) => /"level":(40|50|60)\b/.test(l));
  if (lines.length === 0) return;
  log(`Linnet logged ${lines.length} warnings or errors; the first:`);
  for (const l of lines.slice(0, 3)) log(`  ${l.slice(0, 400)}`);
}

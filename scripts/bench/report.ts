import { cpuUsPerRequest } from "./load.js";
import type { TargetReport } from "./run-target.js";
import { EMPLOYEE_SIZE } from "./seed.js";
import { type Column, formatTable, num, verdict } from "./table.js";

/** Issue 15's targets per workload: throughput at least this fraction of the baseline's, and a p99 ceiling (ms). */
const WORKLOAD_TARGETS: { name: string; minRatio: number; maxP99Ms: number | null }[] = [
  { name: "directory", minRatio: 0.75, maxP99Ms: 10 },
  { name: "individual", minRatio: 0.7, maxP99Ms: null },
  { name: "pay-statement", minRatio: 0.5, maxP99Ms: 150 },
  // the same requests as the official SDK sends them (`accept-encoding: gzip, deflate`), gzip answers on both sides
  { name: "pay-statement-gzip", minRatio: 0.5, maxP99Ms: 150 },
];
/** Full SDK crawl of the directory, ms. */
export const CRAWL_MAX_MS = 2000;

const COLUMNS: Column[] = [
  { title: "database" },
  { title: "workload" },
  { title: "server" },
  { title: "req/s", right: true },
  { title: "p50 ms", right: true },
  { title: "p99 ms", right: true },
  { title: "non-2xx", right: true },
  { title: "errors", right: true },
  { title: "MB/s", right: true },
  { title: "body KB", right: true },
  { title: "RSS MiB", right: true },
  { title: "drain s", right: true },
  { title: "ratio", right: true },
  { title: "rounds" },
  { title: "CPU µs/req", right: true },
  { title: "CPU ratio", right: true },
];

/** The results table: a Linnet row and a baseline row per workload and database. */
export function resultsTable(reports: TargetReport[]): string {
  const rows: string[][] = [];
  for (const r of reports) {
    for (const w of r.workloads) {
      const ratio = w.baseline ? w.linnet.rps / w.baseline.rps : null;
      const body = num(w.bodyBytes === null ? null : w.bodyBytes / 1024, 1);
      const rounds = w.roundRatios.map((x) => num(x, 2)).join(" ");
      const linnetCpu = cpuUsPerRequest(w.linnet);
      const baselineCpu = w.baseline ? cpuUsPerRequest(w.baseline) : null;
      // baseline CPU per request over Linnet's: the throughput ratio two servers bound by CPU alone would show
      const cpuRatio = linnetCpu && baselineCpu ? `${num(baselineCpu / linnetCpu, 2)}x` : "";
      for (const [server, res, rss, drain, ratioCell, roundsCell, cpu, cpuRatioCell] of [
        ["linnet", w.linnet, num(w.rssMiB), num(w.drainMs / 1000, 1), `${num(ratio, 2)}x`, rounds, num(linnetCpu), cpuRatio],
        ["baseline", w.baseline, "", "", "", "", num(baselineCpu), ""],
      ] as const) {
        rows.push([
          r.database,
          w.name,
          server,
          num(res?.rps, res && res.rps < 100 ? 1 : 0),
          num(res?.p50Ms, 1),
          num(res?.p99Ms, 1),
          num(res?.non2xx),
          num(res?.errors),
          num(res ? res.bytesPerSec / 1e6 : null, 1),
          body,
          rss,
          drain,
          ratioCell,
          roundsCell,
          cpu,
          cpuRatioCell,
        ]);
      }
    }
  }
  return formatTable(COLUMNS, rows);
}

/** Start, seeding and crawl times per database. */
export function timingsTable(reports: TargetReport[]): string {
  return formatTable(
    [
      { title: "database" },
      { title: "first start s", right: true },
      { title: "connection s", right: true },
      { title: "pay history s", right: true },
      { title: "idle RSS MiB", right: true },
      { title: "SDK crawl ms", right: true },
      { title: "crawl count", right: true },
    ],
    reports.map((r) => [
      r.database,
      num(r.startMs / 1000, 1),
      num(r.connectMs / 1000, 1),
      num(r.publishedMs / 1000, 1),
      num(r.idleRssMiB),
      num(r.crawl?.ms),
      num(r.crawl?.count),
    ]),
  );
}

/** Each target, met or not, per database. */
export function targetLines(reports: TargetReport[]): string[] {
  const lines: string[] = [];
  for (const r of reports) {
    for (const target of WORKLOAD_TARGETS) {
      const w = r.workloads.find((x) => x.name === target.name);
      if (!w) continue;
      const ratio = w.baseline ? w.linnet.rps / w.baseline.rps : Number.NaN;
      const rounds = `, rounds ${num(Math.min(...w.roundRatios), 2)}–${num(Math.max(...w.roundRatios), 2)}x`;
      const label = `${target.name} throughput`.padEnd(22);
      lines.push(
        `[${r.database}] ${label} ${verdict(ratio >= target.minRatio, `${num(ratio, 2)}x baseline${rounds}`, `>= ${target.minRatio}x`)}`,
      );
      if (target.maxP99Ms !== null) {
        const p99 = w.linnet.p99Ms;
        const base = w.baseline ? ` (baseline ${num(w.baseline.p99Ms, 1)} ms)` : "";
        lines.push(
          `[${r.database}] ${`${target.name} p99`.padEnd(22)} ${verdict(p99 <= target.maxP99Ms, `${num(p99, 1)} ms${base}`, `<= ${target.maxP99Ms} ms`)}`,
        );
      }
    }
    const crawl = r.crawl;
    const crawlOk = !!crawl && crawl.ms < CRAWL_MAX_MS && crawl.count === EMPLOYEE_SIZE;
    lines.push(
      `[${r.database}] SDK directory crawl    ${verdict(crawlOk, `${num(crawl?.ms)} ms, ${num(crawl?.count)} people`, `< ${CRAWL_MAX_MS} ms, ${EMPLOYEE_SIZE} people`)}`,
    );
  }
  return lines;
}

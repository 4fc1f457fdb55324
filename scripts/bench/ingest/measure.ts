/**
 * One measurement of the ingestion benchmark, in its own process so its memory is its own: a warm-up pass over a
 * small census, then one timed pass.
 *   node --expose-gc --import tsx measure.ts bare <next.csv> <warmup.csv>
 *   node --expose-gc --import tsx measure.ts pipeline <next.csv> <warmup.csv> <previous.csv>
 * Prints one JSON line: wall and CPU time (ms), per-step times and counts of the pipeline, and peak RSS (MiB).
 */
import fs from "node:fs";
import { parse } from "csv-parse/sync";
import type { OrgSnapshotInput } from "../../../contracts/linnet/snapshot-input.js";
import { BUILTIN_TEMPLATES, detectMapping, diffOrg, mapOrg, parseUpload, validateOrg } from "../../../server/domain/ingestion/index.js";
import { startRssSampler } from "./rss-sampler.js";

const company: OrgSnapshotInput["company"] = {
  legal_name: "Benchmark Holdings, Inc.",
  entity: { type: "corporation", subtype: "c_corporation" },
  primary_email: null,
  primary_phone_number: null,
  departments: null,
  ein: "12-3456789",
  locations: null,
  accounts: null,
};

/** CPU time (user + system, all threads of this process) since a `process.cpuUsage()` reading, in ms. */
const cpuMsSince = (start: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};

const collect = () => (globalThis as { gc?: () => void }).gc?.();

/** Parse and map a census without timing it (the previous version, as if it were the published one). */
async function mapCensus(bytes: Uint8Array): Promise<OrgSnapshotInput> {
  const parsed = await parseUpload(bytes, "previous.csv");
  if (!parsed.ok) throw new Error(parsed.error.message);
  const detected = detectMapping(parsed.value.headers, BUILTIN_TEMPLATES);
  if (!detected) throw new Error("previous: no template matched");
  return mapOrg(parsed.value, detected.template.mapping, { company }).input;
}

/** The whole pipeline once, with the time of each step. */
async function pipeline(bytes: Uint8Array, previous: OrgSnapshotInput, previousIds: Set<string>) {
  const steps: Record<string, number> = {};
  let t = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    steps[name] = Math.round(now - t);
    t = now;
  };
  const parsed = await parseUpload(bytes, "census.csv");
  if (!parsed.ok) throw new Error(parsed.error.message);
  lap("parseUpload");
  const detected = detectMapping(parsed.value.headers, BUILTIN_TEMPLATES);
  if (!detected) throw new Error("no template matched");
  lap("detectMapping");
  const mapped = mapOrg(parsed.value, detected.template.mapping, { company });
  lap("mapOrg");
  const report = validateOrg(mapped.input, mapped.issues, { previousSourceIds: previousIds });
  lap("validateOrg");
  const diff = diffOrg(previous, mapped.input);
  lap("diffOrg");
  return {
    steps,
    rows: parsed.value.rows.length,
    template: detected.template.provider_id,
    score: detected.score,
    report: { ok: report.ok, errors: report.counts.errors, warnings: report.counts.warnings },
    diff: diff.counts,
  };
}

const [mode, nextFile, warmupFile, previousFile] = process.argv.slice(2);
if (!mode || !nextFile || !warmupFile) throw new Error("usage: measure.ts bare|pipeline <next.csv> <warmup.csv> [previous.csv]");
const next = new Uint8Array(fs.readFileSync(nextFile));
const warmup = new Uint8Array(fs.readFileSync(warmupFile));
const sampler = startRssSampler(50);
let ms: number;
let cpuMs: number;
let detail: unknown;
if (mode === "bare") {
  parse(Buffer.from(warmup), { columns: false, bom: true });
  collect();
  const t = performance.now();
  const cpu = process.cpuUsage();
  const records = parse(Buffer.from(next.buffer, next.byteOffset, next.byteLength), { columns: false, bom: true });
  cpuMs = cpuMsSince(cpu);
  ms = performance.now() - t;
  detail = { rows: records.length - 1 };
} else {
  if (!previousFile) throw new Error("pipeline needs the previous census");
  const previous = await mapCensus(new Uint8Array(fs.readFileSync(previousFile)));
  const previousIds = new Set(previous.people.map((p) => p.source_id));
  await pipeline(warmup, previous, previousIds);
  collect();
  const t = performance.now();
  const cpu = process.cpuUsage();
  detail = await pipeline(next, previous, previousIds);
  cpuMs = cpuMsSince(cpu);
  ms = performance.now() - t;
}
await new Promise((resolve) => setTimeout(resolve, 120));
const peakSampled = sampler.peakMiB();
await sampler.stop();
const peakKernel = Math.ceil(process.resourceUsage().maxRSS / 1024);
console.log(
  JSON.stringify({ mode, ms: Math.round(ms), cpuMs: Math.round(cpuMs), detail, peakSampledMiB: peakSampled, peakKernelMiB: peakKernel }),
);

/**
 * One measurement of the ingestion benchmark, in its own process so its memory is its own:
 *   node --expose-gc --import tsx measure.ts bare <next.csv> <warmup.csv>
 *   node --expose-gc --import tsx measure.ts pipeline <next.csv> <warmup.csv> <previous.csv>
 * Prints one JSON line: run times (ms), per-step times of the fastest pipeline run, counts, and peak RSS.
 */
import fs from "node:fs";
import { parse } from "csv-parse/sync";
import type { OrgSnapshotInput } from "../../../contracts/linnet/snapshot-input.js";
import { BUILTIN_TEMPLATES, detectMapping, diffOrg, mapOrg, parseUpload, validateOrg } from "../../../server/domain/ingestion/index.js";
import { startRssSampler } from "./rss-sampler.js";

/** Timed runs per mode (the median is reported). */
const RUNS = 3;

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
  return { steps, rows: parsed.value.rows.length, template: detected.template.provider_id, score: detected.score, report: { ok: report.ok, errors: report.counts.errors, warnings: report.counts.warnings }, diff: diff.counts };
}

const [mode, nextFile, warmupFile, previousFile] = process.argv.slice(2);
if (!mode || !nextFile || !warmupFile) throw new Error("usage: measure.ts bare|pipeline <next.csv> <warmup.csv> [previous.csv]");
const next = new Uint8Array(fs.readFileSync(nextFile));
const warmup = new Uint8Array(fs.readFileSync(warmupFile));
const sampler = startRssSampler(50);
const times: number[] = [];
let detail: unknown = null;
if (mode === "bare") {
  parse(Buffer.from(warmup), { columns: false, bom: true });
  for (let i = 0; i < RUNS; i++) {
    collect();
    const t = performance.now();
    const records = parse(Buffer.from(next.buffer, next.byteOffset, next.byteLength), { columns: false, bom: true });
    times.push(performance.now() - t);
    detail = { rows: records.length - 1 };
  }
} else {
  if (!previousFile) throw new Error("pipeline needs the previous census");
  const previous = await mapCensus(new Uint8Array(fs.readFileSync(previousFile)));
  const previousIds = new Set(previous.people.map((p) => p.source_id));
  await pipeline(warmup, previous, previousIds);
  let fastest = Number.POSITIVE_INFINITY;
  for (let i = 0; i < RUNS; i++) {
    collect();
    const t = performance.now();
    const result = await pipeline(next, previous, previousIds);
    const ms = performance.now() - t;
    times.push(ms);
    if (ms < fastest) {
      fastest = ms;
      detail = result;
    }
  }
}
await new Promise((resolve) => setTimeout(resolve, 120));
const peakSampled = sampler.peakMiB();
await sampler.stop();
const peakKernel = Math.ceil(process.resourceUsage().maxRSS / 1024);
console.log(JSON.stringify({ mode, times: times.map(Math.round), detail, peakSampledMiB: peakSampled, peakKernelMiB: peakKernel }));

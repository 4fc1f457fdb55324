/**
 * `npm run bench:intake`: N assisted connections (200; `--small` 10; `--connections N`), each with a recipe from an
 * operator's first publish and an SFTP inbox, deliver a census of P people (500; `--people P`) and a payroll
 * register at once, on the default embedded database (PGlite in a data directory). The baseline, in the same run:
 * the same kind of delivery through `POST /ops/api/connections/{id}/files` (the previous week's files, sent first, so
 * any cost of a fuller database falls on the SFTP run). Prints the time until every file is published or held, time
 * per file as a ratio to the API, operator actions needed, and peak RSS. The last line is `RESULT {json}`.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadConfig } from "../../../server/config.js";
import { createApiKey } from "../../../server/domain/auth/api-keys.js";
import { addDays } from "../../../server/domain/clock.js";
import { loadHostKey } from "../../../server/intake/sftp/host-key.js";
import { startSftpServer } from "../../../server/intake/sftp/sftp-server.js";
import { startLinnet } from "../../../server/runtime.js";
import { startRssSampler } from "../ingest/rss-sampler.js";
import { formatTable, num, verdict } from "../table.js";
import { advanceWeek, censusCsv, newEmployer, registerCsv } from "./adp-reports.js";
import { decisionLatencies, filesByStatus, openReviews } from "./intake-counts.js";
import type { SendPlan, SendResult } from "./senders.js";
import { type ReadyConnection, setupConnection, setupOwners } from "./setup-connections.js";

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const CONNECTIONS = Number(arg("connections") ?? (process.argv.includes("--small") ? 10 : 200));
const PEOPLE = Number(arg("people") ?? 500);
const TIMEOUT_MS = 15 * 60_000;

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "linnet-bench-intake-"));
const config = loadConfig({
  PORT: "0",
  LINNET_HOST: "127.0.0.1",
  LINNET_DATA_DIR: dataDir,
  LINNET_SECRETS_KEY: randomBytes(32).toString("base64"),
  LINNET_LOG_LEVEL: "silent",
  LINNET_RATE_LIMITS: "off",
});
console.log(
  `bench:intake: ${CONNECTIONS} assisted connections × (a ${PEOPLE}-person census + a payroll register), embedded PGlite in a data directory`,
);
const linnet = await startLinnet({ config, role: "all" });
const deps = linnet.deps;
const sftp = await startSftpServer(deps, { port: 0, host: "127.0.0.1", hostKey: loadHostKey(config) });
const rss = startRssSampler(100);

// set-up, as operations does it (not timed against a target): connection, first pull by hand → recipes, inbox
const setupStart = performance.now();
const owners = await setupOwners(deps);
const firstPay = new Date("2026-11-27T00:00:00Z");
const ready: ReadyConnection[] = [];
for (let i = 0; i < CONNECTIONS; i++) {
  ready.push(await setupConnection(deps, owners, newEmployer(i, PEOPLE, 20_261_204, deps.clock.now()), firstPay));
  if ((i + 1) % 25 === 0)
    console.log(`  set up ${i + 1} of ${CONNECTIONS} connections (${num((performance.now() - setupStart) / 1000, 0)} s)`);
}
const setupS = (performance.now() - setupStart) / 1000;
const key = await createApiKey(deps, { userId: owners.operatorId, email: "ops@bench.test", role: "operator" }, "intake bench");
if (!key.ok) throw key.error;

/** Write each connection's next week of files (a normal week: a hire, a termination, a promotion at most). */
function writeWeek(channel: "sftp" | "api", week: number): SendPlan {
  const dir = path.join(dataDir, `${channel}-files`);
  fs.mkdirSync(dir, { recursive: true });
  const payDate = addDays(firstPay, 7 * week);
  const deliveries = ready.map((c, i) => {
    advanceWeek(c.employer, payDate);
    const census = path.join(dir, `${i}-census.csv`);
    const register = path.join(dir, `${i}-register.csv`);
    fs.writeFileSync(census, censusCsv(c.employer, payDate));
    fs.writeFileSync(register, registerCsv(c.employer, payDate, week + 1));
    // ADP's scheduled exports overwrite fixed names; the inbox tells deliveries apart by content
    const files = [
      { name: "Census Report.csv", path: census },
      { name: "Payroll Register.csv", path: register },
    ];
    return { connectionId: c.connectionId, username: c.username, password: c.password, files };
  });
  return { channel, port: sftp.port, url: linnet.url!, apiKey: key.ok ? key.value.key : "", deliveries };
}

/** Run the senders' process and wait until every file of the channel is decided (not `received`). */
async function deliver(plan: SendPlan) {
  const planFile = path.join(dataDir, `${plan.channel}-plan.json`);
  fs.writeFileSync(planFile, JSON.stringify(plan));
  const out = await new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", new URL("./senders.ts", import.meta.url).pathname, planFile], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let text = "";
    child.stdout.on("data", (c: Buffer) => {
      text += c.toString();
    });
    child.once("exit", (code) => (code === 0 ? resolve(text) : reject(new Error(`senders exited ${code}: ${text}`))));
  });
  const sent = JSON.parse(out.trim().split("\n").pop()!) as SendResult;
  if (sent.failures.length) console.log(`  ${sent.failures.length} deliveries failed; first: ${sent.failures[0]}`);
  const expected = plan.deliveries.length * 2 - sent.failures.length * 2;
  for (;;) {
    const byStatus = await filesByStatus(deps.db, plan.channel);
    const total = Object.values(byStatus).reduce((a, b) => a + b, 0);
    if (total >= expected && !byStatus.received) break;
    if (Date.now() - sent.startedAt > TIMEOUT_MS)
      throw new Error(`not every ${plan.channel} file was decided within 15 minutes: ${JSON.stringify(byStatus)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const latencies = await decisionLatencies(deps.db, plan.channel, sent.startedAt);
  const allDecidedMs = latencies.at(-1) ?? 0;
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return {
    sent,
    byStatus: await filesByStatus(deps.db, plan.channel),
    files: latencies.length,
    allDecidedMs,
    perFileMs: allDecidedMs / Math.max(1, latencies.length),
    p50: at(0.5),
    p95: at(0.95),
  };
}

const api = await deliver(writeWeek("api", 1));
const viaSftp = await deliver(writeWeek("sftp", 2));
const peakRss = rss.peakMiB();
await rss.stop();
const reviews = await openReviews(deps.db);
const row = (label: string, r: typeof api) => [
  label,
  String(r.files),
  String(r.byStatus.published ?? 0),
  String(r.byStatus.held ?? 0),
  String(r.byStatus.rejected ?? 0),
  num(r.allDecidedMs / 1000, 1),
  num(r.perFileMs, 0),
  num(r.p50 / 1000, 1),
  num(r.p95 / 1000, 1),
  String(r.sent.peakRssMiB),
];
console.log(`set-up (not a target): ${CONNECTIONS} connections with two first publishes and an inbox each in ${num(setupS, 0)} s`);
console.log(
  formatTable(
    ["channel", "files", "published", "held", "rejected", "all decided (s)", "ms per file", "p50 (s)", "p95 (s)", "sender RSS (MiB)"].map(
      (title, i) => ({ title, right: i > 0 }),
    ),
    [row("ops files API (baseline)", api), row("SFTP inboxes", viaSftp)],
  ),
);
const ratio = viaSftp.perFileMs / Math.max(1, api.perFileMs);
const actions = (viaSftp.byStatus.held ?? 0) + (viaSftp.byStatus.rejected ?? 0) + (api.byStatus.held ?? 0) + (api.byStatus.rejected ?? 0);
console.log(
  verdict(viaSftp.allDecidedMs <= 60_000, `every SFTP file published or held after ${num(viaSftp.allDecidedMs / 1000, 1)} s`, "≤ 60 s"),
);
console.log(verdict(ratio <= 1.5, `time per file over SFTP ${num(ratio, 2)}× the ops files API`, "≤ 1.5×"));
console.log(
  verdict(actions === 0 && reviews === 0, `operator actions needed for these clean files: ${actions} (review tasks open: ${reviews})`, "0"),
);
console.log(`peak RSS of the Linnet process (API, SFTP server, workers, embedded database): ${peakRss} MiB`);
console.log(
  `RESULT ${JSON.stringify({ connections: CONNECTIONS, people: PEOPLE, api: { files: api.files, ...api.byStatus, allDecidedMs: Math.round(api.allDecidedMs) }, sftp: { files: viaSftp.files, ...viaSftp.byStatus, allDecidedMs: Math.round(viaSftp.allDecidedMs) }, failures: api.sent.failures.length + viaSftp.sent.failures.length, ratio, actions, reviews, peakRssMiB: peakRss })}`,
);
await sftp.close();
await linnet.close();
fs.rmSync(dataDir, { recursive: true, force: true });

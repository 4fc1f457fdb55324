/**
 * `npm run simulate:month`: a month of scheduled reports on the injectable clock, on the real embedded database and
 * the real intake pipeline (receive → recipe → parse → map → validate → diff → gate → publish), without the SFTP
 * socket: files enter through `receiveFile`, the call the SFTP server makes on a completed upload. N assisted
 * connections (`--connections N`; the month is `--connections 1000`, the default 100 finishes in minutes on a
 * quiet 2-core machine) each deliver a weekly census and payroll register for `--days`
 * (30); `--defective-pct` (5) of the deliveries have a defect the gate checks, `--late-pct` (2) arrive late. The
 * clock moves day by day; each day's deliveries are processed as the intake job does, the operators work their
 * queue at 10:00 on business days, and the product's periodic jobs run at 23:00. Seeded (`--seed`): the same options
 * give the same counts. The last line is `RESULT {json}`.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadConfig } from "../../../server/config.js";
import { migrateDatabase, openDatabase } from "../../../server/db/client.js";
import { upsertInbox } from "../../../server/db/repositories/intake.repository.js";
import { ConnectionStateCache } from "../../../server/domain/caches/connection-state-cache.js";
import { OwnCaches } from "../../../server/domain/caches/own-caches.js";
import { SnapshotReader } from "../../../server/domain/caches/snapshot-reader.js";
import { SnapshotRowCache } from "../../../server/domain/caches/snapshot-rows.js";
import { TokenCache } from "../../../server/domain/caches/token-cache.js";
import { defaultCatalog } from "../../../server/domain/catalog/catalog.js";
import { addDays, type Clock } from "../../../server/domain/clock.js";
import type { Deps } from "../../../server/domain/deps.js";
import { receiveFile } from "../../../server/domain/intake/receive-file.js";
import { createCipher } from "../../../server/domain/security/encryption.js";
import { advanceWeek, censusCsv, corruptFile, defectiveCensus, type Employer, newEmployer, registerCsv } from "./adp-reports.js";
import { PERIODIC_JOBS, SimulatedQueue } from "./month-jobs.js";
import { Operators } from "./month-operator.js";
import { type Delivery, planMonth, sendTime, slotOf } from "./month-plan.js";
import { LateWatch, printMonth } from "./month-report.js";
import { setupConnection, setupOwners } from "./setup-connections.js";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const options = {
  connections: arg("connections", 100),
  days: arg("days", 30),
  defectivePct: arg("defective-pct", 5),
  latePct: arg("late-pct", 2),
  seed: arg("seed", 20_260_105),
  start: new Date("2026-01-05T00:00:00Z"), // a Monday
};
const wallStart = performance.now();
const clock: Clock & { t: number } = { t: addDays(options.start, -8).getTime(), now: (): Date => new Date(clock.t) };
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "linnet-simulate-month-"));
const database = await openDatabase({ dataDir });
await migrateDatabase(database);
const config = loadConfig({ LINNET_LOG_LEVEL: "silent", LINNET_SECRETS_KEY: randomBytes(32).toString("base64") });
const queue = new SimulatedQueue();
const silent = { debug() {}, info() {}, warn() {}, error() {} };
const deps: Deps = {
  db: database.db,
  clock,
  log: silent,
  config,
  cipher: createCipher(config.secretsKey!),
  catalog: defaultCatalog,
  reader: new SnapshotReader(),
  snapshotRows: new SnapshotRowCache(),
  jobs: queue.jobs,
  tokens: new TokenCache(0),
  connectionState: new ConnectionStateCache(database.db, 0),
  own: new OwnCaches(),
};
const plan = planMonth(options);
console.log(
  `simulate:month: ${options.connections} assisted connections, ${options.days} days from ${options.start.toISOString().slice(0, 10)}, ${plan.length} scheduled deliveries (${options.defectivePct} % defective, ${options.latePct} % late), seed ${options.seed}`,
);

// the week before the month: each connection's first pull by hand at its own slot (its recipes) and its inbox
const owners = await setupOwners(deps);
const employers: Employer[] = [];
const connectionIds: string[] = [];
const order = Array.from({ length: options.connections }, (_, i) => i).sort(
  (a, b) =>
    sendTime(slotOf(a, options.seed), options.start, 0, "census").getTime() -
    sendTime(slotOf(b, options.seed), options.start, 0, "census").getTime(),
);
for (const i of order) {
  const slot = slotOf(i, options.seed);
  clock.t = sendTime(slot, options.start, 0, "census").getTime();
  employers[i] = newEmployer(i, slot.people, options.seed, clock.now());
  const beforeRegister = () => {
    clock.t = sendTime(slot, options.start, 0, "register").getTime();
  };
  const ready = await setupConnection(deps, owners, employers[i]!, clock.now(), { inbox: false, beforeRegister });
  // an inbox without login credentials: files enter through receiveFile below, as the SFTP server hands them over
  await upsertInbox(deps.db, {
    connectionId: ready.connectionId,
    username: `sim-${i}`,
    passwordHash: null,
    publicKeys: [],
    cadenceDays: null,
    gate: null,
    createdAt: clock.now(),
    updatedAt: clock.now(),
  });
  connectionIds[i] = ready.connectionId;
}
const setupS = (performance.now() - wallStart) / 1000;
console.log(`  set up in ${setupS.toFixed(0)} s; the month begins`);

const employerWeek = employers.map(() => 0);
const delivered = new Map<string, Delivery>();
const resends: Delivery[] = [];
const operators = new Operators(deps, owners.operatorId, delivered, (d) => {
  const slot = slotOf(d.connection, options.seed);
  const next = addDays(new Date(clock.t), 1);
  const at = new Date(Date.UTC(next.getUTCFullYear(), next.getUTCMonth(), next.getUTCDate(), slot.hour, d.kind === "register" ? 30 : 0));
  resends.push({ ...d, at, defect: null, late: false });
});
const late = new LateWatch(config.sla.refreshDays, config.intake.graceDays);
for (let i = 0; i < options.connections; i++) {
  for (const kind of ["census", "register"] as const) late.arrived(i, kind, sendTime(slotOf(i, options.seed), options.start, 0, kind));
}
const counts = {
  scheduled: 0,
  resent: 0,
  lateArrived: 0,
  defective: { headcount_drop: 0, stable_fields: 0, unreconciled: 0, corrupt: 0 } as Record<string, number>,
};

/** The bytes of a delivery: the employer's state of that week, with the delivery's defect if it has one. */
function fileOf(d: Delivery): { name: string; bytes: Buffer } {
  const e = employers[d.connection]!;
  for (; employerWeek[d.connection]! < d.week; employerWeek[d.connection]!++) advanceWeek(e, d.due);
  const name = d.kind === "census" ? "Census Report.csv" : "Payroll Register.csv";
  if (d.defect === "corrupt") return { name, bytes: corruptFile(d.connection + d.week) };
  if (d.kind === "census")
    return {
      name,
      bytes: d.defect === "headcount_drop" || d.defect === "stable_fields" ? defectiveCensus(e, d.due, d.defect) : censusCsv(e, d.due),
    };
  return {
    name,
    bytes: registerCsv(
      e,
      new Date(Date.UTC(d.due.getUTCFullYear(), d.due.getUTCMonth(), d.due.getUTCDate())),
      d.week + 1,
      d.defect === "unreconciled" ? 2 : 0,
    ),
  };
}

async function deliver(d: Delivery, resend: boolean): Promise<void> {
  clock.t = d.at.getTime();
  const { name, bytes } = fileOf(d);
  const stored = await receiveFile(deps, connectionIds[d.connection]!, { channel: "sftp", fileName: name, bytes });
  if (!stored.ok) throw new Error(`receiveFile: ${stored.error.message}`);
  delivered.set(stored.value.id, d);
  late.arrived(d.connection, d.kind, d.at);
  if (resend) counts.resent++;
  else {
    counts.scheduled++;
    if (d.late) counts.lateArrived++;
    if (d.defect) counts.defective[d.defect]!++;
  }
  await queue.drain(deps);
}

const end = addDays(options.start, options.days).getTime();
let next = 0;
for (let day = 0; day < options.days; day++) {
  const dayStart = addDays(options.start, day).getTime();
  const dayEnd = dayStart + 86_400_000;
  const operatorsAt = dayStart + 10 * 3_600_000;
  const weekday = new Date(dayStart).getUTCDay();
  let worked = weekday === 0 || weekday === 6; // operators work business days
  const today = [
    ...plan
      .slice(next)
      .filter((d) => d.at.getTime() < dayEnd)
      .map((d) => ({ d, resend: false })),
    ...resends.filter((d) => d.at.getTime() < dayEnd).map((d) => ({ d, resend: true })),
  ];
  next += today.filter((x) => !x.resend).length;
  for (const r of today.filter((x) => x.resend)) resends.splice(resends.indexOf(r.d), 1);
  today.sort((a, b) => a.d.at.getTime() - b.d.at.getTime());
  for (const { d, resend } of today) {
    if (!worked && d.at.getTime() >= operatorsAt) {
      clock.t = operatorsAt;
      await operators.workQueue();
      await queue.drain(deps);
      worked = true;
    }
    await deliver(d, resend);
  }
  if (!worked) {
    clock.t = operatorsAt;
    await operators.workQueue();
    await queue.drain(deps);
  }
  clock.t = dayEnd - 3_600_000; // 23:00: the periodic jobs
  for (const job of PERIODIC_JOBS) await job.run(deps);
  await queue.drain(deps);
  for (let n = late.overdue(clock.now()); n > 0; n--) operators.remindLate();
  if ((day + 1) % 7 === 0)
    console.log(
      `  day ${day + 1}: ${counts.scheduled + counts.resent} files so far (${((performance.now() - wallStart) / 1000).toFixed(0)} s)`,
    );
}
clock.t = end;
await printMonth(deps, { options, counts, operators, late, setupS, wallS: (performance.now() - wallStart) / 1000, plan });
await database.close();
fs.rmSync(dataDir, { recursive: true, force: true });

/**
 * `npm run bench:webhooks`: fan 10,000 events out to a local receiver on the embedded database (PGlite), through
 * the real outbox and dispatcher, and compare with a bare loop POSTing the same signed bodies to the same receiver.
 * A second run has the receiver refuse every other request at first (503), so half the deliveries go through the
 * 5-second retry; the receiver counts per event id, so losses and duplicates show.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { loadConfig } from "../../../server/config.js";
import { openDatabase } from "../../../server/db/client.js";
import { insertEvent } from "../../../server/db/repositories/events.repository.js";
import { createApplication } from "../../../server/domain/applications/create-application.js";
import { pruneOldEvents } from "../../../server/domain/retention/prune-events.js";
import { runWebhookDispatch } from "../../../server/domain/webhooks/dispatcher.js";
import { createEndpoint } from "../../../server/domain/webhooks/endpoints.js";
import { postWebhook } from "../../../server/domain/webhooks/http-sender.js";
import { webhookHeaders } from "../../../server/domain/webhooks/signature.js";
import { startLinnet } from "../../../server/runtime.js";
import { formatTable, num, verdict } from "../table.js";
import { startBenchReceiver } from "./receiver.js";

const EVENTS = Number(process.env.BENCH_WEBHOOK_EVENTS ?? 10_000);
/** The publish-sized run: a 50,000-person re-publish's change events (3 per person); 0 skips it. */
const LARGE_EVENTS = Number(process.env.BENCH_WEBHOOK_LARGE_EVENTS ?? 150_000);
const CONCURRENCY = 64;

const config = loadConfig({
  PORT: "0",
  LINNET_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "linnet-bench-webhooks-")),
  LINNET_SECRETS_KEY: randomBytes(32).toString("base64"),
  LINNET_LOG_LEVEL: "silent",
  LINNET_WEBHOOK_ALLOW_PRIVATE: "true", // the receiver runs on this machine
});
console.log(`bench:webhooks: ${EVENTS} events, embedded PGlite, dispatcher batches of 200 with ${CONCURRENCY} requests in flight`);
const database = await openDatabase({ dataDir: "memory://" });
// API role: no background worker, so this script drives the dispatcher itself, exactly as the worker's loop does
// real time plus an offset, so the retention run can jump a month ahead at the end
const clock = { offsetMs: 0, now: () => new Date(Date.now() + clock.offsetMs) };
const linnet = await startLinnet({ config, database, role: "api", listen: false, clock });
const deps = linnet.deps;
const receiver = await startBenchReceiver();

/** A fresh application with one endpoint, and EVENTS Finch events recorded for it. */
async function seed(name: string) {
  const app = await createApplication(deps, { name, redirectUris: ["http://localhost/cb"], clientType: "development" });
  if (!app.ok) throw app.error;
  const endpoint = await createEndpoint(deps, app.value.client_id, { url: receiver.url, event_types: [], enabled: true });
  if (!endpoint.ok) throw endpoint.error;
  await deps.db.transaction(async (tx) => {
    for (let i = 0; i < EVENTS; i++) {
      const payload = { authentication_method: { type: "assisted" }, status: "connected", n: i };
      await insertEvent(tx, {
        type: "account.updated",
        applicationId: app.value.client_id,
        connectionId: null,
        payload,
        createdAt: deps.clock.now(),
      });
    }
  });
  return endpoint.value.secret;
}

/** Bytes the database takes now (`pg_database_size`). */
async function databaseBytes(): Promise<number> {
  const result = (await deps.db.execute(sql`select pg_database_size(current_database())::bigint as n`)) as unknown as {
    rows: { n: string | number }[];
  };
  return Number(result.rows[0]?.n ?? 0);
}

/**
 * Drain through the real dispatcher until the receiver has every event; seconds until the last delivery. Passes are
 * bounded as the worker's are (two fan-out batches of 5,000 events per pass), and the database size is sampled after
 * each pass.
 */
async function drain(expected = EVENTS, onPass?: () => Promise<void>): Promise<{ seconds: number; attempts: number }> {
  const started = performance.now();
  let attempts = 0;
  while (receiver.delivered.size < expected) {
    const pass = await runWebhookDispatch(deps, { concurrency: CONCURRENCY, fanOutBatches: 2, maxAttempts: 5_000 });
    await onPass?.();
    attempts += pass.attempts;
    if (pass.attempts === 0) await new Promise((r) => setTimeout(r, 100)); // retries wait for their backoff (5 s)
    if (performance.now() - started > 900_000) throw new Error("bench: not everything was delivered within 15 minutes");
  }
  await runWebhookDispatch(deps); // anything left would show as a duplicate below
  return { seconds: (receiver.lastDeliveredAt - started) / 1000, attempts };
}

/** The baseline: the same signed bodies POSTed by a bare loop, same agent and concurrency, no database. */
async function baseline(secret: string): Promise<number> {
  receiver.reset();
  const bodies = Array.from({ length: EVENTS }, (_, i) => ({
    id: `msg_base${i}`,
    body: JSON.stringify({ event_type: "account.updated", data: { n: i } }),
  }));
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < bodies.length) {
        const b = bodies[next++]!;
        await postWebhook(receiver.url, webhookHeaders([secret], b.id, Math.floor(Date.now() / 1000), b.body), b.body, {
          allowPrivate: true,
        });
      }
    }),
  );
  return (performance.now() - started) / 1000;
}

function check(label: string, expected = EVENTS) {
  const duplicates = [...receiver.delivered.values()].filter((n) => n > 1).length;
  const lost = expected - receiver.delivered.size;
  return { label, duplicates, lost };
}

const rows: string[][] = [];
const secret = await seed("bench steady");
const base = await baseline(secret);
receiver.reset();
const steady = await drain();
const steadyCheck = check("steady");
rows.push([
  "receiver answers 200",
  num(EVENTS / steady.seconds),
  num(steady.seconds, 2),
  num(EVENTS / base),
  num(base / steady.seconds, 2),
  String(steady.attempts),
  String(steadyCheck.lost),
  String(steadyCheck.duplicates),
]);

await seed("bench flaky");
receiver.reset();
receiver.failHalf = true;
setTimeout(() => {
  receiver.failHalf = false; // "at first": the receiver recovers after 3 s
}, 3000);
const flaky = await drain();
const flakyCheck = check("flaky");
rows.push([
  "half refused (503) at first",
  num(EVENTS / flaky.seconds),
  num(flaky.seconds, 2),
  num(EVENTS / base),
  num(base / flaky.seconds, 2),
  String(flaky.attempts),
  String(flakyCheck.lost),
  String(flakyCheck.duplicates),
]);

/** The publish-sized run: LARGE_EVENTS change events recorded in one statement, as a re-publish records them. */
let large: {
  seconds: number;
  attempts: number;
  peakMiB: number;
  beforeMiB: number;
  afterPruneMiB: number;
  lost: number;
  duplicates: number;
} | null = null;
if (LARGE_EVENTS > 0) {
  const app = await createApplication(deps, { name: "bench publish", redirectUris: ["http://localhost/cb"], clientType: "development" });
  if (!app.ok) throw app.error;
  const endpoint = await createEndpoint(deps, app.value.client_id, { url: receiver.url, event_types: [], enabled: true });
  if (!endpoint.ok) throw endpoint.error;
  const beforeBytes = await databaseBytes();
  await deps.db.execute(sql`
    insert into events (id, type, application_id, connection_id, payload, created_at)
    select gen_random_uuid(), (array['directory.updated', 'individual.updated', 'employment.updated'])[1 + i % 3], ${app.value.client_id}::uuid, null,
      jsonb_build_object('individual_id', gen_random_uuid()), now()
    from generate_series(0, ${LARGE_EVENTS - 1}) as i`);
  receiver.reset();
  let peak = await databaseBytes();
  const run = await drain(LARGE_EVENTS, async () => {
    peak = Math.max(peak, await databaseBytes());
  });
  const c = check("large", LARGE_EVENTS);
  clock.offsetMs = (config.eventRetentionDays + 1) * 86_400_000;
  await pruneOldEvents(deps);
  const mib = (b: number) => b / 1024 / 1024;
  large = {
    ...run,
    peakMiB: mib(peak),
    beforeMiB: mib(beforeBytes),
    afterPruneMiB: mib(await databaseBytes()),
    lost: c.lost,
    duplicates: c.duplicates,
  };
  rows.push([
    `${num(LARGE_EVENTS)} change events`,
    num(LARGE_EVENTS / run.seconds),
    num(run.seconds, 1),
    num(EVENTS / base),
    num(base / EVENTS / (run.seconds / LARGE_EVENTS), 2),
    String(run.attempts),
    String(c.lost),
    String(c.duplicates),
  ]);
}

console.log(
  formatTable(
    [
      { title: "scenario" },
      { title: "deliveries/s", right: true },
      { title: "last delivered (s)", right: true },
      { title: "baseline req/s", right: true },
      { title: "ratio", right: true },
      { title: "attempts", right: true },
      { title: "lost", right: true },
      { title: "duplicates", right: true },
    ],
    rows,
  ),
);
console.log(verdict(EVENTS / steady.seconds >= 500, `${num(EVENTS / steady.seconds)} deliveries/s sustained`, "≥ 500/s on PGlite"));
console.log(
  verdict(
    steadyCheck.lost + flakyCheck.lost + steadyCheck.duplicates + flakyCheck.duplicates === 0,
    "lost / duplicated: 0",
    "nothing lost or duplicated",
  ),
);
console.log("(the second run's time includes the 5-second retry delay of the refused half)");
if (large) {
  console.log(
    `publish-sized run: last delivery after ${num(large.seconds, 1)} s (the bare loop would take ${num((base / EVENTS) * LARGE_EVENTS, 1)} s: ratio ${num(((base / EVENTS) * LARGE_EVENTS) / large.seconds, 2)}×); ` +
      `database ${num(large.beforeMiB)} MiB before, peak ${num(large.peakMiB)} MiB, ${num(large.afterPruneMiB)} MiB after pruning past the retention`,
  );
  console.log(
    verdict(
      large.lost + large.duplicates === 0,
      `${num(LARGE_EVENTS)} events delivered once each`,
      "no job timeout; nothing lost or duplicated",
    ),
  );
}
await receiver.close();
await linnet.close();

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
import { loadConfig } from "../../../server/config.js";
import { openDatabase } from "../../../server/db/client.js";
import { insertEvent } from "../../../server/db/repositories/activity.repository.js";
import { createApplication } from "../../../server/domain/applications/create-application.js";
import { createEndpoint } from "../../../server/domain/webhooks/endpoints.js";
import { runWebhookDispatch } from "../../../server/domain/webhooks/dispatcher.js";
import { postWebhook } from "../../../server/domain/webhooks/http-sender.js";
import { webhookHeaders } from "../../../server/domain/webhooks/signature.js";
import { startLinnet } from "../../../server/runtime.js";
import { formatTable, num, verdict } from "../table.js";
import { startBenchReceiver } from "./receiver.js";

const EVENTS = Number(process.env.BENCH_WEBHOOK_EVENTS ?? 10_000);
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
const linnet = await startLinnet({ config, database, role: "api", listen: false });
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
      await insertEvent(tx, { type: "account.updated", applicationId: app.value.client_id, connectionId: null, payload, createdAt: deps.clock.now() });
    }
  });
  return endpoint.value.secret;
}

/** Drain through the real dispatcher until the receiver has every event; seconds until the last delivery. */
async function drain(): Promise<{ seconds: number; attempts: number }> {
  const started = performance.now();
  let attempts = 0;
  while (receiver.delivered.size < EVENTS) {
    const pass = await runWebhookDispatch(deps, { concurrency: CONCURRENCY });
    attempts += pass.attempts;
    if (pass.attempts === 0) await new Promise((r) => setTimeout(r, 100)); // retries wait for their backoff (5 s)
    if (performance.now() - started > 300_000) throw new Error("bench: not everything was delivered within 5 minutes");
  }
  await runWebhookDispatch(deps); // anything left would show as a duplicate below
  return { seconds: (receiver.lastDeliveredAt - started) / 1000, attempts };
}

/** The baseline: the same signed bodies POSTed by a bare loop, same agent and concurrency, no database. */
async function baseline(secret: string): Promise<number> {
  receiver.reset();
  const bodies = Array.from({ length: EVENTS }, (_, i) => ({ id: `msg_base${i}`, body: JSON.stringify({ event_type: "account.updated", data: { n: i } }) }));
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < bodies.length) {
        const b = bodies[next++]!;
        await postWebhook(receiver.url, webhookHeaders([secret], b.id, Math.floor(Date.now() / 1000), b.body), b.body, { allowPrivate: true });
      }
    }),
  );
  return (performance.now() - started) / 1000;
}

function check(label: string) {
  const duplicates = [...receiver.delivered.values()].filter((n) => n > 1).length;
  const lost = EVENTS - receiver.delivered.size;
  return { label, duplicates, lost };
}

const rows: string[][] = [];
const secret = await seed("bench steady");
const base = await baseline(secret);
receiver.reset();
const steady = await drain();
const steadyCheck = check("steady");
rows.push(["receiver answers 200", num(EVENTS / steady.seconds), num(steady.seconds, 2), num(EVENTS / base), num(base / steady.seconds, 2), String(steady.attempts), String(steadyCheck.lost), String(steadyCheck.duplicates)]);

await seed("bench flaky");
receiver.reset();
receiver.failHalf = true;
setTimeout(() => {
  receiver.failHalf = false; // "at first": the receiver recovers after 3 s
}, 3000);
const flaky = await drain();
const flakyCheck = check("flaky");
rows.push(["half refused (503) at first", num(EVENTS / flaky.seconds), num(flaky.seconds, 2), num(EVENTS / base), num(base / flaky.seconds, 2), String(flaky.attempts), String(flakyCheck.lost), String(flakyCheck.duplicates)]);

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
console.log(verdict(steadyCheck.lost + flakyCheck.lost + steadyCheck.duplicates + flakyCheck.duplicates === 0, "lost / duplicated: 0", "nothing lost or duplicated"));
console.log("(the second run's time includes the 5-second retry delay of the refused half)");
await receiver.close();
await linnet.close();

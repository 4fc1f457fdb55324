/**
 * The employers' side of the intake benchmark, in its own process (a sender is elsewhere in real life): every
 * connection delivers its files at once, over SFTP (a real `ssh2` client session per connection, password login,
 * one file after the other as a scheduled export does) or through `POST /ops/api/connections/{id}/files`.
 *   node --import tsx senders.ts <plan.json>
 * Prints one JSON line: when sending started (epoch ms), how long each delivery took, failures, peak RSS.
 */
import fs from "node:fs";
import { Client } from "ssh2";

/** What the benchmark asks this process to send. */
export interface SendPlan {
  channel: "sftp" | "api";
  /** SFTP port, or the API's base URL. */
  port: number;
  url: string;
  apiKey: string;
  deliveries: { connectionId: string; username: string; password: string; files: { name: string; path: string }[] }[];
}

/** What this process reports. */
export interface SendResult {
  startedAt: number;
  finishedAt: number;
  deliveryMs: number[];
  failures: string[];
  peakRssMiB: number;
}

async function sftpDelivery(port: number, d: SendPlan["deliveries"][number]): Promise<void> {
  const client = new Client();
  await new Promise<void>((resolve, reject) => {
    client.once("ready", () => resolve());
    client.once("error", reject);
    client.connect({ host: "127.0.0.1", port, username: d.username, password: d.password, tryKeyboard: false, readyTimeout: 120_000 });
  });
  try {
    const sftp = await new Promise<import("ssh2").SFTPWrapper>((resolve, reject) =>
      client.sftp((err, s) => (err ? reject(err) : resolve(s))),
    );
    for (const f of d.files) {
      await new Promise<void>((resolve, reject) => {
        const stream = sftp.createWriteStream(`/${f.name}`);
        stream.once("error", reject);
        stream.once("close", () => resolve());
        stream.end(fs.readFileSync(f.path));
      });
    }
    sftp.end();
  } finally {
    client.end();
  }
}

async function apiDelivery(plan: SendPlan, d: SendPlan["deliveries"][number]): Promise<void> {
  for (const f of d.files) {
    const res = await fetch(`${plan.url}/ops/api/connections/${d.connectionId}/files?file_name=${encodeURIComponent(f.name)}`, {
      method: "POST",
      headers: { authorization: `Bearer ${plan.apiKey}`, "content-type": "text/csv" },
      body: fs.readFileSync(f.path),
    });
    if (res.status !== 202) throw new Error(`${f.name}: ${res.status} ${(await res.text()).slice(0, 200)}`);
    await res.body?.cancel();
  }
}

const planFile = process.argv[2];
if (!planFile) throw new Error("usage: senders.ts <plan.json>");
const plan = JSON.parse(fs.readFileSync(planFile, "utf8")) as SendPlan;
let peak = process.memoryUsage.rss();
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage.rss());
}, 100);
const failures: string[] = [];
const startedAt = Date.now();
const deliveryMs = await Promise.all(
  plan.deliveries.map(async (d) => {
    const t = performance.now();
    try {
      await (plan.channel === "sftp" ? sftpDelivery(plan.port, d) : apiDelivery(plan, d));
    } catch (err) {
      failures.push(`${d.username || d.connectionId}: ${(err as Error).message}`);
    }
    return performance.now() - t;
  }),
);
clearInterval(sampler);
const result: SendResult = {
  startedAt,
  finishedAt: Date.now(),
  deliveryMs,
  failures,
  peakRssMiB: Math.ceil(Math.max(peak, process.memoryUsage.rss()) / 1048576),
};
console.log(JSON.stringify(result));

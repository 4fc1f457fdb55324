import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { emptyDatabase, installationEnv, killAll, type LinnetProcess, spawnLinnet } from "../support/processes.js";

/** Real `linnet serve` processes on the real PostgreSQL (skipped on the embedded database: one process owns it). */
const serverUrl = inject("databaseUrl");
const running: LinnetProcess[] = [];
const drops: (() => Promise<void>)[] = [];
afterAll(async () => {
  await killAll(running);
  for (const drop of drops) await drop();
});

async function count(url: string, sql: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return Number((await client.query(sql)).rows[0].n);
  } finally {
    await client.end();
  }
}

describe.skipIf(!serverUrl)("concurrent start", () => {
  it("six processes (3 api, 3 worker) started at once on an empty database all come up; one demo app, one admin", async () => {
    const db = await emptyDatabase(serverUrl);
    drops.push(db.drop);
    const env = installationEnv(db.url);
    const roles = ["api", "worker", "api", "worker", "api", "worker"] as const;
    const processes = await Promise.all(roles.map((role) => spawnLinnet(role, env)));
    running.push(...processes);
    await Promise.all(processes.map((p) => p.ready));
    for (const p of processes.filter((p) => p.role === "api")) {
      const health = await fetch(`${p.url}/healthz`);
      expect(await health.json()).toEqual({ status: "ok" });
      const ready = await fetch(`${p.url}/readyz`);
      expect(ready.status).toBe(200);
    }
    expect(await count(db.url, "SELECT count(*) AS n FROM applications")).toBe(1);
    expect(await count(db.url, "SELECT count(*) AS n FROM users WHERE email = 'admin@linnet.local'")).toBe(1);
    // exactly one process printed the first-start credentials
    expect(processes.filter((p) => p.output().includes("client_secret")).length).toBe(1);
    expect(processes.every((p) => p.child.exitCode === null)).toBe(true);
  }, 240_000);

  it("a start that cannot reach the database says which step failed, with the error code, and exits non-zero", async () => {
    const url = new URL(serverUrl);
    url.pathname = "/linnet_does_not_exist_here";
    const p = await spawnLinnet("worker", installationEnv(url.toString()));
    running.push(p);
    expect(await p.exited).toBe(1);
    expect(p.output()).toMatch(/Start failed at step "[^"]+": .*code 3D000/);
  }, 120_000);
});

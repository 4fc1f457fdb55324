import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pino from "pino";
import { loadConfig } from "../../server/config.js";
import { type Database, openDatabase } from "../../server/db/client.js";
import { ConnectionStateCache } from "../../server/domain/caches/connection-state-cache.js";
import { OwnCaches } from "../../server/domain/caches/own-caches.js";
import { SnapshotReader } from "../../server/domain/caches/snapshot-reader.js";
import { SnapshotRowCache } from "../../server/domain/caches/snapshot-rows.js";
import { TokenCache } from "../../server/domain/caches/token-cache.js";
import { defaultCatalog } from "../../server/domain/catalog/catalog.js";
import { systemClock } from "../../server/domain/clock.js";
import type { Deps } from "../../server/domain/deps.js";
import { createCipher } from "../../server/domain/security/encryption.js";
import { adminQuery, databaseUrlFor } from "./global-setup.js";

/** A `linnet serve` child process on the real PostgreSQL, as an operator starts it. */
export interface LinnetProcess {
  role: "api" | "worker";
  child: ChildProcess;
  /** Base URL (api only). */
  url: string;
  /** Everything it printed so far. */
  output(): string;
  /** Resolves when it printed its "started" line; rejects when it exits first. */
  ready: Promise<void>;
  /** Resolves with the exit code (or signal) when it ends. */
  exited: Promise<number | string>;
}

/** A free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, "127.0.0.1", () => {
      const a = srv.address();
      srv.close(() => resolve(typeof a === "object" && a ? a.port : 0));
    });
  });
}

/** An empty database (no migrations, no pg-boss) on the test server, and how to drop it. */
export async function emptyDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `linnet_p_${randomBytes(5).toString("hex")}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
  return { url: databaseUrlFor(serverUrl, name), drop: () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** The environment every process of one installation shares. */
export function installationEnv(databaseUrl: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    LINNET_SECRETS_KEY: randomBytes(32).toString("base64"),
    LINNET_HOST: "127.0.0.1",
    LINNET_LOG_LEVEL: "warn",
    LINNET_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "linnet-proc-")),
    LINNET_WEBHOOK_ALLOW_PRIVATE: "true",
    ...extra,
  };
}

/** Start `linnet serve --role <role>` with the installation's environment (the API on a free port). */
export async function spawnLinnet(role: "api" | "worker", env: Record<string, string>): Promise<LinnetProcess> {
  const port = role === "api" ? await freePort() : 0;
  const { DATABASE_URL: _parent, ...inherited } = process.env;
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ["bin/linnet.mjs", "serve", "--role", role], {
    env: { ...inherited, ...env, PORT: String(port), LINNET_PUBLIC_URL: role === "api" ? url : "http://127.0.0.1:1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  const exited = new Promise<number | string>((resolve) => child.once("exit", (code, signal) => resolve(code ?? signal ?? -1)));
  const ready = new Promise<void>((resolve, reject) => {
    const started = role === "api" ? /Linnet is listening/ : /Linnet worker started/;
    const onData = (d: Buffer) => {
      out += d.toString();
      if (started.test(out)) resolve();
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    void exited.then((code) => reject(new Error(`${role} exited (${code}) before it started:\n${out}`)));
  });
  ready.catch(() => {}); // observed by the caller
  return { role, child, url, output: () => out, ready, exited };
}

/** Stop processes (SIGKILL: tests own them) and wait for their exit. */
export async function killAll(processes: LinnetProcess[]): Promise<void> {
  for (const p of processes) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill("SIGKILL");
  await Promise.all(processes.map((p) => p.exited));
}

/** Domain access to the installation's database from the test (as `linnet app create` would), with its key. */
export async function installationDeps(env: Record<string, string>): Promise<{ deps: Deps; database: Database }> {
  const config = loadConfig({ ...env, LINNET_RATE_LIMITS: "off" });
  const database = await openDatabase({ databaseUrl: config.databaseUrl });
  const deps: Deps = {
    db: database.db,
    clock: systemClock,
    log: pino({ level: "silent" }),
    config,
    cipher: createCipher(config.secretsKey!),
    catalog: defaultCatalog,
    reader: new SnapshotReader(),
    snapshotRows: new SnapshotRowCache(),
    tokens: new TokenCache(0),
    connectionState: new ConnectionStateCache(database.db, 0),
    own: new OwnCaches(),
    jobs: {
      send: async () => {
        throw new Error("the test sends no jobs itself");
      },
    },
  };
  return { deps, database };
}

/** Poll `check` until it returns a value (not undefined) or the deadline passes. */
export async function pollUntil<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 60_000, everyMs = 100): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (err) {
      last = err;
    }
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ""}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

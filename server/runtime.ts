import fs from "node:fs";
import path from "node:path";
import type PgBoss from "pg-boss";
import pino from "pino";
import { buildApp } from "./api/app.js";
import type { ZodApp } from "./api/types.js";
import type { Config } from "./config.js";
import { type Database, migrateDatabase, openDatabase } from "./db/client.js";
import { bootstrapIfEmpty, type FirstStartCredentials } from "./domain/bootstrap.js";
import { type Catalog, defaultCatalog } from "./domain/catalog/catalog.js";
import { type Clock, systemClock } from "./domain/clock.js";
import { TokenCache } from "./domain/connections/token-cache.js";
import type { Deps } from "./domain/deps.js";
import { SnapshotReader } from "./domain/employer/snapshot-reader.js";
import { createCipher, generateKeyBase64 } from "./domain/security/encryption.js";
import { createBoss, startJobs } from "./jobs/queue.js";

/** Which parts a process runs: both (default), the HTTP API only, or the job workers only. */
export type Role = "all" | "api" | "worker";

/** Options for startLinnet. */
export interface StartOptions {
  config: Config;
  role?: Role;
  clock?: Clock;
  catalog?: Catalog;
  /** Tests: start PGlite from a migrated template instead of a data directory. */
  database?: Database;
  /** Skip listening (tests that only use inject). */
  listen?: boolean;
}

/** A running Linnet. */
export interface Linnet {
  deps: Deps;
  app: ZodApp | null;
  boss: PgBoss;
  database: Database;
  /** Credentials created on this first start, or null. */
  firstStart: FirstStartCredentials | null;
  /** Base URL the API listens on (null for workers). */
  url: string | null;
  close(): Promise<void>;
}

/** The embedded default keeps its secrets key beside the data, readable by the owner only. */
function secretsKey(config: Config): string {
  if (config.secretsKey) return config.secretsKey;
  const file = path.join(config.dataDir, "secrets.key");
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  fs.mkdirSync(config.dataDir, { recursive: true });
  const key = generateKeyBase64();
  fs.writeFileSync(file, key, { mode: 0o600, flag: "wx" });
  return key;
}

/** Open the database, migrate, bootstrap an empty installation, start jobs and (unless worker-only) the API. */
export async function startLinnet(opts: StartOptions): Promise<Linnet> {
  const { config } = opts;
  const role = opts.role ?? "all";
  const log = pino({ level: config.logLevel, base: { service: "linnet", role } });
  const cipher = createCipher(secretsKey(config));
  const database = opts.database ?? (await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }));
  await migrateDatabase(database);
  const boss = createBoss(database, { worker: role !== "api" });
  const jobs = {
    async send(name: string, data: Record<string, unknown>) {
      await boss.send(name, data);
    },
  };
  const deps: Deps = {
    db: database.db,
    clock: opts.clock ?? systemClock,
    log,
    config,
    cipher,
    catalog: opts.catalog ?? defaultCatalog,
    reader: new SnapshotReader(config.readCacheBytes),
    jobs,
    tokens: new TokenCache(config.authCacheMs),
  };
  const firstStart = role === "worker" ? null : await bootstrapIfEmpty(deps);
  const stopJobs = await startJobs(boss, deps, { worker: role !== "api" });
  let app: ZodApp | null = null;
  let url: string | null = null;
  if (role !== "worker") {
    app = await buildApp(deps, { logLevel: config.logLevel });
    if (opts.listen !== false) {
      await app.listen({ port: config.port, host: config.host });
      const address = app.server.address();
      url = typeof address === "object" && address ? `http://127.0.0.1:${address.port}` : config.publicUrl;
    } else {
      await app.ready();
    }
  }
  return {
    deps,
    app,
    boss,
    database,
    firstStart,
    url,
    async close() {
      stopJobs();
      await app?.close();
      await boss.stop({ graceful: true, wait: true, timeout: 5000 });
      await database.close();
    },
  };
}

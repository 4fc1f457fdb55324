import fs from "node:fs";
import path from "node:path";
import type PgBoss from "pg-boss";
import type { DestinationStream } from "pino";
import { buildApp } from "./api/app.js";
import type { ZodApp } from "./api/types.js";
import { bootstrapIfEmpty, type FirstStartCredentials } from "./commands/bootstrap.js";
import type { Config } from "./config.js";
import { type Database, databaseOptions, migrateDatabase, openDatabase } from "./db/client.js";
import { ConnectionStateCache } from "./domain/caches/connection-state-cache.js";
import { OwnCaches } from "./domain/caches/own-caches.js";
import { SnapshotReader } from "./domain/caches/snapshot-reader.js";
import { SnapshotRowCache } from "./domain/caches/snapshot-rows.js";
import { TokenCache } from "./domain/caches/token-cache.js";
import { type Catalog, defaultCatalog } from "./domain/catalog/catalog.js";
import { type Clock, systemClock } from "./domain/clock.js";
import type { Deps } from "./domain/deps.js";
import { createMetrics } from "./domain/metrics/metrics.js";
import { sealPlainUploads } from "./domain/ops/upload-content.js";
import { createCipher, generateKeyBase64 } from "./domain/security/encryption.js";
import { createBoss, type JobWorkers, prepareJobs, startJobs } from "./jobs/queue.js";
import { createLogger } from "./logging.js";
import { installStoppingHook } from "./runtime/shutdown.js";
import { startStep, underStartLock } from "./runtime/start-lock.js";

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
  /** Where log lines go (stdout by default; tests capture them). */
  logStream?: DestinationStream;
}

/** A running Linnet. */
export interface Linnet {
  deps: Deps;
  app: ZodApp | null;
  boss: PgBoss;
  /** The job workers (leases, shutdown drain); present in every role, subscribed only in workers. */
  jobs: JobWorkers;
  database: Database;
  /** Credentials created on this first start, or null. */
  firstStart: FirstStartCredentials | null;
  /** Base URL the API listens on (null for workers). */
  url: string | null;
  close(): Promise<void>;
}

/** The embedded default keeps its secrets key beside the data, readable by the owner only. */
export function secretsKey(config: Config): string {
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
  const log = createLogger(config, { service: "linnet", role }, opts.logStream);
  const cipher = createCipher(secretsKey(config));
  const database = opts.database ?? (await openDatabase(databaseOptions(config, (message, level) => log[level ?? "info"](message))));
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
    snapshotRows: new SnapshotRowCache(),
    jobs,
    tokens: new TokenCache(config.authCacheMs),
    connectionState: new ConnectionStateCache(database.db, config.authCacheMs),
    own: new OwnCaches({ ttlMs: config.authCacheMs }),
    // measured only when someone may read it (`/metrics` is off without a token)
    metrics: config.metricsToken ? createMetrics() : undefined,
  };
  // once per database at a time, whatever the number of processes starting (see runtime/start-lock.ts)
  const firstStart = await underStartLock(database, async () => {
    await startStep("migrate the database", () => migrateDatabase(database));
    // uploads stored before sealing existed are sealed here: a migration has no key (idempotent)
    const sealed = await startStep("seal stored uploads", () => sealPlainUploads(deps));
    if (sealed > 0) log.info({ sealed }, "sealed uploaded files stored in clear by an earlier version");
    await startStep("prepare the job queues", () => prepareJobs(boss, deps, { worker: role !== "api" }));
    return role === "worker" ? null : await startStep("first-start bootstrap", () => bootstrapIfEmpty(deps));
  });
  const jobWorkers = await startJobs(boss, deps, database, { worker: role !== "api" });
  let app: ZodApp | null = null;
  let url: string | null = null;
  if (role !== "worker") {
    app = await buildApp(deps, { logger: log });
    installStoppingHook(app);
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
    jobs: jobWorkers,
    database,
    firstStart,
    url,
    async close() {
      jobWorkers.abort();
      await app?.close();
      await boss.stop({ graceful: true, wait: true, timeout: 5000 });
      jobWorkers.runner.stop();
      await database.close();
    },
  };
}

import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import type { Config } from "../config.js";
import { type DataDirLock, lockDataDir } from "./data-dir-lock.js";
import type { NoticeLog } from "./embedded/embedded-postgres.js";
import { chooseEmbeddedEngine, type EmbeddedEngine } from "./embedded/engine-choice.js";
import { superviseEmbeddedPostgres } from "./embedded/postgres-supervisor.js";
import { initPgliteDataDir, needsInitdb } from "./pglite-initdb.js";
import { pgliteStartParams } from "./pglite-settings.js";
import * as schema from "./schema/index.js";

/** The drizzle handle every repository takes; identical over PGlite and node-postgres. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

/** A transaction handle, usable wherever a Db is. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** Raw SQL access for pg-boss: one statement with parameters, or a multi-statement script without. */
export type ExecuteSql = (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }>;

/** An open database. */
export interface Database {
  db: Db;
  kind: "pglite" | "postgres";
  executeSql: ExecuteSql;
  /** Postgres only: the connection string, so pg-boss can open its own pool. */
  connectionString?: string;
  /** The embedded PostgreSQL server this process started, restarts and stops on close (absent with DATABASE_URL). */
  embeddedServer?: { url: string; readonly pid: number };
  /** PGlite only: a tarball of the data directory (tests start each file from a migrated template). */
  dumpDataDir?: () => Promise<Blob>;
  /** Apply the generated migrations of `folder` through the driver's own migrator. */
  migrate(folder: string): Promise<void>;
  close(): Promise<void>;
}

/** Where generated migrations live. */
export const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");

/** How to open the database. */
export interface OpenOptions {
  /** PostgreSQL connection string; when absent, PGlite. */
  databaseUrl?: string;
  /** PGlite: directory holding `pgdata` and the lock; `memory://` for a throwaway database. */
  dataDir?: string;
  /** PGlite: start from a dumped data directory (tests use a migrated template). */
  loadDataDir?: Blob;
  /** Without databaseUrl: the embedded PostgreSQL server (default) or PGlite; unset picks (see engine-choice.ts). */
  embeddedEngine?: EmbeddedEngine;
  /** Notices about the embedded database (engine chosen, server started or restarted, orphan cleared). */
  log?: NoticeLog;
}

function poolDatabase(url: string, onClose: () => Promise<void> = async () => {}): Database {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  pool.on("error", () => {}); // idle-client errors surface on the next query instead
  // A client checked out for a transaction has no pool listener: a backend terminated between two of its queries
  // (while the transaction's own code runs) would be an unhandled 'error' event and end the process. With this
  // listener the next query fails instead ("not queryable", an outage: 503), and the release drops the client.
  pool.on("connect", (client) => client.on("error", () => {}));
  const db = drizzlePg(pool, { schema });
  return {
    db: db as unknown as Db,
    migrate: (folder) => migratePg(db, { migrationsFolder: folder }),
    kind: "postgres",
    connectionString: url,
    executeSql: async (text, values) => pool.query(text, values as unknown[]),
    close: async () => {
      await pool.end();
      await onClose();
    },
  };
}

/** The embedded PostgreSQL server of a data directory, under its lock; closing stops the server. */
async function openEmbeddedServer(dataDir: string, log: NoticeLog): Promise<Database> {
  const lock = lockDataDir(dataDir);
  try {
    const server = await superviseEmbeddedPostgres({ dataDir, log });
    const database = poolDatabase(server.url, async () => {
      await server.stop();
      lock.release();
    });
    return { ...database, embeddedServer: server };
  } catch (err) {
    lock.release();
    throw err;
  }
}

/** Open PostgreSQL (DATABASE_URL), the embedded PostgreSQL server, or PGlite, without migrating. */
export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) return poolDatabase(opts.databaseUrl);
  const log = opts.log ?? (() => {});
  if (opts.dataDir && opts.dataDir !== "memory://" && (await chooseEmbeddedEngine(opts.dataDir, opts.embeddedEngine, log)) === "postgres") {
    return openEmbeddedServer(opts.dataDir, log);
  }
  let lock: DataDirLock | undefined;
  let dataDir: string | undefined;
  if (opts.dataDir && opts.dataDir !== "memory://") {
    lock = lockDataDir(opts.dataDir);
    dataDir = path.join(opts.dataDir, "pgdata");
  }
  try {
    // a new data directory's cluster is created in a child process: in-process, initdb's memory stays (pglite-initdb.ts)
    if (dataDir && !opts.loadDataDir && needsInitdb(dataDir)) await initPgliteDataDir(dataDir);
    const client = await PGlite.create({ dataDir, loadDataDir: opts.loadDataDir, startParams: pgliteStartParams() });
    const db = drizzlePglite(client, { schema });
    return {
      db: db as unknown as Db,
      migrate: (folder) => migratePglite(db, { migrationsFolder: folder }),
      kind: "pglite",
      dumpDataDir: () => client.dumpDataDir("none"),
      executeSql: async (text, values) => {
        if (values && values.length > 0) return client.query(text, values);
        const results = await client.exec(text);
        return results[results.length - 1] ?? { rows: [] };
      },
      close: async () => {
        await client.close();
        lock?.release();
      },
    };
  } catch (err) {
    lock?.release();
    throw err;
  }
}

/** How a process opens the database its configuration names. */
export function databaseOptions(config: Config, log?: NoticeLog): OpenOptions {
  return { databaseUrl: config.databaseUrl, dataDir: config.dataDir, embeddedEngine: config.embeddedEngine, log };
}

/** Apply every pending generated migration. */
export async function migrateDatabase(database: Database): Promise<void> {
  await database.migrate(MIGRATIONS_DIR);
}

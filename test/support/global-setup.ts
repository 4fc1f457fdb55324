import { execFileSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { type Database, migrateDatabase, openDatabase } from "../../server/db/client.js";
import { type EmbeddedPostgres, startEmbeddedPostgres } from "../../server/db/embedded/embedded-postgres.js";
import { createBoss } from "../../server/jobs/queue.js";
import { JOBS } from "../../server/jobs/registry.js";

/** Scratch space for this run (per process, so concurrent runs never delete each other's), removed afterwards. */
const TMP = path.resolve(".test-tmp", String(process.pid));

declare module "vitest" {
  export interface ProvidedContext {
    /** PostgreSQL server URL (DATABASE_URL, or the run's embedded server), else "" (LINNET_TEST_ENGINE=pglite). */
    databaseUrl: string;
    /** PostgreSQL: name of the migrated template database. */
    pgTemplate: string;
    /** PGlite: path of the migrated template's dump. */
    pgliteTemplate: string;
  }
}

/** Migrations plus pg-boss's own schema and queues: what every test database starts with. */
async function prepare(database: Database): Promise<void> {
  await migrateDatabase(database);
  const boss = createBoss(database, { worker: false });
  await boss.start();
  for (const job of JOBS) await boss.createQueue(job.name, { name: job.name, ...job.queue });
  await boss.stop({ graceful: false, wait: true });
}

/** Where a test run's web build records the hash of the sources it was built from. */
const WEB_BUILD_HASH = "web/dist/.sources-sha256";

/** Files under `dir` (recursively, sorted), leaving out `skip` directories. */
function filesUnder(dir: string, skip: string[] = []): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return skip.includes(full) ? [] : filesUnder(full, skip);
      return entry.isFile() ? [full] : [];
    })
    .sort();
}

/** Hash of everything the web build reads: web/ (not its output), contracts/, the Vite and TypeScript config, the lockfile. */
function webSourcesHash(): string {
  const hash = createHash("sha256");
  const files = [
    ...filesUnder("web", [path.join("web", "dist")]),
    ...filesUnder("contracts"),
    "vite.config.ts",
    "tsconfig.json",
    "package-lock.json",
  ];
  for (const file of files) {
    hash.update(`${file}\0`);
    hash.update(fs.readFileSync(file));
    hash.update("\0");
  }
  return hash.digest("hex");
}

/** Build the web pages unless web/dist was built by a test run from the same sources (one build per change, not per run). */
function buildWebPages(): void {
  // LINNET_TEST_SKIP_WEB_BUILD=1 reuses whatever web/dist holds (quicker local runs of server-only tests).
  if (process.env.LINNET_TEST_SKIP_WEB_BUILD && fs.existsSync("web/dist/connect/index.html")) return;
  const sources = webSourcesHash();
  const built =
    fs.existsSync("web/dist/connect/index.html") && fs.existsSync(WEB_BUILD_HASH) ? fs.readFileSync(WEB_BUILD_HASH, "utf8") : "";
  if (built === sources) return;
  execFileSync(process.execPath, ["node_modules/vite/bin/vite.js", "build", "--logLevel", "warn"], { stdio: "inherit" });
  fs.writeFileSync(WEB_BUILD_HASH, sources);
}

/** URL of another database on the same server. */
export function databaseUrlFor(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

/** Vitest global setup: build the web pages once and a migrated template database. */
export default async function setup(project: TestProject) {
  fs.rmSync(TMP, { recursive: true, force: true });
  fs.mkdirSync(TMP, { recursive: true });
  buildWebPages();
  // Without DATABASE_URL the suite runs on the embedded PostgreSQL server, as `npm start` does: one server for the
  // run, a database per test file; LINNET_TEST_ENGINE=pglite runs it on PGlite instead.
  let embedded: EmbeddedPostgres | null = null;
  if (!process.env.DATABASE_URL && process.env.LINNET_TEST_ENGINE !== "pglite") {
    embedded = await startEmbeddedPostgres({
      dataDir: TMP,
      // many test files at once, each with pools; durability is of no use to a throwaway cluster
      settings: { max_connections: "400", fsync: "off", synchronous_commit: "off", full_page_writes: "off" },
    });
  }
  const databaseUrl = process.env.DATABASE_URL ?? embedded?.serverUrl ?? "";
  let pgTemplate = "";
  let pgliteTemplate = "";
  if (databaseUrl) {
    pgTemplate = `linnet_tpl_${randomBytes(4).toString("hex")}`;
    await adminQuery(databaseUrl, `CREATE DATABASE ${pgTemplate}`);
    const database = await openDatabase({ databaseUrl: databaseUrlFor(databaseUrl, pgTemplate) });
    await prepare(database);
    await database.close();
  } else {
    const database = await openDatabase({ dataDir: "memory://" });
    await prepare(database);
    const dump = await database.dumpDataDir!();
    pgliteTemplate = path.join(TMP, "template.tar");
    fs.writeFileSync(pgliteTemplate, Buffer.from(await dump.arrayBuffer()));
    await database.close();
  }
  project.provide("databaseUrl", databaseUrl);
  project.provide("pgTemplate", pgTemplate);
  project.provide("pgliteTemplate", pgliteTemplate);
  return async () => {
    if (pgTemplate && !embedded) await adminQuery(databaseUrl, `DROP DATABASE IF EXISTS ${pgTemplate}`);
    await embedded?.stop();
    fs.rmSync(TMP, { recursive: true, force: true });
  };
}

export { adminQuery };

import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import type { DestinationStream } from "pino";
import { inject } from "vitest";
import { loadConfig } from "../../server/config.js";
import { type Database, openDatabase } from "../../server/db/client.js";
import { type CreatedApplication, createApplication } from "../../server/domain/applications/create-application.js";
import { ManualClock } from "../../server/domain/clock.js";
import { type Linnet, type Role, startLinnet } from "../../server/runtime.js";
import { adminQuery, databaseUrlFor } from "./global-setup.js";

/** A running Linnet on a real port with its own database, for one test file. */
export interface TestServer {
  linnet: Linnet;
  /** Base URL, also the public URL. */
  url: string;
  clock: ManualClock;
  /** Register an application through the domain (as `linnet app create` does). */
  createApp(opts?: {
    name?: string;
    redirectUris?: string[];
    clientType?: "development" | "production" | "sandbox";
  }): Promise<CreatedApplication>;
  /** Stop Linnet and start it again on the same database, port and clock (a process restart). */
  restart(): Promise<void>;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      srv.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/** A fresh database copied from the suite's migrated template. */
async function freshDatabase(): Promise<{
  database: Database;
  drop(): Promise<void>;
  beforeRestart(current: Database): Promise<() => Promise<Database>>;
}> {
  const serverUrl = inject("databaseUrl");
  if (serverUrl) {
    const name = `linnet_t_${randomBytes(5).toString("hex")}`;
    await adminQuery(serverUrl, `CREATE DATABASE ${name} TEMPLATE ${inject("pgTemplate")}`);
    const open = () => openDatabase({ databaseUrl: databaseUrlFor(serverUrl, name) });
    return {
      database: await open(),
      drop: () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
      beforeRestart: async () => open,
    };
  }
  const blob = new Blob([fs.readFileSync(inject("pgliteTemplate"))]);
  return {
    database: await openDatabase({ dataDir: "memory://", loadDataDir: blob }),
    drop: async () => {},
    // an in-memory PGlite lives in this process: carry its files over, as a data directory survives a restart
    async beforeRestart(current) {
      const files = await current.dumpDataDir!();
      return () => openDatabase({ dataDir: "memory://", loadDataDir: files });
    },
  };
}

/** Start Linnet for a test file: real HTTP on 127.0.0.1, a manual clock, silent logs (`role: "api"`: no job workers). */
export async function startTestServer(
  env: Record<string, string> = {},
  opts: { role?: Role; logStream?: DestinationStream } = {},
): Promise<TestServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const fresh = await freshDatabase();
  let database = fresh.database;
  const config = loadConfig({
    PORT: String(port),
    LINNET_HOST: "127.0.0.1",
    LINNET_PUBLIC_URL: url,
    LINNET_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "linnet-test-")),
    LINNET_SECRETS_KEY: randomBytes(32).toString("base64"),
    LINNET_LOG_LEVEL: "silent",
    LINNET_RATE_LIMITS: "off", // the rate-limit tests turn them on
    LINNET_PUBLIC_RATE_LIMIT: "off", // browser tests click through Connect many times from one address
    LINNET_WEBHOOK_ALLOW_PRIVATE: "true", // receivers run on this machine; the SSRF tests turn it off
    ...(inject("databaseUrl") ? { DATABASE_URL: "provided-by-test" } : {}),
    ...env,
  });
  const clock = new ManualClock(new Date());
  const linnet = await startLinnet({ config, database, clock, role: opts.role, logStream: opts.logStream });
  const server: TestServer = {
    linnet,
    url,
    clock,
    async createApp(opts = {}) {
      const created = await createApplication(server.linnet.deps, {
        name: opts.name ?? "Acme Benefits",
        redirectUris: opts.redirectUris ?? ["http://localhost:3000/callback"],
        clientType: opts.clientType ?? "development",
      });
      if (!created.ok) throw created.error;
      return created.value;
    },
    async restart() {
      const reopen = await fresh.beforeRestart(database);
      await server.linnet.close();
      database = await reopen();
      server.linnet = await startLinnet({ config, database, clock, role: opts.role, logStream: opts.logStream });
    },
    async close() {
      await server.linnet.close();
      await fresh.drop();
    },
  };
  return server;
}

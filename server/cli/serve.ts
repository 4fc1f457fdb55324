import pino, { type Logger } from "pino";
import { type Config, childProcessEnv } from "../config.js";
import { databaseOptions, openDatabase } from "../db/client.js";
import { loadHostKey } from "../intake/sftp/host-key.js";
import { startSftpServer } from "../intake/sftp/sftp-server.js";
import { boundHeapGrowthOnPglite } from "../runtime/heap-growth.js";
import { gracefulStop, installProcessGuards } from "../runtime/shutdown.js";
import { superviseWorker, type WorkerSupervisor } from "../runtime/worker-supervisor.js";
import { type Linnet, type Role, secretsKey, startLinnet } from "../runtime.js";

/**
 * Start this process's part. An all-in-one `serve` on a PostgreSQL server (the embedded one, or DATABASE_URL) runs
 * the API here and the job workers in a supervised child (`--role worker` on the same server), so a long job never
 * blocks a request and a publish's memory (hundreds of MB for a large pay history) is never the API process's; on
 * PGlite (one connection, in this process) it runs both here.
 */
async function startProcesses(config: Config, role: Role, log: Logger): Promise<{ linnet: Linnet; worker: WorkerSupervisor | null }> {
  if (role !== "all") return { linnet: await startLinnet({ config, role }), worker: null };
  if (config.databaseUrl) {
    const linnet = await startLinnet({ config, role: "api" });
    return { linnet, worker: superviseWorker(childProcessEnv({ LINNET_SECRETS_KEY: secretsKey(config) }), log) };
  }
  const database = await openDatabase(databaseOptions(config, (message, level) => log[level ?? "info"](message)));
  if (!database.embeddedServer) {
    // PGlite: publishes run in this process; keep V8's heap near its live data (runtime/heap-growth.ts)
    if (database.kind === "pglite") boundHeapGrowthOnPglite();
    return { linnet: await startLinnet({ config, role, database }), worker: null };
  }
  const linnet = await startLinnet({ config, role: "api", database });
  const env = childProcessEnv({ DATABASE_URL: database.embeddedServer.url, LINNET_SECRETS_KEY: secretsKey(config) });
  return { linnet, worker: superviseWorker(env, log) };
}

/** What the start line says the database is. */
function databaseName(linnet: Linnet): string {
  return linnet.database.embeddedServer ? "embedded PostgreSQL" : linnet.database.kind;
}

/** `linnet serve [--role all|api|worker]`: run until SIGINT/SIGTERM. */
export async function serveCommand(config: Config, role: Role): Promise<void> {
  const log = pino({ level: config.logLevel, base: { service: "linnet", role } });
  installProcessGuards(log);
  const { linnet, worker } = await startProcesses(config, role, log);
  const base = config.publicUrl;
  if (linnet.firstStart) {
    const { application, admin } = linnet.firstStart;
    console.log(
      [
        "",
        "First start: created a demo application and an admin user. Save these now; secrets are shown only once.",
        `  Application "${application.name}"`,
        `    client_id:     ${application.client_id}`,
        `    client_secret: ${application.client_secret}`,
        `  Admin user`,
        `    email:    ${admin.email}`,
        `    password: ${admin.password}`,
        "",
      ].join("\n"),
    );
  }
  if (linnet.app) {
    console.log(
      [
        `Linnet is listening on ${config.host}:${config.port} (${databaseName(linnet)}, role ${role})`,
        config.demoEnabled ? `  Demo app:       ${base}/demo` : "  Demo app:       off (LINNET_DEMO=true turns it on)",
        `  API reference:  ${base}/reference`,
        `  OpenAPI:        ${base}/openapi.json`,
        `  Point a Finch SDK at it with baseURL ${base}`,
      ].join("\n"),
    );
  } else {
    console.log(`Linnet worker started (${databaseName(linnet)})`);
  }
  // the SFTP inbox server for scheduled reports runs beside the API (LINNET_SFTP_PORT, 0 = off)
  const sftpPort = config.intake.sftpPort;
  const sftp =
    linnet.app && sftpPort ? await startSftpServer(linnet.deps, { port: sftpPort, host: config.host, hostKey: loadHostKey(config) }) : null;
  if (sftp) console.log(`  SFTP inboxes:   port ${sftp.port}, host key ${sftp.fingerprint}`);
  let stopped = false;
  const stop = async (signal: string) => {
    if (stopped) return;
    stopped = true;
    console.log(`${signal}: shutting down (up to ${config.shutdownTimeoutMs} ms for running requests and jobs)`);
    await sftp?.close();
    // the worker child drains its jobs while this process drains its requests; the database closes after both
    const workerStopped = worker?.stop();
    await gracefulStop(linnet, config.shutdownTimeoutMs, log, { beforeDatabaseClose: () => workerStopped });
    process.exit(0);
  };
  process.once("SIGINT", () => void stop("SIGINT"));
  process.once("SIGTERM", () => void stop("SIGTERM"));
  // a worker started by an all-in-one serve: its parent's exit (however it died) closes this channel
  if (process.send) process.once("disconnect", () => void stop("the API process is gone"));
}

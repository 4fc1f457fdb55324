import type { Config } from "../config.js";
import pino from "pino";
import { loadHostKey } from "../intake/sftp/host-key.js";
import { startSftpServer } from "../intake/sftp/sftp-server.js";
import { type Linnet, type Role, startLinnet } from "../runtime.js";
import { gracefulStop, installProcessGuards } from "../runtime/shutdown.js";

/** What the start line says the database is. */
function databaseName(linnet: Linnet): string {
  return linnet.database.embeddedServer ? "embedded PostgreSQL" : linnet.database.kind;
}

/** `linnet serve [--role all|api|worker]`: run until SIGINT/SIGTERM. */
export async function serveCommand(config: Config, role: Role): Promise<void> {
  const log = pino({ level: config.logLevel, base: { service: "linnet", role } });
  installProcessGuards(log);
  const linnet = await startLinnet({ config, role });
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
  const sftp = linnet.app && sftpPort ? await startSftpServer(linnet.deps, { port: sftpPort, host: config.host, hostKey: loadHostKey(config) }) : null;
  if (sftp) console.log(`  SFTP inboxes:   port ${sftp.port}, host key ${sftp.fingerprint}`);
  const stop = async (signal: string) => {
    console.log(`${signal}: shutting down (up to ${config.shutdownTimeoutMs} ms for running requests and jobs)`);
    await sftp?.close();
    await gracefulStop(linnet, config.shutdownTimeoutMs, log);
    process.exit(0);
  };
  process.once("SIGINT", () => void stop("SIGINT"));
  process.once("SIGTERM", () => void stop("SIGTERM"));
}

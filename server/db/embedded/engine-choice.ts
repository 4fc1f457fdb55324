import fs from "node:fs";
import path from "node:path";
import { clusterDir } from "./embedded-postgres.js";
import { embeddedPostgresAvailable } from "./postgres-binaries.js";

/** The embedded database engines: a PostgreSQL server child process (default) or PGlite in Linnet's own thread. */
export type EmbeddedEngine = "postgres" | "pglite";

/** Where an earlier Linnet kept its PGlite database. */
export function pgliteDir(dataDir: string): string {
  return path.join(dataDir, "pgdata");
}

/**
 * Which engine a data directory without DATABASE_URL runs on. An explicit LINNET_EMBEDDED_ENGINE wins. Otherwise the
 * PostgreSQL server, except for a data directory that already holds a PGlite database (an install from before the
 * server became the default: its data stays where it is, with a notice on how to move it) or a platform with no
 * embedded binaries.
 */
export async function chooseEmbeddedEngine(
  dataDir: string,
  explicit: EmbeddedEngine | undefined,
  log: (message: string) => void,
): Promise<EmbeddedEngine> {
  if (explicit) return explicit;
  if (fs.existsSync(pgliteDir(dataDir)) && !fs.existsSync(clusterDir(dataDir))) {
    log(
      `${pgliteDir(dataDir)} holds a PGlite database: running on PGlite (one connection in this process: large publishes stall other requests). ` +
        "To move to the embedded PostgreSQL server: `linnet backup linnet.sql`, move the pgdata folder aside, then `linnet restore linnet.sql` (see README).",
    );
    return "pglite";
  }
  if (await embeddedPostgresAvailable()) return "postgres";
  log("no embedded PostgreSQL binaries for this platform: running on PGlite (LINNET_EMBEDDED_ENGINE=pglite silences this)");
  return "pglite";
}

import { randomBytes } from "node:crypto";
import { type Child, freePort, spawnNode } from "./child.js";

/** A Linnet server running as a child process, with the demo application's credentials from its first start. */
export interface LinnetProcess {
  child: Child;
  /** Base URL (also its public URL). */
  url: string;
  clientId: string;
  clientSecret: string;
}

/** Where the server stores its data: an embedded data directory, or a PostgreSQL database. */
/** `secretsKey`: pass one when a second process must share the database (and so the key). */
export type LinnetStorage =
  | { kind: "pglite" | "embedded"; dataDir: string }
  | { kind: "postgres"; databaseUrl: string; secretsKey?: string };

/** First start on an empty database: cluster init, migrations and bootstrap take several seconds on PGlite. */
const START_TIMEOUT_MS = 120_000;

/** Start `node bin/linnet.mjs serve` on a free port and wait until it listens. */
export async function startLinnetProcess(root: string, storage: LinnetStorage): Promise<LinnetProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env: Record<string, string> = {
    PORT: String(port),
    LINNET_HOST: "127.0.0.1",
    LINNET_PUBLIC_URL: url,
    LINNET_RATE_LIMITS: "off",
    LINNET_LOG_LEVEL: "warn",
  };
  // "embedded" is the default (the embedded PostgreSQL server, workers in a child); "pglite" the fallback engine
  if (storage.kind === "postgres")
    Object.assign(env, { DATABASE_URL: storage.databaseUrl, LINNET_SECRETS_KEY: storage.secretsKey ?? randomBytes(32).toString("base64") });
  else
    Object.assign(env, {
      LINNET_DATA_DIR: storage.dataDir,
      LINNET_SFTP_PORT: "0",
      ...(storage.kind === "pglite" ? { LINNET_EMBEDDED_ENGINE: "pglite" } : {}),
    });
  const child = spawnNode(["bin/linnet.mjs", "serve"], env, root);
  try {
    await child.waitFor(/Linnet is listening/, START_TIMEOUT_MS);
    const clientId = child.output().match(/client_id:\s+(\S+)/)?.[1];
    const clientSecret = child.output().match(/client_secret:\s+(\S+)/)?.[1];
    if (!clientId || !clientSecret) throw new Error(`no demo credentials in the first start's output:\n${child.output()}`);
    return { child, url, clientId, clientSecret };
  } catch (err) {
    await child.stop();
    throw err;
  }
}

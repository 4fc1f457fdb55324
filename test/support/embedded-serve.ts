import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "./processes.js";

/** `linnet serve` on the default embedded database (no DATABASE_URL), as `npm start` runs it. */
export interface EmbeddedServe {
  child: ChildProcess;
  url: string;
  dataDir: string;
  output(): string;
  /** Resolves with the exit code or signal. */
  exited: Promise<number | string>;
}

/** A fresh data directory for an embedded install. */
export function embeddedDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "linnet-embedded-"));
}

/** Start `linnet serve` on `dataDir` and wait until it listens (and, all-in-one, its worker child started). */
export async function startEmbeddedServe(dataDir: string, extra: Record<string, string> = {}): Promise<EmbeddedServe> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const child = spawn(process.execPath, ["bin/linnet.mjs", "serve"], {
    env: {
      ...inherited,
      LINNET_DATA_DIR: dataDir,
      PORT: String(port),
      LINNET_HOST: "127.0.0.1",
      LINNET_PUBLIC_URL: url,
      LINNET_SFTP_PORT: "0",
      LINNET_LOG_LEVEL: "warn",
      LINNET_RATE_LIMITS: "off",
      ...extra,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  const exited = new Promise<number | string>((resolve) => child.once("exit", (code, signal) => resolve(code ?? signal ?? -1)));
  await new Promise<void>((resolve, reject) => {
    const onData = (d: Buffer) => {
      out += d.toString();
      if (/Linnet is listening/.test(out) && /Linnet worker started/.test(out)) resolve();
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    void exited.then((code) => reject(new Error(`linnet serve exited (${code}) before it started:\n${out}`)));
  });
  return { child, url, dataDir, output: () => out, exited };
}

/** The embedded server's postmaster pid, from its pid file (undefined when it has none: stopped). */
export function postmasterPid(dataDir: string): number | undefined {
  try {
    return Number.parseInt(fs.readFileSync(path.join(dataDir, "postgres", "postmaster.pid"), "utf8").split("\n")[0]!, 10);
  } catch {
    return undefined;
  }
}

/** Whether a process is alive (a zombie counts as gone). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\S+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return true;
  }
}

/** Pids of the `linnet serve --role worker` children of `parent` (Linux). */
export function workerChildren(parent: number): number[] {
  return fs
    .readdirSync("/proc")
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        const stat = fs.readFileSync(`/proc/${d}/stat`, "utf8");
        const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
        return ppid === parent && fs.readFileSync(`/proc/${d}/cmdline`, "utf8").includes("--role\0worker");
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** A process's group id (Linux: /proc/<pid>/stat). */
export function processGroup(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[2]);
}

/** The connection string of an embedded install's database (its server's unix socket), for a test to look inside. */
export function embeddedDatabaseUrl(dataDir: string): string {
  return `postgresql://postgres@localhost/linnet?host=${encodeURIComponent(path.join(dataDir, "postgres"))}`;
}

/** The demo application's credentials printed on first start, as an HTTP Basic header value. */
export function firstStartBasic(output: string): string {
  const id = output.match(/client_id:\s+(\S+)/)?.[1];
  const secret = output.match(/client_secret:\s+(\S+)/)?.[1];
  if (!id || !secret) throw new Error(`no first-start credentials in:\n${output}`);
  return `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}`;
}

/** `POST /sandbox/connections` on a running server; returns the access token. */
export async function sandboxToken(url: string, basic: string, body: Record<string, unknown>): Promise<string> {
  const res = await fetch(`${url}/sandbox/connections`, {
    method: "POST",
    headers: { authorization: basic, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (res.status !== 200) throw new Error(`POST /sandbox/connections: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { access_token: string }).access_token;
}

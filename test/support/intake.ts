import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client } from "ssh2";
import type { Deps, Log } from "../../server/domain/deps.js";
import { loadHostKey } from "../../server/intake/sftp/host-key.js";
import { type SftpServer, startSftpServer } from "../../server/intake/sftp/sftp-server.js";
import type { TestServer } from "./test-server.js";

/** A fixture file of the ingestion golden tests. */
export const fixture = (name: string) => fs.readFileSync(new URL(`../../server/domain/ingestion/fixtures/${name}`, import.meta.url));

/** Log lines the SFTP layer wrote (to assert that refusals are logged). */
export interface CapturedLog extends Log {
  events: { level: string; event?: string; [k: string]: unknown }[];
}

/** A logger that keeps what it is told. */
export function captureLog(): CapturedLog {
  const events: CapturedLog["events"] = [];
  const put = (level: string) => (obj: object | string, msg?: string) => {
    events.push(typeof obj === "string" ? { level, msg: obj } : { level, msg, ...(obj as Record<string, unknown>) });
  };
  return { events, debug: put("debug"), info: put("info"), warn: put("warn"), error: put("error") };
}

/** Start the SFTP inbox server on port 0 beside a test server, logging into `log`. */
export async function startTestSftp(server: TestServer, log: CapturedLog): Promise<SftpServer> {
  const deps: Deps = { ...server.linnet.deps, log };
  return startSftpServer(deps, { port: 0, host: "127.0.0.1", hostKey: loadHostKey(server.linnet.deps.config) });
}

/** Run OpenSSH's `sftp -b` with batch commands and a key; resolves with its exit code and output. */
export function openSshSftp(
  port: number,
  username: string,
  keyFile: string,
  commands: string[],
  cwd: string,
): Promise<{ code: number; output: string }> {
  const batch = path.join(cwd, `batch-${Math.random().toString(36).slice(2)}.txt`);
  fs.writeFileSync(batch, `${commands.join("\n")}\n`);
  const args = [
    "-b",
    batch,
    "-P",
    String(port),
    "-i",
    keyFile,
    "-o",
    "StrictHostKeyChecking=no",
    "-o",
    "UserKnownHostsFile=/dev/null",
    "-o",
    "BatchMode=yes",
    "-o",
    "LogLevel=ERROR",
    `${username}@127.0.0.1`,
  ];
  return new Promise((resolve) => {
    execFile("/usr/bin/sftp", args, { cwd, timeout: 60_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, output: `${stdout}${stderr}` });
    });
  });
}

/** A fresh ed25519 key pair made by ssh-keygen; returns the private key file and the public line. */
export function makeKeyPair(dir: string): Promise<{ keyFile: string; publicLine: string }> {
  const keyFile = path.join(dir, "id_ed25519");
  return new Promise((resolve, reject) => {
    execFile("/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", keyFile], (err) => {
      if (err) return reject(err);
      resolve({ keyFile, publicLine: fs.readFileSync(`${keyFile}.pub`, "utf8").trim() });
    });
  });
}

/** A temporary directory. */
export const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), "linnet-sftp-"));

/** An `ssh2` client session: connect with a password, then run `fn` with it; always ends the connection. */
export async function withSsh<T>(port: number, username: string, password: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client();
  await new Promise<void>((resolve, reject) => {
    client.once("ready", () => resolve());
    client.once("error", reject);
    client.connect({ host: "127.0.0.1", port, username, password, tryKeyboard: false, readyTimeout: 30_000 });
  });
  try {
    return await fn(client);
  } finally {
    client.end();
  }
}

/** Upload bytes with the `ssh2` client's SFTP (open, write, close). */
export function sshPut(client: Client, remotePath: string, bytes: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    client.sftp((err, sftp) => {
      if (err) return reject(err);
      const stream = sftp.createWriteStream(remotePath);
      stream.once("error", (e: Error) => {
        sftp.end();
        reject(e);
      });
      stream.once("close", () => {
        sftp.end();
        resolve();
      });
      stream.end(bytes);
    });
  });
}

/** Poll a condition until it holds (no fixed sleeps; fails after the deadline). */
export async function eventually<T>(probe: () => Promise<T | null | undefined | false>, what: string, timeoutMs = 30_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setTimeout(r, 50));
  }
}

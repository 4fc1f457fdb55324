import type { Client } from "ssh2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CreatedApplication } from "../../server/domain/applications/create-application.js";
import type { SftpServer } from "../../server/intake/sftp/sftp-server.js";
import { type ConsoleBrowser, signInConsole } from "../support/console.js";
import { connectEmployer, http } from "../support/http.js";
import { type CapturedLog, captureLog, sshPut, startTestSftp, withSsh } from "../support/intake.js";
import { startTestServer, type TestServer } from "../support/test-server.js";

/** An inbox can write into its own folder and list it; everything else is refused and logged. */
let server: TestServer;
let app: CreatedApplication;
let ops: ConsoleBrowser;
let sftp: SftpServer;
let log: CapturedLog;

async function inbox() {
  const conn = await connectEmployer(server.url, app, {
    products: ["company", "directory"],
    choice: { provider_id: "paylocity", auth_method: "assisted", access_granted: true },
  });
  const opened = await ops.call<{ username: string; password: string }>(
    "POST",
    `/ops/api/connections/${conn.connection_id}/inbox/password`,
  );
  expect(opened.status).toBe(200);
  return { conn, ...opened.body };
}

const refused = (event: string) => log.events.filter((e) => e.event === event);

function sftpOf(client: Client): Promise<import("ssh2").SFTPWrapper> {
  return new Promise((resolve, reject) => client.sftp((err, s) => (err ? reject(err) : resolve(s))));
}

beforeAll(async () => {
  server = await startTestServer({ LINNET_UPLOAD_MAX_MB: "1" });
  app = await server.createApp();
  ops = await signInConsole(server, "sec-ops@linnet.test", "operator");
  log = captureLog();
  sftp = await startTestSftp(server, log);
});
afterAll(async () => {
  await sftp?.close();
  await server?.close();
});

describe("SFTP inbox security", () => {
  it("refuses a wrong password and logs it", async () => {
    const a = await inbox();
    await expect(withSsh(sftp.port, a.username, "not-the-password", async () => "in")).rejects.toThrow(/authentication/i);
    expect(refused("login_failed").some((e) => e.username === a.username && e.reason === "bad_password")).toBe(true);
    await expect(withSsh(sftp.port, "nobody-here", "x", async () => "in")).rejects.toThrow(/authentication/i);
    expect(refused("login_failed").some((e) => e.reason === "unknown_user")).toBe(true);
  });

  it("confines a session to its folder: other folders, ../, symlinks, reads, exec and shell are refused and logged", async () => {
    const a = await inbox();
    const b = await inbox();
    await withSsh(sftp.port, a.username, a.password, async (client) => {
      await expect(sshPut(client, `/${b.username}/census.csv`, Buffer.from("a,b\n1,2\n"))).rejects.toThrow(/denied|not allowed/i);
      await expect(sshPut(client, "../census.csv", Buffer.from("a,b\n1,2\n"))).rejects.toThrow(/denied|not allowed/i);
      await expect(sshPut(client, "/../../etc/census.csv", Buffer.from("a,b\n1,2\n"))).rejects.toThrow(/denied|not allowed/i);
      const s = await sftpOf(client);
      await expect(
        new Promise((resolve, reject) => s.symlink("/etc/passwd", "/passwd", (err) => (err ? reject(err) : resolve(true)))),
      ).rejects.toThrow(/denied|not allowed/i);
      await expect(
        new Promise((resolve, reject) => s.open("/anything.csv", "r", (err, h) => (err ? reject(err) : resolve(h)))),
      ).rejects.toThrow(/denied|not allowed/i);
      await expect(
        new Promise((resolve, reject) => s.readdir(`/${b.username}`, (err, l) => (err ? reject(err) : resolve(l)))),
      ).rejects.toThrow(/denied|not allowed/i);
      s.end();
      await expect(
        new Promise((resolve, reject) => client.exec("cat /etc/passwd", (err, ch) => (err ? reject(err) : resolve(ch)))),
      ).rejects.toThrow();
      await expect(new Promise((resolve, reject) => client.shell((err, ch) => (err ? reject(err) : resolve(ch))))).rejects.toThrow();
    });
    expect(refused("path_refused").length).toBeGreaterThanOrEqual(3);
    expect(refused("symlink_refused")).toHaveLength(1);
    expect(refused("open_refused")).toHaveLength(1);
    const kinds = refused("session_request_refused").map((e) => e.kind);
    expect(kinds).toContain("exec");
    expect(kinds.some((k) => k === "pty" || k === "shell")).toBe(true); // a shell asks for a terminal first
    const files = await ops.call<{ files: unknown[] }>("GET", `/ops/api/intake/files?connection_id=${b.conn.connection_id}`);
    expect(files.body.files).toHaveLength(0);
  });

  it("refuses a file over LINNET_UPLOAD_MAX_MB and stores nothing", async () => {
    const a = await inbox();
    const big = Buffer.alloc(1024 * 1024 + 4096, 0x41);
    await withSsh(sftp.port, a.username, a.password, async (client) => {
      await expect(sshPut(client, "/big.csv", big)).rejects.toThrow();
    });
    expect(refused("file_too_large").some((e) => e.username === a.username)).toBe(true);
    const files = await ops.call<{ files: unknown[] }>("GET", `/ops/api/intake/files?connection_id=${a.conn.connection_id}`);
    expect(files.body.files).toHaveLength(0);
  });

  it("closes the inbox of a disconnected connection", async () => {
    const a = await inbox();
    await withSsh(sftp.port, a.username, a.password, (client) =>
      sshPut(client, "/census.csv", Buffer.from("Employee Id,First Name\n1,Ann\n")),
    );
    expect((await http(server.url, "POST", "/disconnect", { bearer: a.conn.access_token })).status).toBe(200);
    await expect(withSsh(sftp.port, a.username, a.password, async () => "in")).rejects.toThrow(/authentication/i);
    expect(refused("login_failed").some((e) => e.username === a.username && e.reason === "disconnected")).toBe(true);
  });
});

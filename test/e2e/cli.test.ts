import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

/** The `linnet` command as a user runs it, on the embedded database. */
const env = (dataDir: string, extra: Record<string, string> = {}) => {
  const { DATABASE_URL: _ignored, ...rest } = process.env;
  return { ...rest, LINNET_DATA_DIR: dataDir, LINNET_LOG_LEVEL: "warn", ...extra };
};
const linnet = (dataDir: string, args: string[]) =>
  spawnSync(process.execPath, ["bin/linnet.mjs", ...args], { env: env(dataDir), encoding: "utf8", timeout: 120_000 });

/** Each command starts its own embedded PostgreSQL (initdb on a new directory): seconds each, more on a busy machine. */
const SLOW = 600_000;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, "127.0.0.1", () => {
      const a = srv.address();
      srv.close(() => resolve(typeof a === "object" && a ? a.port : 0));
    });
  });
}

async function waitForOutput(child: ChildProcess, pattern: RegExp, ms = 150_000): Promise<string> {
  let out = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out; output so far:\n${out}`)), ms);
    const onData = (d: Buffer) => {
      out += d.toString();
      if (pattern.test(out)) {
        clearTimeout(timer);
        resolve(out);
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
  });
}

describe("linnet CLI", () => {
  it(
    "creates applications and users, and explains bad input",
    () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "linnet-cli-"));
      const created = linnet(dir, [
        "app",
        "create",
        "--name",
        "Payroll Pal",
        "--redirect-uri",
        "https://pal.example.com/cb",
        "--redirect-uri",
        "http://localhost:3000/cb",
        "--json",
      ]);
      expect(created.status, created.stderr).toBe(0);
      const app = JSON.parse(created.stdout) as Record<string, unknown>;
      expect(app).toMatchObject({
        name: "Payroll Pal",
        client_type: "development",
        redirect_uris: ["https://pal.example.com/cb", "http://localhost:3000/cb"],
      });
      expect(String(app.client_secret)).toMatch(/^lsec_/);

      const bad = linnet(dir, ["app", "create", "--name", "X", "--redirect-uri", "ftp://nope", "--json"]);
      expect(bad.status).toBe(1);
      expect(bad.stderr).toContain("redirect_uri");

      const user = linnet(dir, [
        "user",
        "create",
        "--email",
        "Ops@Example.com",
        "--password",
        "correct horse battery",
        "--role",
        "operator",
        "--json",
      ]);
      expect(user.status, user.stderr).toBe(0);
      expect(JSON.parse(user.stdout)).toMatchObject({ email: "ops@example.com", role: "operator" });
      const weak = linnet(dir, ["user", "create", "--email", "a@b.co", "--password", "short", "--role", "operator"]);
      expect(weak.stderr).toContain("password");
      const developer = linnet(dir, [
        "user",
        "create",
        "--email",
        "dev@pal.example.com",
        "--password",
        "correct horse battery",
        "--role",
        "developer",
        "--application",
        String(app.client_id),
        "--json",
      ]);
      expect(developer.status, developer.stderr).toBe(0);
      expect(JSON.parse(developer.stdout)).toMatchObject({ role: "developer", applications: [app.client_id] });
      const stranger = linnet(dir, [
        "user",
        "create",
        "--email",
        "x@pal.example.com",
        "--password",
        "correct horse battery",
        "--role",
        "developer",
        "--application",
        "6f1c1c2e-0000-4000-8000-000000000000",
      ]);
      expect(stranger.status).toBe(1);
      expect(stranger.stderr).toContain("--application");
      expect(linnet(dir, ["frobnicate"]).status).toBe(1);
    },
    SLOW,
  );

  it(
    "serve: first start prints the demo credentials, the data directory is locked, restart keeps data",
    async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "linnet-serve-"));
      const port = await freePort();
      const start = () =>
        spawn(process.execPath, ["bin/linnet.mjs", "serve"], {
          env: env(dir, { PORT: String(port), LINNET_HOST: "127.0.0.1", LINNET_SFTP_PORT: "0" }),
        });
      const first = start();
      const out = await waitForOutput(first, /Linnet is listening/);
      expect(out).toMatch(/client_id:\s+[0-9a-f-]{36}/);
      expect(out).toMatch(/client_secret:\s+lsec_/);
      expect(out).toContain("admin@linnet.local");
      expect(fs.statSync(path.join(dir, "secrets.key")).mode & 0o777).toBe(0o600);
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(await health.json()).toEqual({ status: "ok" });

      const second = linnet(dir, ["migrate"]);
      expect(second.status).toBe(1);
      expect(second.stderr).toContain("in use by process");

      first.kill("SIGTERM");
      await new Promise((resolve) => first.once("exit", resolve));
      const again = start();
      const out2 = await waitForOutput(again, /Linnet is listening/);
      expect(out2).not.toContain("client_secret");
      again.kill("SIGTERM");
      await new Promise((resolve) => again.once("exit", resolve));
    },
    SLOW,
  );
});

import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { embeddedDataDir, firstStartBasic, sandboxToken, startEmbeddedServe } from "../support/embedded-serve.js";

/** `linnet <args>` on an embedded data directory, as an operator runs it. */
function linnet(dataDir: string, args: string[]) {
  const { DATABASE_URL: _ignored, ...rest } = process.env;
  return spawnSync(process.execPath, ["bin/linnet.mjs", ...args], {
    env: { ...rest, LINNET_DATA_DIR: dataDir, LINNET_LOG_LEVEL: "warn" },
    encoding: "utf8",
    timeout: 300_000,
  });
}

/** A GET, or a POST when a body is given; the response's bytes. */
const read = async (url: string, token: string, route: string, body?: unknown) => {
  const init = body ? { method: "POST", body: JSON.stringify(body) } : {};
  const res = await fetch(`${url}${route}`, { ...init, headers: { authorization: `Bearer ${token}`, "content-type": "application/json" } });
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
};

// the embedded mode only: the PostgreSQL (DATABASE_URL) and PGlite runs of the suite skip it
describe.skipIf(Boolean(process.env.DATABASE_URL) || process.env.LINNET_TEST_ENGINE === "pglite")(
  "linnet backup / linnet restore on the embedded database",
  () => {
    it("a backup restored into a fresh data directory serves the same bytes; SSNs stay sealed; a second restore is refused", async () => {
      const source = embeddedDataDir();
      const first = await startEmbeddedServe(source);
      const token = await sandboxToken(first.url, firstStartBasic(first.output()), {
        provider_id: "sandbox_payroll",
        employee_size: 12,
        products: ["company", "directory", "individual", "ssn", "employment", "payment", "pay_statement"],
      });
      const directory = await read(first.url, token, "/employer/directory");
      const payments = await read(first.url, token, "/employer/payment?start_date=2000-01-01&end_date=2100-01-01");
      const ids = (JSON.parse(directory.toString()) as { individuals: { id: string }[] }).individuals.map((p) => ({ individual_id: p.id }));
      const individuals = await read(first.url, token, "/employer/individual", { requests: ids });
      const ssns = [...individuals.toString().matchAll(/"ssn":"(\d{3}-?\d{2}-?\d{4})"/g)].map((m) => m[1]!);
      // (the sandbox may serve no SSN to this application; the dump is checked for any SSN-shaped text below as well)

      // a backup while Linnet runs would need a second process on the locked data directory: stop it first
      first.child.kill("SIGTERM");
      expect(await first.exited).toBe(0);
      const file = path.join(source, "linnet.sql");
      const backup = linnet(source, ["backup", file]);
      expect(backup.status, backup.stderr).toBe(0);
      const dump = fs.readFileSync(file, "utf8");
      expect(dump).toMatch(/^--\n-- PostgreSQL database dump\n/);
      expect(dump).toMatch(/COPY "public"\."connections" \(.+\) FROM stdin;\n/);
      expect(dump).toContain("\n\\.\n");
      for (const ssn of ssns) expect(dump).not.toContain(ssn);
      expect(dump).not.toMatch(/\b\d{3}-\d{2}-\d{4}\b/);

      const target = embeddedDataDir();
      fs.copyFileSync(path.join(source, "secrets.key"), path.join(target, "secrets.key"));
      const restored = linnet(target, ["restore", file]);
      expect(restored.status, restored.stderr).toBe(0);
      const again = linnet(target, ["restore", file]);
      expect(again.status).toBe(1);
      expect(again.stderr).toContain("not empty");

      const second = await startEmbeddedServe(target);
      try {
        expect(second.output()).not.toContain("First start");
        expect(await read(second.url, token, "/employer/directory")).toEqual(directory);
        expect(await read(second.url, token, "/employer/payment?start_date=2000-01-01&end_date=2100-01-01")).toEqual(payments);
        expect(await read(second.url, token, "/employer/individual", { requests: ids })).toEqual(individuals);
      } finally {
        second.child.kill("SIGTERM");
        await second.exited;
      }
    }, 1_200_000);
  },
);

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CreatedApplication } from "../../server/domain/applications/create-application.js";
import { type ConsoleBrowser, signInConsole } from "../support/console.js";
import { http } from "../support/http.js";
import { NOT_YET_IMPLEMENTED } from "../support/spec-calls.js";
import { type ConnectionKind, mismatchesOf, openConnection, runPass } from "../support/spec-passes.js";
import { SPEC_OPERATIONS } from "../support/spec-shape.js";
import { startTestServer, type TestServer } from "../support/test-server.js";

/**
 * Every Linnet answer held against Finch's spec (test/fixtures/finch-response-shapes.json, extracted from the OpenAPI
 * document by scripts/spec/extract-response-shapes.ts): each implemented operation is called with realistic arguments
 * on an automated sandbox connection and on an assisted one before data (202) and after an operator's upload, for an
 * application in each 202 mode, and each body is checked against the schema of its status: required fields present,
 * null only where nullable, types, formats and enums as declared. Statuses the operation does not declare (401, 404 …)
 * are held against the spec's generic `Error`.
 */
let server: TestServer;
const apps = {} as Record<"empty" | "finch", CreatedApplication>;
let admin: ConsoleBrowser;
let ops: ConsoleBrowser;

beforeAll(async () => {
  server = await startTestServer();
  admin = await signInConsole(server, "spec-admin@example.com", "admin");
  ops = await signInConsole(server, "spec-ops@example.com", "operator");
  for (const mode of ["empty", "finch"] as const) {
    apps[mode] = await server.createApp({ name: `Spec ${mode}` });
    const set = await admin.call("PATCH", `/dashboard/api/applications/${apps[mode].client_id}/settings`, {
      body: { accepted_body: mode },
    });
    expect(set.status).toBe(200);
  }
}, 120_000);
afterAll(() => server?.close());

describe("the spec's operations", () => {
  it("each is answered by a route, or listed in NOT_YET_IMPLEMENTED and still 404 'No route'", async () => {
    const norm = (p: string) => p.replace(/\{[^}]+\}|:[A-Za-z_]+/g, "{}");
    const routes = new Set(server.linnet.app!.routeTable.map((r) => `${r.method} ${norm(r.url)}`));
    const missing = SPEC_OPERATIONS.filter((o) => !routes.has(`${o.method} ${norm(o.path)}`)).map((o) => o.id);
    expect(missing.sort()).toEqual([...NOT_YET_IMPLEMENTED].sort());
    for (const id of NOT_YET_IMPLEMENTED) {
      const op = SPEC_OPERATIONS.find((o) => o.id === id)!;
      const res = await http(server.url, op.method, op.path.replace(/\{[^}]+\}/g, "x"), { body: op.method === "GET" ? undefined : {} });
      expect([id, res.status, String(res.body.message)]).toEqual([id, 404, expect.stringContaining("No route")]);
    }
  });
});

const KINDS: ConnectionKind[] = ["automated", "assisted-before", "assisted-after"];

describe.each(["empty", "finch"] as const)("202 mode %s: every answer matches the spec", (mode) => {
  it.each(KINDS)(
    "%s connection",
    async (kind) => {
      const ctx = await openConnection(server, apps[mode], kind, ops);
      const seen = await runPass(ctx);
      const statuses = new Set(seen.map((s) => s.res.status));
      if (kind === "assisted-before") expect(statuses).toContain(202);
      if (kind !== "assisted-before")
        expect(seen.filter((s) => s.op.path.startsWith("/employer/") && s.res.status === 200).length).toBeGreaterThan(10);
      const mismatches = seen.flatMap((s) => mismatchesOf(s, mode));
      // all operations are called before failing, so one run lists every mismatch
      expect(mismatches).toEqual([]);
    },
    180_000,
  );
});

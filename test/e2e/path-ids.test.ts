import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CreatedApplication } from "../../server/domain/applications/create-application.js";
import { type ConsoleBrowser, signInConsole } from "../support/console.js";
import { http } from "../support/http.js";
import { startTestServer, type TestServer } from "../support/test-server.js";

/**
 * Property: whatever is put in a path parameter of ANY route (unicode, very long, `../`, SQL-looking, percent-encoded),
 * the answer is a 4xx in the Finch error shape (the console's APIs use the same shape), never a 5xx. The routes are
 * read from the app itself, so a route added later is covered without touching this file.
 */
let server: TestServer;
let app: CreatedApplication;
let token = "";
let admin: ConsoleBrowser;

beforeAll(async () => {
  server = await startTestServer();
  app = await server.createApp();
  const created = await http<{ access_token: string }>(server.url, "POST", "/sandbox/connections", {
    basic: app,
    body: {
      provider_id: "sandbox_payroll",
      products: ["company", "directory", "individual", "employment", "payment", "pay_statement", "benefits"],
      employee_size: 3,
    },
  });
  expect(created.status).toBe(200);
  token = created.body.access_token;
  admin = await signInConsole(server, "path-ids-admin@example.com", "admin");
}, 120_000);
afterAll(() => server?.close());

/** Bodies that pass validation, so the path id is what the handler sees (a 400 on the body would hide a 500). */
const BODIES: Record<string, unknown> = {
  "POST /ops/api/tasks/:id/reassign": { user_id: "ADMIN" },
  "PUT /sandbox/individual/:individual_id": { first_name: "Ada" },
  "PUT /sandbox/employment/:individual_id": { title: "Engineer" },
  "PUT /employer/pay-statement-item/rule/:rule_id": {
    conditions: [{ field: "name", operator: "equals", value: "Salary" }],
    attributes: { metadata: { a: 1 } },
  },
  "POST /employer/benefits/:benefit_id": { description: "Renamed" },
  "POST /employer/benefits/:benefit_id/individuals": [{ individual_id: "00000000-0000-4000-8000-000000000000" }],
  "DELETE /employer/benefits/:benefit_id/individuals": { individual_ids: ["00000000-0000-4000-8000-000000000000"] },
};

const ids = fc.oneof(
  fc.string({ minLength: 1, maxLength: 40 }),
  fc.string({ unit: "grapheme", minLength: 1, maxLength: 20 }),
  fc.string({ minLength: 300, maxLength: 2000 }),
  fc.constantFrom(
    "../",
    "..%2F..%2Fetc%2Fpasswd",
    "' OR 1=1 --",
    "1; DROP TABLE connections",
    "%00",
    "%E2%80%AE",
    "null",
    "0",
    "-1",
    "00000000-0000-4000-8000-000000000000",
    "00000000-0000-0000-0000-00000000000g",
    "NaN",
  ),
);

/** A value as it goes into a URL: encoded, or raw when it is a pre-encoded constant. */
const inPath = (v: string) => (/%[0-9A-F]{2}/i.test(v) ? v : encodeURIComponent(v));

function isConsole(url: string) {
  return /^\/(ops|dashboard|console)\//.test(url);
}

describe("property: any path id answers 4xx in the Finch error shape", () => {
  it("every route with a path parameter", async () => {
    const routes = server.linnet.app!.routeTable.filter((r) => r.url.includes("/:") && !r.url.startsWith("/reference"));
    expect(routes.length).toBeGreaterThan(25);
    const failures: string[] = [];
    for (const route of routes) {
      const params = [...route.url.matchAll(/:([A-Za-z_]+)/g)].map((m) => m[1]!);
      for (const target of params) {
        const run = fc.check(
          fc.asyncProperty(ids, async (id) => {
            const path = route.url.replace(/:([A-Za-z_]+)/g, (_m, name: string) =>
              name === target ? inPath(id) : name === "applicationId" ? app.client_id : "00000000-0000-4000-8000-000000000000",
            );
            const key = `${route.method} ${route.url}`;
            const known = BODIES[key] === undefined ? undefined : JSON.parse(JSON.stringify(BODIES[key]).replace("ADMIN", admin.userId));
            const body = known ?? (route.method === "GET" || route.method === "DELETE" ? undefined : {});
            const res = isConsole(route.url)
              ? await admin.call(route.method, path, { body })
              : await http(server.url, route.method, path, { bearer: token, body });
            const label = `${key} ${target}=${JSON.stringify(id).slice(0, 80)} → ${res.status} ${res.text.slice(0, 200)}`;
            expect(res.status, label).toBeLessThan(500);
            const html = (res.headers.get("content-type") ?? "").startsWith("text/html");
            if (html) return; // a page (e.g. /connect/status/:token) renders and asks its API, which is covered here too
            expect(res.status, label).toBeGreaterThanOrEqual(400);
            expect(res.body, label).toMatchObject({
              code: res.status,
              name: expect.any(String),
              finch_code: expect.any(String),
              message: expect.any(String),
            });
          }),
          { numRuns: 12 },
        );
        const outcome = await run;
        if (outcome.failed)
          failures.push(
            String(outcome.errorInstance instanceof Error ? outcome.errorInstance.message : outcome.errorInstance).split("\n")[0]!,
          );
      }
    }
    // all routes are walked before failing, so one run names every route that still breaks
    expect(failures).toEqual([]);
  }, 300_000);
});

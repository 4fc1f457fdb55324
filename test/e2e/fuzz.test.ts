import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CreatedApplication } from "../../server/domain/applications/create-application.js";
import { http } from "../support/http.js";
import { startTestServer, type TestServer } from "../support/test-server.js";

/** Whatever arrives, the answer is a 2xx, or a 4xx in the Finch error shape: never a 500. */
let server: TestServer;
let app: CreatedApplication;
let sessionId = "";

beforeAll(async () => {
  server = await startTestServer();
  app = await server.createApp();
  const s = await http<{ session_id: string }>(server.url, "POST", "/connect/sessions", {
    basic: app,
    body: { customer_id: "fuzz", customer_name: "Fuzz", products: ["company"], manual: true },
  });
  sessionId = s.body.session_id;
});
afterAll(() => server.close());

const field = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 4 }),
  fc.constantFrom("company", "directory", "paychex_flex", "assisted", "credential", "good_user", "finch", sessionId),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.string(), { maxKeys: 3 }),
);
const keys = [
  "customer_id",
  "customer_name",
  "customer_email",
  "products",
  "redirect_uri",
  "minutes_to_expire",
  "sandbox",
  "manual",
  "integration",
  "code",
  "client_id",
  "client_secret",
  "connection_id",
  "provider_id",
  "auth_method",
  "username",
  "password",
  "api_token",
  "access_granted",
  "query",
];
const body = fc.oneof(fc.dictionary(fc.constantFrom(...keys), field, { maxKeys: 8 }), fc.anything({ maxDepth: 2 }));

function expectFinchShape(status: number, payload: unknown, label: string) {
  expect(status, label).toBeLessThan(500);
  if (status >= 400) {
    expect(payload, label).toMatchObject({
      code: status,
      name: expect.any(String),
      finch_code: expect.any(String),
      message: expect.any(String),
    });
  }
}

describe("property: no input makes the server fail", () => {
  it.each([
    ["POST", "/connect/sessions", true],
    ["POST", "/connect/sessions/reauthenticate", true],
    ["POST", "/auth/token", false],
    ["POST", "/connect/api/flows", false],
    ["POST", "/connect/api/flows/SESSION/authorize", false],
  ])("%s %s", async (method, path, basic) => {
    await fc.assert(
      fc.asyncProperty(body, async (payload) => {
        const res = await http(server.url, method, path.replace("SESSION", sessionId), { body: payload, basic: basic ? app : undefined });
        expectFinchShape(res.status, res.body, `${path} ${JSON.stringify(payload)}`);
      }),
      { numRuns: 60 },
    );
  });

  it("query strings of the Connect page", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(
          fc.constantFrom(
            "session",
            "client_id",
            "products",
            "redirect_uri",
            "app_type",
            "sdk_host_url",
            "state",
            "sandbox",
            "manual",
            "payroll_provider",
            "preview",
          ),
          fc.string(),
          { maxKeys: 6 },
        ),
        async (query) => {
          const res = await http(server.url, "POST", "/connect/api/flows", { body: { query } });
          expectFinchShape(res.status, res.body, JSON.stringify(query));
        },
      ),
      { numRuns: 80 },
    );
  });
});

describe("property: employer endpoints never fail on odd input", () => {
  it("queries and bodies of the data endpoints", async () => {
    const token = (
      await http<{ access_token: string }>(server.url, "POST", "/sandbox/connections", {
        basic: app,
        body: {
          provider_id: "sandbox_payroll",
          products: ["company", "directory", "individual", "employment", "payment", "pay_statement", "benefits"],
          employee_size: 3,
        },
      })
    ).body.access_token;
    const value = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.integer().map(String),
      fc.constantFrom("-1", "0", "10001", "1e3", "2026-01-01", "abc", "", "[]"),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(
          "/employer/directory",
          "/employer/payment",
          "/employer/company",
          "/employer/pay-groups",
          "/jobs/automated",
          "/employer/pay-statement-item",
          "/employer/pay-statement-item/rule",
          "/employer/benefits",
          "/employer/benefits/meta",
          "/employer/benefits/not-a-benefit/individuals",
        ),
        fc.dictionary(
          fc.constantFrom(
            "limit",
            "offset",
            "start_date",
            "end_date",
            "entity_ids",
            "entity_ids[]",
            "categories",
            "categories[]",
            "name",
            "type",
            "individual_ids",
          ),
          value,
          { maxKeys: 4 },
        ),
        async (path, query) => {
          const res = await http(server.url, "GET", `${path}?${new URLSearchParams(query)}`, { bearer: token });
          expectFinchShape(res.status, res.body, `${path} ${JSON.stringify(query)}`);
        },
      ),
      { numRuns: 80 },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(
          "/employer/individual",
          "/employer/employment",
          "/employer/pay-statement",
          "/jobs/automated",
          "/sandbox/payment",
          "/sandbox/directory",
          "/employer/pay-statement-item/rule",
          "/employer/benefits",
          "/employer/benefits/register",
          "/employer/benefits/00000000-0000-4000-8000-000000000000/individuals",
        ),
        body,
        async (path, payload) => {
          const res = await http(server.url, "POST", path, { bearer: token, body: payload });
          expectFinchShape(res.status, res.body, `${path} ${JSON.stringify(payload)}`);
        },
      ),
      { numRuns: 120 },
    );
  });
});

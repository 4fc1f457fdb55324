import Finch from "@tryfinch/finch-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CreatedApplication } from "../../server/domain/applications/create-application.js";
import { type ConsoleBrowser, signInConsole } from "../support/console.js";
import { NO_SDK_METHOD, SDK_CALLS, SINGLE_PAGE_LISTS } from "../support/sdk-calls.js";
import { LAST, NOT_YET_IMPLEMENTED } from "../support/spec-calls.js";
import { type ConnectionKind, openConnection } from "../support/spec-passes.js";
import { SPEC_OPERATIONS } from "../support/spec-shape.js";
import { startTestServer, type TestServer } from "../support/test-server.js";

/**
 * Every operation the official Node SDK exposes for the spec operations Linnet answers is called, on an automated
 * sandbox connection and an assisted one before data (202) and after an operator's upload, for an application in each
 * 202 mode. Nothing may throw but the SDK's own API error classes (`Finch.APIError` and its subclasses): no TypeError
 * from a body the SDK cannot read, no connection error.
 */
let server: TestServer;
const apps = {} as Record<"empty" | "finch", CreatedApplication>;
let ops: ConsoleBrowser;

beforeAll(async () => {
  server = await startTestServer();
  const admin = await signInConsole(server, "sdk-admin@example.com", "admin");
  ops = await signInConsole(server, "sdk-ops@example.com", "operator");
  for (const mode of ["empty", "finch"] as const) {
    apps[mode] = await server.createApp({ name: `SDK ${mode}` });
    expect(
      (await admin.call("PATCH", `/dashboard/api/applications/${apps[mode].client_id}/settings`, { body: { accepted_body: mode } })).status,
    ).toBe(200);
  }
}, 120_000);
afterAll(() => server?.close());

const sdkOps = () => {
  const order = [...SPEC_OPERATIONS.filter((o) => !LAST.includes(o.id)), ...LAST.map((id) => SPEC_OPERATIONS.find((o) => o.id === id)!)];
  return order.filter((o) => !NOT_YET_IMPLEMENTED.includes(o.id) && !NO_SDK_METHOD.includes(o.id));
};

describe("the SDK's methods", () => {
  it("each spec operation has an SDK call here, or is named in NO_SDK_METHOD", () => {
    const without = SPEC_OPERATIONS.filter((o) => !SDK_CALLS[o.id]).map((o) => o.id);
    expect(without.sort()).toEqual([...NO_SDK_METHOD].sort());
  });
});

describe.each(["empty", "finch"] as const)("202 mode %s", (mode) => {
  it.each(["automated", "assisted-before", "assisted-after"] as ConnectionKind[])(
    "%s connection: the SDK throws only its own API errors",
    async (kind) => {
      const app = apps[mode];
      const ctx = await openConnection(server, app, kind, ops);
      const clients = {
        ctx,
        finch: new Finch({ baseURL: server.url, accessToken: ctx.token, maxRetries: 0 }),
        basic: new Finch({ baseURL: server.url, clientID: app.client_id, clientSecret: app.client_secret, maxRetries: 0 }),
      };
      const foreign: string[] = [];
      const sdkLimits: string[] = [];
      let apiErrors = 0;
      for (const op of sdkOps()) {
        try {
          await SDK_CALLS[op.id]!(clients);
        } catch (err) {
          if (err instanceof Finch.APIError && !(err instanceof Finch.APIConnectionError)) apiErrors++;
          else if (err instanceof TypeError && /getPaginatedItems/.test(err.message) && SINGLE_PAGE_LISTS.includes(op.id))
            sdkLimits.push(op.id);
          else foreign.push(`${op.id}: ${err instanceof Error ? `${err.constructor.name}: ${err.message}` : String(err)}`);
        }
      }
      expect(foreign).toEqual([]);
      // the one thing the server cannot change: the SDK's single-page lists cannot iterate an AcceptedResponse object
      expect(sdkLimits).toEqual(mode === "finch" && kind === "assisted-before" ? SINGLE_PAGE_LISTS : []);
      expect(apiErrors).toBeGreaterThan(0); // the unknown code of create-access-token at least
    },
    180_000,
  );
});

describe("what the SDK does with a 202 (it cannot be changed from the server side)", () => {
  it("empty: retrieve() returns an empty string and lists are empty; finch: the AcceptedResponse object; .withResponse() shows the 202", async () => {
    for (const mode of ["empty", "finch"] as const) {
      const ctx = await openConnection(server, apps[mode], "assisted-before", ops);
      const finch = new Finch({ baseURL: server.url, accessToken: ctx.token, maxRetries: 0 });
      const company = await finch.hris.company.retrieve();
      if (mode === "empty") expect(company).toBe("");
      else expect(company).toMatchObject({ code: 202, finch_code: "pending" });
      const people = [];
      for await (const p of finch.hris.directory.list()) people.push(p);
      expect(people).toEqual([]);
      const payments = finch.hris.payments.list({ start_date: "2026-01-01", end_date: "2026-12-31" });
      if (mode === "empty") expect((await payments).items).toEqual([]);
      else expect((await payments).items).toMatchObject({ code: 202 }); // not an array: iterating it throws (SINGLE_PAGE_LISTS)
      const { response } = await finch.hris.company.retrieve().withResponse();
      expect(response.status).toBe(202);
      expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
      expect((await finch.hris.directory.list().asResponse()).status).toBe(202);
    }
  });
});

import Finch from "@tryfinch/finch-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AcceptedResponseSchema } from "../../contracts/finch/accepted.js";
import { ApplicationSettingsSchema } from "../../contracts/linnet/dashboard.js";
import type { CreatedApplication } from "../../server/domain/applications/create-application.js";
import { type ConsoleBrowser, signInConsole } from "../support/console.js";
import { connectEmployer, http } from "../support/http.js";
import { startTestServer, type TestServer } from "../support/test-server.js";

/**
 * The 202 "not ready yet" body, per deployment (LINNET_ACCEPTED_BODY, default `empty`) and per application (the
 * dashboard setting): the exact bytes of both modes on every employer read, and what the official Node SDK makes of them.
 */
let server: TestServer;
let app: CreatedApplication;
let admin: ConsoleBrowser;
let pending = ""; // assisted, employer has not acted
let processing = ""; // assisted, employer reports access granted: data being pulled

const PENDING =
  '{"code":202,"name":"authorization_pending","finch_code":"pending","message":"Authorization to this company\'s data is pending"}';
const IN_PROGRESS =
  '{"code":202,"name":"sync_in_progress","finch_code":"data_sync_in_progress","message":"The data being requested is being fetched. Please check back later."}';
const ID = "00000000-0000-4000-8000-000000000000";
const READS: [string, string, unknown?][] = [
  ["GET", "/employer/company"],
  ["GET", "/employer/directory"],
  ["POST", "/employer/individual", { requests: [{ individual_id: ID }] }],
  ["POST", "/employer/employment", { requests: [{ individual_id: ID }] }],
  ["GET", "/employer/payment?start_date=2026-01-01&end_date=2026-12-31"],
  ["POST", "/employer/pay-statement", { requests: [{ payment_id: ID }] }],
  ["GET", "/employer/pay-groups"],
  ["GET", `/employer/pay-groups/${ID}`],
  ["GET", "/employer/pay-statement-item"],
  ["GET", "/employer/benefits"],
  ["GET", "/employer/benefits/meta"],
];
const PRODUCTS = ["company", "directory", "individual", "employment", "payment", "pay_statement", "benefits"];

const setMode = async (mode: "empty" | "finch" | null) => {
  const res = await admin.call("PATCH", `/dashboard/api/applications/${app.client_id}/settings`, { body: { accepted_body: mode } });
  expect(res.status).toBe(200);
  return ApplicationSettingsSchema.parse(res.body);
};
const sdk = (accessToken: string) => new Finch({ baseURL: server.url, accessToken, maxRetries: 0 });

beforeAll(async () => {
  server = await startTestServer();
  app = await server.createApp({ name: "Accepted App" });
  admin = await signInConsole(server, "accepted-admin@example.com", "admin");
  const choice = (granted: boolean) => ({ provider_id: "ukg_pro", auth_method: "assisted" as const, access_granted: granted });
  pending = (await connectEmployer(server.url, app, { products: PRODUCTS, choice: choice(false) })).access_token;
  processing = (await connectEmployer(server.url, app, { products: PRODUCTS, choice: choice(true) })).access_token;
}, 120_000);
afterAll(() => server.close());

describe("202 body mode", () => {
  it("empty (the default): no body, no JSON content type, with Retry-After and Linnet-Data-Expected on every read", async () => {
    const settings = await setMode(null);
    expect(settings).toMatchObject({ accepted_body: null, accepted_body_default: "empty" });
    for (const [method, path, body] of READS) {
      const res = await http(server.url, method, path, { bearer: pending, body });
      expect(res.status, path).toBe(202);
      expect(res.text, path).toBe("");
      expect(res.headers.get("content-type") ?? "", path).not.toContain("json");
      expect(Number(res.headers.get("retry-after")), path).toBeGreaterThan(0);
      expect(Date.parse(res.headers.get("linnet-data-expected") ?? ""), path).toBeGreaterThan(server.clock.now().getTime());
    }
  });

  it("finch: the spec's AcceptedResponse, pending before the employer acted and data_sync_in_progress after", async () => {
    expect((await setMode("finch")).accepted_body).toBe("finch");
    for (const [token, bytes] of [
      [pending, PENDING],
      [processing, IN_PROGRESS],
    ] as const) {
      for (const [method, path, body] of READS) {
        const res = await http(server.url, method, path, { bearer: token, body });
        expect(res.status, path).toBe(202);
        expect(res.text, path).toBe(bytes);
        expect(res.headers.get("content-type"), path).toBe("application/json; charset=utf-8");
        expect(AcceptedResponseSchema.parse(res.body).code).toBe(202);
        expect(Number(res.headers.get("retry-after")), path).toBeGreaterThan(0);
        expect(res.headers.get("linnet-data-expected"), path).toBeTruthy();
      }
    }
  });

  it("what the Node SDK returns in each mode, and how an app detects the 202", async () => {
    await setMode("empty");
    const finch = sdk(pending);
    // the trap: an empty 202 reads as an empty company and an empty directory
    expect(await finch.hris.company.retrieve()).toBe("");
    expect((await finch.hris.directory.list()).individuals ?? []).toEqual([]);
    const { response } = await finch.hris.company.retrieve().withResponse();
    expect(response.status).toBe(202);

    await setMode("finch");
    const company = await finch.hris.company.retrieve();
    expect(company).toMatchObject({ code: 202, finch_code: "pending" });
    const raw = await finch.hris.directory.list().asResponse();
    expect(raw.status).toBe(202);
    expect(await raw.json()).toMatchObject({ finch_code: "pending" });
    await setMode(null);
  });

  it("the setting is validated and belongs to the application's members", async () => {
    const bad = await admin.call("PATCH", `/dashboard/api/applications/${app.client_id}/settings`, { body: { accepted_body: "json" } });
    expect(bad.status).toBe(400);
    expect(String(bad.body.message)).toContain("accepted_body");
    const stranger = await signInConsole(server, "accepted-stranger@example.com", "developer");
    const refused = await stranger.call("PATCH", `/dashboard/api/applications/${app.client_id}/settings`, {
      body: { accepted_body: "finch" },
    });
    expect(refused.status).toBe(404);
    expect((await admin.call("GET", `/dashboard/api/applications/${app.client_id}/settings`)).body).toMatchObject({ accepted_body: null });
  });
});

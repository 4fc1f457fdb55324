import Finch from "@tryfinch/finch-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConnectSessionErrorSchema, ErrorResponseSchema } from "../../contracts/finch/errors.js";
import type { CreatedApplication } from "../../server/domain/applications/create-application.js";
import { http } from "../support/http.js";
import { startTestServer, type TestServer } from "../support/test-server.js";

/** What the spec allows is accepted, and error bodies carry every field the spec requires for their operation. */
let server: TestServer;
let app: CreatedApplication;
let token = "";
const sdk = (accessToken?: string) =>
  new Finch({
    baseURL: server.url,
    maxRetries: 0,
    ...(accessToken ? { accessToken } : { clientID: app.client_id, clientSecret: app.client_secret }),
  });

beforeAll(async () => {
  server = await startTestServer();
  app = await server.createApp({ name: "Leniency App" });
  const created = await sdk().sandbox.connections.create({
    provider_id: "sandbox_payroll",
    employee_size: 4,
    products: ["company", "directory", "individual", "employment", "payment", "pay_statement"],
  });
  token = created.access_token;
});
afterAll(() => server.close());

describe("optional fields are optional", () => {
  it("POST /sandbox/directory with no body adds nobody", async () => {
    const before = await sdk(token).hris.directory.list();
    const added = await sdk(token).sandbox.directory.create();
    expect(added).toEqual([]);
    const raw = await http(server.url, "POST", "/sandbox/directory", { bearer: token });
    expect(raw.status).toBe(200);
    expect((await sdk(token).hris.directory.list()).individuals).toHaveLength(before.individuals.length);
  });

  it("PUT /sandbox/company with entity: {} sets its fields to null", async () => {
    const updated = await sdk(token).sandbox.company.update({
      entity: {},
      legal_name: "Lenient LLC",
      departments: [{ name: "Ops" }],
      ein: null,
      locations: null,
      accounts: [{ account_name: "Payroll" }],
      primary_email: null,
      primary_phone_number: null,
    });
    expect(updated.entity).toEqual({ type: null, subtype: null });
    const company = await sdk(token).hris.company.retrieve();
    expect(company.legal_name).toBe("Lenient LLC");
    expect(company.entity).toEqual({ type: null, subtype: null });
    expect(company.departments).toEqual([{ name: "Ops", parent: null }]);
    expect(company.accounts).toEqual([
      { account_name: "Payroll", account_number: null, account_type: null, institution_name: null, routing_number: null },
    ]);
  });

  it("a pay statement item rule with no conditions applies to every item", async () => {
    const rule = await sdk(token).hris.payStatementItem.rules.create({ attributes: { metadata: { everywhere: true } } });
    expect(rule.conditions).toEqual([]);
    const items = [];
    for await (const item of sdk(token).hris.payStatementItem.list()) items.push(item);
    expect(items.length).toBeGreaterThan(3);
    for (const item of items) expect(item.attributes?.metadata).toMatchObject({ everywhere: true });
    await sdk(token).hris.payStatementItem.rules.delete(rule.id!);
  });
});

describe("error bodies carry what the spec requires", () => {
  it("/jobs/automated errors carry statusCode and status", async () => {
    const unauthenticated = await http(server.url, "POST", "/jobs/automated", { body: { type: "data_sync_all" } });
    expect(unauthenticated.status).toBe(401);
    expect(ErrorResponseSchema.parse(unauthenticated.body)).toMatchObject({ statusCode: 401, status: 401, code: 401 });
    const bad = await http(server.url, "POST", "/jobs/automated", { bearer: token, body: { type: "nope" } });
    expect(bad.status).toBe(400);
    expect(ErrorResponseSchema.parse(bad.body)).toMatchObject({ statusCode: 400, status: 400, code: 400 });
    const missing = await http(server.url, "GET", "/jobs/automated/not-a-job", { bearer: token });
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ statusCode: 404, status: 404 });
    // other operations keep the plain Finch error
    const other = await http(server.url, "GET", "/employer/company");
    expect(other.body).not.toHaveProperty("statusCode");
  });

  it("POST /connect/sessions 400s carry context", async () => {
    const invalid = await http(server.url, "POST", "/connect/sessions", {
      basic: app,
      body: { customer_id: "ctx-1", customer_name: "Ctx", products: ["wages"] },
    });
    expect(invalid.status).toBe(400);
    expect(ConnectSessionErrorSchema.parse(invalid.body).context).toEqual({ customer_id: "ctx-1" });
    const noJson = await http(server.url, "POST", "/connect/sessions", { basic: app, raw: "{" });
    expect(noJson.status).toBe(400);
    expect(ConnectSessionErrorSchema.parse(noJson.body).context).toEqual({});
    const first = await sdk().connect.sessions.new({ customer_id: "ctx-2", customer_name: "Ctx", products: ["company"], manual: true });
    expect(first.session_id).toBeTruthy();
    const sandbox = await sdk().sandbox.connections.create({ provider_id: "sandbox_hris", employee_size: 1 });
    expect(sandbox.connection_id).toBeTruthy();
  });
});

describe("sandbox products", () => {
  it("a sandbox provider that lacks a requested product is refused with a 400 naming it", async () => {
    const refused = await http(server.url, "POST", "/sandbox/connections", {
      basic: app,
      body: { provider_id: "sandbox_hris", products: ["company", "benefits", "payment"] },
    });
    expect(refused.status).toBe(400);
    expect(String(refused.body.message)).toContain("benefits, payment");
    await expect(
      sdk().sandbox.connections.create({ provider_id: "sandbox_hris", products: ["company", "benefits"] }),
    ).rejects.toBeInstanceOf(Finch.BadRequestError);
  });

  it("introspect shows exactly what was granted", async () => {
    const created = await sdk().sandbox.connections.create({
      provider_id: "sandbox_peo",
      employee_size: 2,
      products: ["company", "benefits", "ssn"],
    });
    expect(created.products).toEqual(["company", "benefits", "ssn"]);
    const info = await sdk(created.access_token).account.introspect();
    expect([...info.products].sort()).toEqual(["benefits", "company", "ssn"]);
  });
});

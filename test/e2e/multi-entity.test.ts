import fs from "node:fs";
import Finch from "@tryfinch/finch-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { UploadView } from "../../contracts/linnet/ops.js";
import type { CreatedApplication } from "../../server/domain/applications/create-application.js";
import { signInConsole } from "../support/console.js";
import { http } from "../support/http.js";
import { startTestServer, type TestServer } from "../support/test-server.js";

/** Multi-entity connections, `POST /disconnect-entity` and `POST /forward`, through the official SDK and raw HTTP. */
let server: TestServer;
let app: CreatedApplication;
const sdk = (accessToken: string) => new Finch({ baseURL: server.url, accessToken, maxRetries: 0 });
const PRODUCTS = ["company", "directory", "individual", "employment", "payment", "pay_statement"];
type Created = { access_token: string; connection_id: string; entity_id: string; entity_ids: string[] };

beforeAll(async () => {
  server = await startTestServer();
  app = await server.createApp({ clientType: "sandbox" });
});
afterAll(() => server.close());

const sandboxConnection = (body: Record<string, unknown>) =>
  http<Created>(server.url, "POST", "/sandbox/connections", { basic: app, body });

/** Every individual id of the directory of one entity, through the SDK's auto-pagination. */
async function directoryIds(finch: Finch, entityId: string): Promise<string[]> {
  const ids: string[] = [];
  for await (const person of finch.hris.directory.list({ entity_ids: [entityId] })) ids.push(person.id);
  return ids;
}

describe("multi-entity connections", () => {
  it("a two-entity sandbox connection lists both entities and serves each one's own data", async () => {
    const created = await sandboxConnection({ provider_id: "sandbox_payroll", products: PRODUCTS, employee_size: 6, entity_count: 2 });
    expect(created.status).toBe(200);
    const [first, second] = created.body.entity_ids;
    expect(created.body.entity_ids).toHaveLength(2);
    expect(first).toBe(created.body.entity_id);
    const finch = sdk(created.body.access_token);

    const intro = await finch.account.introspect();
    expect(intro.connection_id).toBe(created.body.connection_id);
    expect(intro.entities?.map((e) => [e.id, e.status])).toEqual([
      [first, "connected"],
      [second, "connected"],
    ]);
    expect(intro.entities?.every((e) => typeof e.name === "string" && /^\d{2}-\d{7}$/.test(e.source_id ?? ""))).toBe(true);

    const companyA = await finch.hris.company.retrieve({ entity_ids: [first!] });
    const companyB = await finch.hris.company.retrieve({ entity_ids: [second!] });
    expect(companyA.legal_name).toBe(intro.entities?.[0]?.name);
    expect(companyB.legal_name).toBe(intro.entities?.[1]?.name);
    expect(companyA.id).not.toBe(companyB.id);
    const peopleA = await directoryIds(finch, first!);
    const peopleB = await directoryIds(finch, second!);
    expect(peopleA).toHaveLength(6);
    expect(peopleB).toHaveLength(6);
    expect(peopleA.filter((id) => peopleB.includes(id))).toEqual([]);

    // batch reads and pay data follow the entity too
    const individuals = await finch.hris.individuals.retrieveMany({ requests: [{ individual_id: peopleB[0]! }], entity_ids: [second!] });
    expect(individuals.responses[0]?.code).toBe(200);
    const payments = await finch.hris.payments.list({ start_date: "2000-01-01", end_date: "2100-01-01", entity_ids: [second!] });
    expect(payments.items.length).toBeGreaterThan(0);
    const foreign = await http<{ responses: { code: number }[] }>(server.url, "POST", `/employer/individual?entity_ids=${first}`, {
      bearer: created.body.access_token,
      body: { requests: [{ individual_id: peopleB[0] }] },
    });
    expect(foreign.body.responses[0]?.code).toBe(404);

    // raw HTTP: the repeated and comma-joined encodings name the entity as well
    const raw = await http<{ legal_name: string }>(server.url, "GET", `/employer/company?entity_ids=${second}`, {
      bearer: created.body.access_token,
    });
    expect(raw.body.legal_name).toBe(companyB.legal_name);
  });

  it("refuses a missing, unknown, doubled or malformed entity id with a 400 in the Finch error shape", async () => {
    const created = await sandboxConnection({ provider_id: "sandbox_hris", employee_size: 3, entity_count: 2 });
    const bearer = created.body.access_token;
    const [first, second] = created.body.entity_ids;
    const cases = [
      "/employer/directory",
      "/employer/directory?entity_ids=3c90c3cc-0d44-4b50-8888-8dd25736052a",
      `/employer/directory?entity_ids=${first},${second}`,
      `/employer/directory?entity_ids[]=${first}&entity_ids[]=${second}`,
      "/employer/directory?entity_ids=not-a-uuid",
      "/employer/company?entity_ids=%27%20or%201%3D1--",
    ];
    for (const path of cases) {
      const res = await http(server.url, "GET", path, { bearer });
      expect(res.status, path).toBe(400);
      expect(res.body, path).toMatchObject({
        code: 400,
        name: expect.any(String),
        finch_code: "invalid_request",
        message: expect.stringContaining("entity_ids"),
      });
    }
    await expect(sdk(bearer).hris.directory.list()).rejects.toBeInstanceOf(Finch.BadRequestError);
  });

  it("disconnecting one entity leaves the other served; disconnecting the last one disconnects the connection", async () => {
    const created = await sandboxConnection({ provider_id: "sandbox_payroll", employee_size: 4, entity_count: 2 });
    const bearer = created.body.access_token;
    const [first, second] = created.body.entity_ids;
    const finch = sdk(bearer);

    // invalid input: nothing changes
    const unknown = await http<{ errors: { entityId: string; error: string }[] }>(server.url, "POST", "/disconnect-entity", {
      bearer,
      body: { entity_ids: [second, "3c90c3cc-0d44-4b50-8888-8dd25736052a"] },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({
      code: 400,
      statusCode: 400,
      status: 400,
      errors: [{ entityId: "3c90c3cc-0d44-4b50-8888-8dd25736052a", error: "NOT_FOUND" }],
    });
    for (const body of [{}, { entity_ids: [] }, { entity_ids: ["nope"] }, { entity_ids: "x" }]) {
      const bad = await http(server.url, "POST", "/disconnect-entity", { bearer, body });
      expect(bad.status, JSON.stringify(body)).toBe(400);
      expect(bad.body).toMatchObject({
        code: 400,
        statusCode: 400,
        status: 400,
        name: expect.any(String),
        message: expect.stringContaining("entity_ids"),
      });
    }
    expect((await finch.account.introspect()).entities?.map((e) => e.status)).toEqual(["connected", "connected"]);

    expect(await finch.account.disconnectEntity({ entity_ids: [second!] })).toEqual({ status: "success" });
    const intro = await finch.account.introspect();
    expect(intro.connection_status.status).toBe("connected");
    expect(intro.entities?.map((e) => [e.id, e.status])).toEqual([
      [first, "connected"],
      [second, "disconnected"],
    ]);
    expect((await directoryIds(finch, first!)).length).toBe(4);
    await expect(finch.hris.company.retrieve({ entity_ids: [second!] })).rejects.toBeInstanceOf(Finch.BadRequestError);
    // with one entity left, a read without entity_ids is that entity's
    expect((await finch.hris.company.retrieve()).legal_name).toBe(intro.entities?.[0]?.name);
    // disconnecting it again changes nothing
    expect(await finch.account.disconnectEntity({ entity_ids: [second!] })).toEqual({ status: "success" });

    // the webhook event names the connection and the entity
    const events = await http<{
      events: { event_type: string; connection_id: string; entity_id: string | null; data: { status?: string } }[];
    }>(server.url, "GET", "/linnet/events?type=account.updated&limit=500", { basic: app });
    const mine = events.body.events.filter((e) => e.connection_id === created.body.connection_id);
    expect(mine.map((e) => [e.entity_id, e.data.status])).toEqual([[second, "disconnected"]]);

    expect(await finch.account.disconnectEntity({ entity_ids: [first!] })).toEqual({ status: "success" });
    await expect(finch.account.introspect()).rejects.toBeInstanceOf(Finch.AuthenticationError);
  });

  it("a single-entity connection keeps answering as before, with or without its entity id", async () => {
    const created = await sandboxConnection({ provider_id: "sandbox_hris", employee_size: 2 });
    expect(created.body.entity_ids).toEqual([created.body.entity_id]);
    const finch = sdk(created.body.access_token);
    const intro = await finch.account.introspect();
    expect(intro.entities).toEqual([{ id: created.body.entity_id, name: null, source_id: null, status: "connected" }]);
    const company = await finch.hris.company.retrieve();
    expect((await finch.hris.company.retrieve({ entity_ids: [created.body.entity_id] })).id).toBe(company.id);
    const other = await http(server.url, "GET", "/employer/company?entity_ids=3c90c3cc-0d44-4b50-8888-8dd25736052a", {
      bearer: created.body.access_token,
    });
    expect(other.status).toBe(400);
    // its only entity named: the connection is disconnected like POST /disconnect
    expect(await finch.account.disconnectEntity({ entity_ids: [created.body.entity_id] })).toEqual({ status: "success" });
    await expect(finch.hris.company.retrieve()).rejects.toBeInstanceOf(Finch.AuthenticationError);
  });
});

describe("operators publish per entity", () => {
  it("an upload for one entity is served to reads naming that entity only", async () => {
    const created = await sandboxConnection({
      provider_id: "adp_workforce_now",
      authentication_type: "assisted",
      employee_size: 2,
      entity_count: 2,
    });
    const bearer = created.body.access_token;
    const [first, second] = created.body.entity_ids;
    const ops = await signInConsole(server, "ops-entity@linnet.test", "operator");
    const census = fs.readFileSync(new URL("../../server/domain/ingestion/fixtures/adp-wfn-census.csv", import.meta.url));
    const path = (entity: string) =>
      `/ops/api/connections/${created.body.connection_id}/uploads?group=org&file_name=census.csv&entity_id=${entity}`;
    const headers = { cookie: ops.cookie, "x-csrf-token": ops.csrf, "content-type": "text/csv" };
    const unknown = await http(server.url, "POST", path("3c90c3cc-0d44-4b50-8888-8dd25736052a"), {
      raw: census as unknown as string,
      headers,
    });
    expect(unknown.status).toBe(400);
    const upload = await http<UploadView>(server.url, "POST", path(second!), { raw: census as unknown as string, headers });
    expect(upload.status).toBe(201);
    expect((await ops.call<UploadView>("POST", `/ops/api/uploads/${upload.body.id}/publish`, { body: {} })).status).toBe(200);
    const served = await http<{ paging: { count: number } }>(server.url, "GET", `/employer/directory?entity_ids=${second}`, { bearer });
    expect([served.status, served.body.paging.count]).toEqual([200, upload.body.row_count]);
    expect((await http(server.url, "GET", `/employer/directory?entity_ids=${first}`, { bearer })).status).toBe(202);
  });
});

describe("POST /forward", () => {
  it("forwards to the sandbox provider API and answers in the spec's envelope", async () => {
    const created = await sandboxConnection({ provider_id: "sandbox_payroll", employee_size: 7 });
    const finch = sdk(created.body.access_token);
    const list = await finch.requestForwarding.forward({
      method: "GET",
      route: "/v1/employees",
      params: { limit: 3, offset: 1 },
      request_headers: { "X-Trace": "abc" },
    });
    expect(list.statusCode).toBe(200);
    expect(list.headers).toMatchObject({ "content-type": expect.stringContaining("application/json") });
    expect(list.request).toEqual({
      method: "GET",
      route: "/v1/employees",
      params: { limit: 3, offset: 1 },
      headers: { "X-Trace": "abc" },
      data: null,
    });
    const page = JSON.parse(list.data!) as { total: number; employees: { employee_code: string; first_name: string }[] };
    expect(page.total).toBe(7);
    expect(page.employees.map((e) => e.employee_code)).toEqual(["E000002", "E000003", "E000004"]);

    const one = await finch.requestForwarding.forward({ method: "get", route: "/v1/employees/E000002" });
    expect(one.statusCode).toBe(200);
    expect(JSON.parse(one.data!)).toMatchObject({ employee_code: "E000002", first_name: page.employees[0]!.first_name });
    const company = await finch.requestForwarding.forward({ method: "GET", route: "/v1/company" });
    expect(JSON.parse(company.data!).company_name).toBe((await finch.hris.company.retrieve()).legal_name);

    // the provider's own errors come back inside a 200 envelope, as Finch forwards them
    expect((await finch.requestForwarding.forward({ method: "GET", route: "/v1/nothing-here" })).statusCode).toBe(404);
    const post = await finch.requestForwarding.forward({ method: "POST", route: "/v1/employees", data: '{"first_name":"X"}' });
    expect([post.statusCode, post.headers?.allow, post.request.data]).toEqual([405, "GET", '{"first_name":"X"}']);
  });

  it("is never an open proxy: absolute URLs, traversal, other credentials and unknown methods are refused", async () => {
    const created = await sandboxConnection({ provider_id: "sandbox_hris", employee_size: 2 });
    const bearer = created.body.access_token;
    const bad: [Record<string, unknown>, string][] = [
      [{ method: "GET", route: "https://example.com/v1/employees" }, "route"],
      [{ method: "GET", route: "//example.com/v1" }, "route"],
      [{ method: "GET", route: "/v1/../admin" }, "route"],
      [{ method: "GET", route: "v1/employees" }, "route"],
      [{ method: "GET", route: "/v1/employees?x=1" }, "route"],
      [{ method: "GET", route: "/v1/employees%2f..%2f" }, "route"],
      [{ method: "TRACE", route: "/v1/employees" }, "method"],
      [{ route: "/v1/employees" }, "method"],
      [{ method: "GET", route: "/v1/employees", request_headers: { Authorization: "Bearer stolen" } }, "Authorization"],
      [{ method: "GET", route: "/v1/employees", request_headers: { Host: "example.com" } }, "Host"],
      [{ method: "GET", route: "/v1/employees", request_headers: { "X-Evil": "a\r\nHost: b" } }, "X-Evil"],
    ];
    for (const [body, field] of bad) {
      const res = await http(server.url, "POST", "/forward", { bearer, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body, JSON.stringify(body)).toMatchObject({
        code: 400,
        finch_code: "invalid_request",
        message: expect.stringContaining(field),
      });
    }
    await expect(sdk(bearer).requestForwarding.forward({ method: "GET", route: "https://example.com/" })).rejects.toBeInstanceOf(
      Finch.BadRequestError,
    );
  });

  it("answers the documented error on an assisted connection, which has no provider API", async () => {
    const created = await sandboxConnection({ provider_id: "adp_workforce_now", authentication_type: "assisted", employee_size: 2 });
    const finch = sdk(created.body.access_token);
    const err = await finch.requestForwarding.forward({ method: "GET", route: "/v1/employees" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Finch.BadRequestError);
    expect((err as InstanceType<typeof Finch.BadRequestError>).error).toMatchObject({
      code: 400,
      finch_code: "invalid_request",
      message: expect.stringContaining("assisted"),
    });
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publishOrgSnapshot } from "../../server/commands/publish-org.js";
import { publishPaySnapshot } from "../../server/commands/publish-pay.js";
import type { CreatedApplication } from "../../server/domain/applications/create-application.js";
import { orgInput, payment } from "../support/fixtures.js";
import { connectEmployer, http } from "../support/http.js";
import { startTestServer, type TestServer } from "../support/test-server.js";

let server: TestServer;
let app: CreatedApplication;
const ALL = ["company", "directory", "individual", "employment", "payment", "pay_statement", "ssn"];

beforeAll(async () => {
  server = await startTestServer();
  app = await server.createApp();
});
afterAll(() => server.close());

const assisted = (products = ALL) =>
  connectEmployer(server.url, app, { products, choice: { provider_id: "paychex_flex", auth_method: "assisted", access_granted: true } });
const publishOrg = (connectionId: string, size = 5, name?: string) =>
  publishOrgSnapshot(server.linnet.deps, connectionId, orgInput(size, name), {
    source: "test",
    retrievedAt: new Date("2026-01-02T03:04:05.000Z"),
  });

describe("assisted readiness", () => {
  it("answers 202 with an empty body everywhere, then 200 on org while pay is still 202, then 200 everywhere", async () => {
    const conn = await assisted();
    const get = (path: string) => http(server.url, "GET", path, { bearer: conn.access_token });
    const post = (path: string, body: unknown) => http(server.url, "POST", path, { bearer: conn.access_token, body });
    const calls = () => [
      get("/employer/company"),
      get("/employer/directory"),
      post("/employer/individual", { requests: [] }),
      post("/employer/employment", { requests: [] }),
      get("/employer/payment?start_date=2020-01-01&end_date=2030-01-01"),
      post("/employer/pay-statement", { requests: [{ payment_id: "00000000-0000-4000-8000-000000000000" }] }),
      get("/employer/pay-groups"),
    ];
    for (const res of await Promise.all(calls())) {
      expect(res.status).toBe(202);
      expect(res.text).toBe("");
      expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(86_400);
      expect(res.headers.get("linnet-data-expected")).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    }
    expect((await publishOrg(conn.connection_id)).ok).toBe(true);
    const mid = await Promise.all(calls());
    expect(mid.map((r) => r.status)).toEqual([200, 200, 200, 200, 202, 202, 202]);
    expect(mid[0]!.headers.get("finch-data-retrieved")).toBe("2026-01-02T03:04:05.000Z");
    const introspection = await get("/introspect");
    expect(introspection.body).toMatchObject({
      connection_status: { status: "connected", last_successful_sync: "2026-01-02T03:04:05.000Z" },
    });

    const pay = await publishPaySnapshot(
      server.linnet.deps,
      conn.connection_id,
      {
        pay_groups: [{ source_id: "G1", name: "Salaried", pay_frequencies: ["bi_weekly"], individual_source_ids: ["E0001", "E0002"] }],
        payments: [payment("P1", "2025-12-26", ["E0001", "E0002"])],
      },
      { source: "test", retrievedAt: new Date("2026-01-03T00:00:00.000Z") },
    );
    expect(pay.ok).toBe(true);
    const after = await Promise.all(calls());
    expect(after.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200, 200]);
  });
});

describe("reading published data", () => {
  it("serves every endpoint in the contract's shape, with ETags and 304s", async () => {
    const conn = await assisted();
    await publishOrg(conn.connection_id, 5);
    await publishPaySnapshot(
      server.linnet.deps,
      conn.connection_id,
      {
        pay_groups: [
          { source_id: "G1", name: "Salaried", pay_frequencies: ["bi_weekly"], individual_source_ids: ["E0001", "E0002", "E0003"] },
        ],
        payments: [payment("P1", "2025-12-12", ["E0001", "E0002", "E0003"]), payment("P2", "2025-12-26", ["E0001", "E0002"])],
      },
      { source: "test", retrievedAt: new Date("2026-01-03T00:00:00.000Z") },
    );
    const bearer = conn.access_token;
    const company = await http(server.url, "GET", "/employer/company", { bearer });
    expect(company.body).toMatchObject({
      legal_name: "Acme, Inc.",
      ein: "12-3456789",
      accounts: [{ account_number: "9876543210", routing_number: "021000021" }],
    });

    const dir = await http<{ paging: { count: number; offset: number }; individuals: { id: string; manager: { id: string } | null }[] }>(
      server.url,
      "GET",
      "/employer/directory?limit=2&offset=1",
      { bearer },
    );
    expect(dir.body.paging).toEqual({ count: 5, offset: 1 });
    expect(dir.body.individuals).toHaveLength(2);
    const all = await http<{ individuals: { id: string; manager: { id: string } | null }[] }>(server.url, "GET", "/employer/directory", {
      bearer,
    });
    const ceo = all.body.individuals[0]!;
    expect(ceo.manager).toBeNull();
    expect(all.body.individuals[1]!.manager).toEqual({ id: ceo.id });

    const etag = dir.headers.get("etag");
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await http(server.url, "GET", "/employer/directory?limit=2&offset=1", { bearer, headers: { "if-none-match": etag! } });
    expect(again.status).toBe(304);
    expect(again.text).toBe("");

    const ids = all.body.individuals.map((i) => i.id);
    const ind = await http<{ responses: { individual_id: string; code: number; body: Record<string, unknown> }[] }>(
      server.url,
      "POST",
      "/employer/individual",
      {
        bearer,
        body: { requests: [{ individual_id: ids[0] }, { individual_id: "nope" }], options: { include: ["ssn"] } },
      },
    );
    expect(ind.body.responses[0]).toMatchObject({ code: 200, body: { id: ids[0], first_name: "First1", ssn: "123-45-1001" } });
    expect(ind.body.responses[1]).toMatchObject({ individual_id: "nope", code: 404, body: { finch_code: "individual_not_found" } });
    const noSsn = await http<{ responses: { body: Record<string, unknown> }[] }>(server.url, "POST", "/employer/individual", {
      bearer,
      body: { requests: [{ individual_id: ids[0] }] },
    });
    expect(noSsn.body.responses[0]!.body).not.toHaveProperty("ssn");

    const emp = await http<{ responses: { body: Record<string, unknown> }[] }>(server.url, "POST", "/employer/employment", {
      bearer,
      body: { requests: [{ individual_id: ids[1] }] },
    });
    expect(emp.body.responses[0]!.body).toMatchObject({
      id: ids[1],
      title: "Engineer",
      manager: { id: ids[0] },
      source_id: "E0002",
      income: { unit: "yearly" },
    });

    const payments = await http<{ id: string; individual_ids: string[]; pay_group_ids: string[] }[]>(
      server.url,
      "GET",
      "/employer/payment?start_date=2025-12-20&end_date=2025-12-31",
      { bearer },
    );
    expect(payments.body).toHaveLength(1);
    expect(payments.body[0]!.individual_ids).toEqual([ids[0], ids[1]]);
    const groups = await http<{ id: string }[]>(server.url, "GET", "/employer/pay-groups", { bearer });
    expect(groups.body).toEqual([{ id: payments.body[0]!.pay_group_ids[0], name: "Salaried", pay_frequencies: ["bi_weekly"] }]);
    const group = await http(server.url, "GET", `/employer/pay-groups/${groups.body[0]!.id}`, { bearer });
    expect(group.body).toMatchObject({ individual_ids: ids.slice(0, 3) });
    expect((await http(server.url, "GET", "/employer/pay-groups/00000000-0000-4000-8000-000000000000", { bearer })).status).toBe(404);

    const statements = await http<{
      responses: { code: number; body: { paging: unknown; pay_statements: { individual_id: string }[] } }[];
    }>(server.url, "POST", "/employer/pay-statement", {
      bearer,
      body: {
        requests: [{ payment_id: payments.body[0]!.id, limit: 1, offset: 1 }, { payment_id: "00000000-0000-4000-8000-000000000000" }],
      },
    });
    expect(statements.body.responses[0]).toMatchObject({ code: 200, body: { paging: { count: 2, offset: 1 } } });
    expect(statements.body.responses[0]!.body.pay_statements).toEqual([expect.objectContaining({ individual_id: ids[1] })]);
    expect(statements.body.responses[1]).toMatchObject({ code: 404 });
  });

  it("keeps ids stable across snapshots and serves the newest", async () => {
    const conn = await assisted();
    await publishOrg(conn.connection_id, 3, "Acme v1");
    const first = await http<{ individuals: { id: string }[] }>(server.url, "GET", "/employer/directory", { bearer: conn.access_token });
    await publishOrg(conn.connection_id, 4, "Acme v2");
    const second = await http<{ individuals: { id: string }[] }>(server.url, "GET", "/employer/directory", { bearer: conn.access_token });
    expect(second.body.individuals.slice(0, 3).map((i) => i.id)).toEqual(first.body.individuals.map((i) => i.id));
    expect(second.body.individuals).toHaveLength(4);
    const company = await http(server.url, "GET", "/employer/company", { bearer: conn.access_token });
    expect(company.body).toMatchObject({ legal_name: "Acme v2" });
  });

  it("leaves the previous snapshot served when a publish fails midway", async () => {
    const conn = await assisted();
    await publishOrg(conn.connection_id, 3, "Good data");
    const bad = orgInput(3, "Broken data");
    bad.people[2]!.employment.manager_source_id = "E9999";
    const failed = await publishOrgSnapshot(server.linnet.deps, conn.connection_id, bad, { source: "test", retrievedAt: new Date() });
    expect(failed.ok).toBe(false);
    const failedPay = await publishPaySnapshot(
      server.linnet.deps,
      conn.connection_id,
      { pay_groups: [], payments: [payment("P1", "2025-12-12", ["E0001"]), payment("P2", "2025-12-26", ["E7777"])] },
      { source: "test", retrievedAt: new Date() },
    );
    expect(failedPay.ok).toBe(false);
    const company = await http(server.url, "GET", "/employer/company", { bearer: conn.access_token });
    expect(company.body).toMatchObject({ legal_name: "Good data" });
    expect(
      (await http(server.url, "GET", "/employer/payment?start_date=2020-01-01&end_date=2030-01-01", { bearer: conn.access_token })).status,
    ).toBe(202);
  });
});

describe("merging pay data", () => {
  it("adds new payrolls to the history, and a re-sent payroll replaces its old version", async () => {
    const conn = await assisted();
    await publishOrg(conn.connection_id, 3);
    const meta = { source: "test", retrievedAt: new Date("2026-01-03T00:00:00.000Z") };
    const group = [{ source_id: "G1", name: "Salaried", pay_frequencies: ["bi_weekly" as const], individual_source_ids: ["E0001"] }];
    await publishPaySnapshot(
      server.linnet.deps,
      conn.connection_id,
      { pay_groups: group, payments: [payment("P1", "2025-12-12", ["E0001", "E0002"])] },
      meta,
    );
    const merged = await publishPaySnapshot(
      server.linnet.deps,
      conn.connection_id,
      { pay_groups: [], payments: [payment("P2", "2025-12-26", ["E0001"])], mode: "merge" },
      meta,
    );
    expect(merged.ok && merged.value.counts).toEqual({ pay_groups: 1, payments: 2, pay_statements: 3 });
    const again = await publishPaySnapshot(
      server.linnet.deps,
      conn.connection_id,
      { pay_groups: [], payments: [payment("P1", "2025-12-12", ["E0003"])], mode: "merge" },
      meta,
    );
    expect(again.ok && again.value.counts).toEqual({ pay_groups: 1, payments: 2, pay_statements: 2 });
    const bearer = conn.access_token;
    const payments = await http<{ id: string; pay_date: string; individual_ids: string[] }[]>(
      server.url,
      "GET",
      "/employer/payment?start_date=2025-01-01&end_date=2026-12-31",
      { bearer },
    );
    expect(payments.body.map((p) => p.pay_date).sort()).toEqual(["2025-12-12", "2025-12-26"]);
    const p1 = payments.body.find((p) => p.pay_date === "2025-12-12")!;
    const statements = await http<{ responses: { body: { pay_statements: unknown[] } }[] }>(server.url, "POST", "/employer/pay-statement", {
      bearer,
      body: { requests: [{ payment_id: p1.id }] },
    });
    expect(statements.body.responses[0]!.body.pay_statements).toHaveLength(1);
    expect((await http<unknown[]>(server.url, "GET", "/employer/pay-groups", { bearer })).body).toHaveLength(1);
  });
});

describe("errors of the data endpoints", () => {
  it("403 without the product, 401 when disconnected, 422 over the limits, 400 on bad dates and entities", async () => {
    const conn = await assisted(["company", "directory"]);
    await publishOrg(conn.connection_id);
    const bearer = conn.access_token;
    const scope = await http(server.url, "POST", "/employer/individual", { bearer, body: { requests: [] } });
    expect(scope.status).toBe(403);
    expect(scope.body).toMatchObject({ name: "insufficient_scope_error" });
    const big = await http(server.url, "GET", "/employer/directory?limit=10001", { bearer });
    expect(big.status).toBe(422);
    expect(big.body).toMatchObject({ finch_code: "page_size_limit_exceeded" });
    const other = await assisted();
    const batch = await http(server.url, "POST", "/employer/individual", {
      bearer: other.access_token,
      body: { requests: Array.from({ length: 10_001 }, (_, i) => ({ individual_id: `x${i}` })) },
    });
    expect(batch.status).toBe(422);
    expect(batch.body).toMatchObject({ finch_code: "batch_limit_exceeded" });
    const stmts = await http(server.url, "POST", "/employer/pay-statement", {
      bearer: other.access_token,
      body: { requests: Array.from({ length: 11 }, () => ({ payment_id: "x" })) },
    });
    expect(stmts.status).toBe(422);
    const dates = await http(server.url, "GET", "/employer/payment?start_date=2026-02-01&end_date=2026-01-01", {
      bearer: other.access_token,
    });
    expect(dates.status).toBe(400);
    const missing = await http(server.url, "GET", "/employer/payment", { bearer: other.access_token });
    expect(missing.status).toBe(400);
    expect(String(missing.body.message)).toContain("start_date");
    const entity = await http(server.url, "GET", "/employer/company?entity_ids[]=00000000-0000-4000-8000-000000000000", { bearer });
    expect(entity.status).toBe(400);
    const intro = await http<{ entities: { id: string }[] }>(server.url, "GET", "/introspect", { bearer });
    const okEntity = await http(server.url, "GET", `/employer/company?entity_ids[]=${intro.body.entities[0]!.id}`, { bearer });
    expect(okEntity.status).toBe(200);
    await http(server.url, "POST", "/disconnect", { bearer });
    expect((await http(server.url, "GET", "/employer/company", { bearer })).status).toBe(401);
  });

  it("one connection's token never sees another connection's data", async () => {
    const a = await assisted();
    const b = await assisted();
    await publishOrg(a.connection_id, 3, "Company A");
    await publishOrg(b.connection_id, 3, "Company B");
    const aDir = await http<{ individuals: { id: string }[] }>(server.url, "GET", "/employer/directory", { bearer: a.access_token });
    const cross = await http<{ responses: { code: number }[] }>(server.url, "POST", "/employer/individual", {
      bearer: b.access_token,
      body: { requests: aDir.body.individuals.map((i) => ({ individual_id: i.id })) },
    });
    expect(cross.body.responses.every((r) => r.code === 404)).toBe(true);
    expect((await http(server.url, "GET", "/employer/company", { bearer: b.access_token })).body).toMatchObject({
      legal_name: "Company B",
    });
  });
});

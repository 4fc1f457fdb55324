import fs from "node:fs";
import Finch from "@tryfinch/finch-api";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Dependent, Enrollment, Plan } from "../../contracts/finch/plans.js";
import type { UploadView } from "../../contracts/linnet/ops.js";
import { planDependents } from "../../server/db/schema/index.js";
import type { CreatedApplication } from "../../server/domain/applications/create-application.js";
import { type ConsoleBrowser, signInConsole } from "../support/console.js";
import { connectEmployer, http } from "../support/http.js";
import { startTestServer, type TestServer } from "../support/test-server.js";

/**
 * Benefit plans (`/employer/plans*`, beta) through the official Node SDK on a sandbox connection and on an assisted
 * one before and after an operator's uploads. SDK 10.7.0 has no methods for these beta operations, so the calls go
 * through the client's own `get` / `post` (its auth, headers, retries and error classes), plus raw HTTP for shapes.
 */
let server: TestServer;
let sandboxApp: CreatedApplication;
let app: CreatedApplication;
let ops: ConsoleBrowser;
let admin: ConsoleBrowser;
const sdk = (accessToken: string) => new Finch({ baseURL: server.url, accessToken, maxRetries: 0 });
const PLAN_PRODUCTS = ["plans", "plans_enrollments", "plans_dependents"];
const file = (path: string) => fs.readFileSync(new URL(`../../server/domain/${path}`, import.meta.url));

/** The spec's required fields (GetPlanResponse / EnrollmentResponse / DependentResponse), all of them, nothing else. */
const PLAN_KEYS = [
  "carrier",
  "coverage_tiers",
  "deduction_codes",
  "description",
  "end_date",
  "id",
  "name",
  "network_type",
  "start_date",
  "type",
];
const ENROLLMENT_KEYS = [
  "contributions",
  "coverage_end_date",
  "coverage_start_date",
  "coverage_tier",
  "dependent_ids",
  "id",
  "individual_id",
  "plan_id",
  "status",
];
const DEPENDENT_KEYS = ["coverage", "date_of_birth", "dependent_id", "first_name", "gender", "last_name", "middle_name", "ssn"];

type Page<K extends string, T> = { paging: { count: number; offset: number } } & Record<K, T[]>;

/** Every item of a plans list, 50 at a time, checking `paging` on the way. */
async function all<K extends string, T>(finch: Finch, path: string, key: K, query: Record<string, unknown> = {}): Promise<T[]> {
  const out: T[] = [];
  for (let offset = 0; ; offset += 50) {
    const page = await finch.get<Page<K, T>>(path, { query: { ...query, limit: 50, offset } });
    expect(page.paging.offset).toBe(offset);
    out.push(...page[key]);
    if (out.length >= page.paging.count || page[key].length === 0) {
      expect(out.length).toBe(page.paging.count);
      return out;
    }
  }
}

beforeAll(async () => {
  server = await startTestServer();
  sandboxApp = await server.createApp({ clientType: "sandbox" });
  app = await server.createApp({ name: "Plans App" });
  ops = await signInConsole(server, "plans-ops@linnet.test", "operator");
  admin = await signInConsole(server, "plans-admin@linnet.test", "admin");
}, 120_000);
afterAll(() => server.close());

describe("a sandbox connection", () => {
  let finch: Finch;
  let token: string;

  beforeAll(async () => {
    const basic = new Finch({ baseURL: server.url, clientID: sandboxApp.client_id, clientSecret: sandboxApp.client_secret, maxRetries: 0 });
    const created = await basic.sandbox.connections.create({
      provider_id: "sandbox_payroll",
      products: ["company", "directory", "individual", "employment", "payment", "pay_statement", "benefits", "ssn", ...PLAN_PRODUCTS],
      employee_size: 40,
    });
    token = created.access_token;
    finch = sdk(token);
  }, 120_000);

  it("has carrier plans whose enrollments' contributions are the premiums its pay statements deduct", async () => {
    const plans = await all<"plans", Plan>(finch, "/employer/plans", "plans");
    expect(plans.map((p) => p.type)).toContain("medical");
    for (const p of plans) {
      expect(Object.keys(p).sort()).toEqual(PLAN_KEYS);
      expect(p.carrier?.name).toBeTruthy();
      expect(p.coverage_tiers).toEqual(["employee_only", "employee_spouse", "employee_children", "employee_family"]);
      expect(await finch.get<Plan>(`/employer/plans/${p.id}`)).toEqual(p);
    }
    const medical = plans.find((p) => p.type === "medical")!;
    expect((await finch.get<Page<"plans", Plan>>("/employer/plans", { query: { plan_type: "MEDICAL" } })).plans).toEqual([medical]);

    const enrollments = await all<"enrollments", Enrollment>(finch, "/employer/plans-enrollments", "enrollments");
    expect(enrollments.length).toBeGreaterThan(0);
    for (const e of enrollments) expect(Object.keys(e).sort()).toEqual(ENROLLMENT_KEYS);
    expect(new Set(enrollments.map((e) => e.plan_id))).toEqual(new Set(plans.map((p) => p.id)));

    // Each medical enrollment's employee contribution is the Medical line of that person's latest pay statement.
    const payments = [];
    for await (const p of finch.hris.payments.list({ start_date: "2000-01-01", end_date: "2100-01-01" })) payments.push(p);
    const latest = payments.sort((a, b) => (a.pay_date! < b.pay_date! ? 1 : -1))[0]!;
    const pages = [];
    for await (const r of finch.hris.payStatements.retrieveMany({ requests: [{ payment_id: latest.id, limit: 5000 }] })) pages.push(r);
    const statements = (
      pages[0]!.body as { pay_statements: { individual_id: string; employee_deductions: { type: string; amount: number }[] }[] }
    ).pay_statements;
    const premium = new Map(statements.map((s) => [s.individual_id, s.employee_deductions.find((d) => d.type === "s125_medical")?.amount]));
    const onMedical = enrollments.filter((e) => e.plan_id === medical.id);
    expect(onMedical.length).toBe([...premium.values()].filter((v) => v !== undefined).length);
    for (const e of onMedical) {
      expect(e.contributions).toEqual({
        frequency: "per_pay_period",
        employee_contribution: { amount: premium.get(e.individual_id), currency: "usd" },
        employer_contribution: null,
      });
    }
  });

  it("has dependents matching each coverage tier, SSNs only with include=ssn and sealed at rest", async () => {
    const enrollments = await all<"enrollments", Enrollment>(finch, "/employer/plans-enrollments", "enrollments");
    const dependents = await all<"dependents", Dependent>(finch, "/employer/plans-dependents", "dependents");
    const byId = new Map(dependents.map((d) => [d.dependent_id, d]));
    for (const e of enrollments) {
      const mine = e.dependent_ids!.map((id) => byId.get(id)!);
      const spouses = mine.filter((d) => d.coverage[0]!.relationship_to_individual === "spouse").length;
      const children = mine.length - spouses;
      expect([spouses > 0, children > 0], e.coverage_tier!).toEqual([
        /spouse|family/.test(e.coverage_tier!),
        /children|family/.test(e.coverage_tier!),
      ]);
      for (const d of mine) expect(d.coverage[0]!.enrollments).toContainEqual({ id: e.id, type: expect.any(String) });
    }
    expect(dependents.length).toBeGreaterThan(0);
    for (const d of dependents) {
      expect(Object.keys(d).sort()).toEqual(DEPENDENT_KEYS);
      expect(d.ssn).toBeNull();
      expect(d.date_of_birth).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    const withSsn = await finch.get<Page<"dependents", Dependent>>("/employer/plans-dependents", { query: { include: ["ssn"] } });
    const first = withSsn.dependents[0]!;
    expect(first.ssn).toMatch(/^\d{3}-\d{2}-\d{4}$/);
    const [row] = await server.linnet.deps.db.select().from(planDependents).where(eq(planDependents.id, first.dependent_id));
    expect(row!.sealed).toMatch(/^v1\./);
    expect(JSON.stringify(row)).not.toContain(first.ssn!);
    expect(JSON.stringify(row)).not.toContain(first.date_of_birth!);

    const batch = await finch.post<{ responses: { dependent_id: string; code: number; body: Dependent }[] }>("/employer/plans-dependents", {
      body: {
        requests: [{ dependent_id: first.dependent_id }, { dependent_id: "00000000-0000-4000-8000-000000000000" }],
        options: { include: ["ssn"] },
      },
    });
    expect(batch.responses.map((r) => r.code)).toEqual([200, 404]);
    expect(batch.responses[0]!.body).toEqual(first);
    expect(batch.responses[1]!.body).toMatchObject({ code: 404, name: "not_found_error", finch_code: "item_not_found" });
  });

  it("reads enrollments by id, 50 at most; refuses bad ids, pages and batches with the Finch error shape", async () => {
    const page = await finch.get<Page<"enrollments", Enrollment>>("/employer/plans-enrollments", { query: { limit: 3 } });
    const ids = [...page.enrollments.map((e) => e.id), "not-a-uuid"];
    const batch = await finch.post<{ responses: { enrollment_id: string; code: number; body: unknown }[] }>("/employer/plans-enrollments", {
      body: { requests: ids.map((enrollment_id) => ({ enrollment_id })) },
    });
    expect(batch.responses.map((r) => [r.enrollment_id, r.code])).toEqual(ids.map((id, i) => [id, i < 3 ? 200 : 404]));
    expect(batch.responses.slice(0, 3).map((r) => r.body)).toEqual(page.enrollments);

    const tooMany = Array.from({ length: 51 }, () => ({ enrollment_id: page.enrollments[0]!.id }));
    const over = await finch.post("/employer/plans-enrollments", { body: { requests: tooMany } }).catch((e: unknown) => e);
    expect(over).toBeInstanceOf(Finch.BadRequestError);
    expect((over as InstanceType<typeof Finch.BadRequestError>).message).toContain("requests");
    const overDependents = await http(server.url, "POST", "/employer/plans-dependents", {
      bearer: token,
      body: { requests: Array.from({ length: 51 }, () => ({ dependent_id: "x" })) },
    });
    expect([overDependents.status, overDependents.body.finch_code, String(overDependents.body.message)]).toEqual([
      400,
      "invalid_request",
      expect.stringContaining("requests"),
    ]);
    const bigPage = await http(server.url, "GET", "/employer/plans?limit=51", { bearer: token });
    expect([bigPage.status, String(bigPage.body.message)]).toEqual([400, expect.stringContaining("limit")]);
    const badInclude = await http(server.url, "GET", "/employer/plans-dependents?include=dob", { bearer: token });
    expect([badInclude.status, String(badInclude.body.message)]).toEqual([400, expect.stringContaining("include")]);

    await expect(finch.get("/employer/plans/not-a-uuid")).rejects.toBeInstanceOf(Finch.NotFoundError);
    for (const id of ["00000000-0000-4000-8000-000000000000", "%27%20or%201%3D1--", "x".repeat(300), "%E2%9C%93"]) {
      const res = await http(server.url, "GET", `/employer/plans/${id}`, { bearer: token });
      expect(res.status, id).toBe(id.length > 100 ? 414 : 404); // Linnet refuses path segments over 100 characters
      expect(Object.keys(res.body).sort()).toEqual(["code", "finch_code", "message", "name"]);
    }
  });

  it("needs each plan product: a token with benefits only gets 403 on plans", async () => {
    const basic = new Finch({ baseURL: server.url, clientID: sandboxApp.client_id, clientSecret: sandboxApp.client_secret, maxRetries: 0 });
    const created = await basic.sandbox.connections.create({
      provider_id: "sandbox_payroll",
      products: ["company", "directory", "payment", "pay_statement", "benefits"],
      employee_size: 5,
    });
    for (const path of ["/employer/plans", "/employer/plans-enrollments", "/employer/plans-dependents"]) {
      await expect(sdk(created.access_token).get(path)).rejects.toBeInstanceOf(Finch.PermissionDeniedError);
    }
  });
});

describe("an assisted connection", () => {
  const READS: [string, string, unknown?][] = [
    ["GET", "/employer/plans"],
    ["GET", "/employer/plans/00000000-0000-4000-8000-000000000000"],
    ["GET", "/employer/plans-enrollments"],
    ["POST", "/employer/plans-enrollments", { requests: [{ enrollment_id: "00000000-0000-4000-8000-000000000000" }] }],
    ["GET", "/employer/plans-dependents"],
    ["POST", "/employer/plans-dependents", { requests: [{ dependent_id: "00000000-0000-4000-8000-000000000000" }] }],
  ];
  let conn: { access_token: string; connection_id: string };

  const setMode = async (mode: "empty" | "finch" | null) => {
    expect(
      (await admin.call("PATCH", `/dashboard/api/applications/${app.client_id}/settings`, { body: { accepted_body: mode } })).status,
    ).toBe(200);
  };
  const plansExport = (name: string, bytes: Buffer, retrievedAt?: string) =>
    http<Record<string, unknown>>(
      server.url,
      "POST",
      `/ops/api/connections/${conn.connection_id}/plans-export?file_name=${name}${retrievedAt ? `&retrieved_at=${retrievedAt}` : ""}`,
      {
        raw: bytes as unknown as string,
        headers: { cookie: ops.cookie, "x-csrf-token": ops.csrf, "content-type": "text/csv" },
      },
    );

  beforeAll(async () => {
    conn = await connectEmployer(server.url, app, {
      products: ["company", "directory", "individual", "employment", "benefits", "ssn", ...PLAN_PRODUCTS],
      choice: { provider_id: "adp_workforce_now", auth_method: "assisted", access_granted: true },
    });
  }, 120_000);

  it("answers 202 before data in both body modes, also after the census until the enrollment export is published", async () => {
    const finch = sdk(conn.access_token);
    for (const mode of ["empty", "finch"] as const) {
      await setMode(mode);
      for (const [method, path, body] of READS) {
        const { data, response } = await (method === "GET" ? finch.get(path) : finch.post(path, { body })).withResponse();
        expect(response.status, `${mode} ${method} ${path}`).toBe(202);
        expect(response.headers.get("retry-after")).toMatch(/^\d+$/);
        if (mode === "empty") expect(data).toBe("");
        else
          expect(data).toEqual({
            code: 202,
            name: "sync_in_progress",
            finch_code: "data_sync_in_progress",
            message: "The data being requested is being fetched. Please check back later.",
          });
      }
    }
    await setMode(null);
    expect((await plansExport("benefits.csv", file("plans/fixtures/benefits-enrollment-export.csv"))).body.message).toMatch(/census first/);
    const census = await http<UploadView>(
      server.url,
      "POST",
      `/ops/api/connections/${conn.connection_id}/uploads?group=org&file_name=census.csv`,
      {
        raw: file("ingestion/fixtures/adp-wfn-census.csv") as unknown as string,
        headers: { cookie: ops.cookie, "x-csrf-token": ops.csrf, "content-type": "text/csv" },
      },
    );
    expect((await ops.call("POST", `/ops/api/uploads/${census.body.id}/publish`, { body: {} })).status).toBe(200);
    expect((await finch.get("/employer/directory").withResponse()).response.status).toBe(200);
    expect((await finch.get("/employer/plans").withResponse()).response.status).toBe(202);
  });

  it("refuses a bad export naming row and column, then serves the published one (stable ids on re-publish)", async () => {
    const bad = await plansExport(
      "bad.csv",
      Buffer.from(
        "Employee ID,Plan Type,Plan Name,Coverage Level,Coverage Start Date,Employee Cost\nNOBODY,Dental,X,Employee Only,13/45/2026,abc\n",
      ),
    );
    expect(bad.status).toBe(400);
    expect(String(bad.body.message)).toMatch(
      /row 2, "Employee ID".*not in this employer's published census.*"Coverage Start Date".*"Employee Cost"/,
    );

    const published = await plansExport("benefits.csv", file("plans/fixtures/benefits-enrollment-export.csv"), "2026-11-20T09:30:00.000Z");
    expect(published.body).toEqual({ plans: 5, enrollments: 6, dependents: 3 });

    const finch = sdk(conn.access_token);
    const { data: page, response } = await finch.get<Page<"plans", Plan>>("/employer/plans").withResponse();
    expect(response.status).toBe(200);
    expect(response.headers.get("finch-data-retrieved")).toBe("2026-11-20T09:30:00.000Z");
    expect(page.paging).toEqual({ count: 5, offset: 0 });
    const medical = page.plans.find((p) => p.name === "Aetna Choice POS II")!;
    expect(medical).toMatchObject({
      type: "medical",
      network_type: "pos",
      carrier: { id: null, name: "Aetna" },
      start_date: "2026-01-01",
      end_date: "2026-12-31",
      coverage_tiers: ["employee_family", "employee_only"],
      deduction_codes: ["MED"],
    });

    const directory = [];
    for await (const p of finch.hris.directory.list()) directory.push(p);
    const margaret = directory.find((p) => p.first_name === "Margaret")!.id;
    const enrollments = await all<"enrollments", Enrollment>(finch, "/employer/plans-enrollments", "enrollments");
    expect(enrollments.length).toBe(6);
    const hers = enrollments.find((e) => e.individual_id === margaret && e.plan_id === medical.id)!;
    expect(hers).toMatchObject({
      coverage_tier: "employee_family",
      coverage_start_date: "2026-01-01",
      coverage_end_date: null,
      contributions: {
        frequency: "per_pay_period",
        employee_contribution: { amount: 31_240, currency: "usd" },
        employer_contribution: { amount: 84_510, currency: "usd" },
      },
      status: "active",
    });
    expect(enrollments.find((e) => e.coverage_end_date === "2026-06-30")?.status).toBe("inactive");

    const dependents = (
      await finch.post<{ responses: { code: number; body: Dependent }[] }>("/employer/plans-dependents", {
        body: { requests: hers.dependent_ids!.map((dependent_id) => ({ dependent_id })), options: { include: ["ssn"] } },
      })
    ).responses;
    const claire = dependents.map((r) => r.body).find((d) => d.first_name === "Claire")!;
    expect(claire).toMatchObject({
      middle_name: "Rose",
      last_name: "Ellison",
      ssn: "521-48-1102",
      date_of_birth: "2009-09-30",
      gender: "female",
    });
    expect(claire.coverage).toEqual([
      {
        individual_id: margaret,
        relationship_to_individual: "child",
        enrollments: [expect.objectContaining({ type: "medical" }), expect.objectContaining({ type: "dental" })],
      },
    ]);
    expect((await finch.get<Page<"dependents", Dependent>>("/employer/plans-dependents")).dependents.every((d) => d.ssn === null)).toBe(
      true,
    );

    expect((await plansExport("benefits-again.csv", file("plans/fixtures/benefits-enrollment-export.csv"))).status).toBe(200);
    expect((await finch.get<Page<"enrollments", Enrollment>>("/employer/plans-enrollments")).enrollments.map((e) => e.id)).toEqual(
      enrollments.map((e) => e.id),
    );
  });
});

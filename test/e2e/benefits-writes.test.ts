import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CreatedApplication } from "../../server/domain/applications/create-application.js";
import { purgeExpiredIdempotencyKeys } from "../../server/domain/benefits/purge-idempotency-keys.js";
import { http } from "../support/http.js";
import { startTestServer, type TestServer } from "../support/test-server.js";

/** Validation of deduction writes (4xx naming the field) and Idempotency-Key replays. */
let server: TestServer;
let app: CreatedApplication;
let token: string;
let benefitId: string;
let individuals: string[];

type Err = { code: number; name: string; finch_code: string; message: string };
const post = <T = Err>(path: string, body: unknown, headers?: Record<string, string>) =>
  http<T>(server.url, "POST", path, { bearer: token, body, headers });

beforeAll(async () => {
  server = await startTestServer();
  app = await server.createApp({ clientType: "sandbox" });
  const created = await http<{ access_token: string }>(server.url, "POST", "/sandbox/connections", {
    basic: app,
    body: { provider_id: "sandbox_payroll", products: ["directory", "benefits"], employee_size: 5 },
  });
  token = created.body.access_token;
  const dir = await http<{ individuals: { id: string }[] }>(server.url, "GET", "/employer/directory", { bearer: token });
  individuals = dir.body.individuals.map((i) => i.id);
  const benefit = await post<{ benefit_id: string }>("/employer/benefits", {
    type: "401k",
    description: "Retirement",
    frequency: "every_paycheck",
  });
  expect(benefit.status).toBe(201);
  benefitId = benefit.body.benefit_id;
});
afterAll(() => server.close());

const enroll = (configuration: unknown, individual_id = individuals[0]) =>
  post(`/employer/benefits/${benefitId}/individuals`, [{ individual_id, configuration }]);

describe("validation", () => {
  it("refuses bad benefits with the field named", async () => {
    const type = await post("/employer/benefits", { type: "pension" });
    expect(type.status).toBe(400);
    expect(type.body.message).toContain("body.type");
    const frequency = await post("/employer/benefits", { type: "401k", frequency: "monthly" });
    expect([frequency.status, frequency.body.finch_code]).toEqual([422, "unprocessable_parameters"]);
    expect(frequency.body.message).toMatch(/^frequency:/);
    const tier = await post("/employer/benefits", {
      type: "401k",
      company_contribution: { type: "match", tiers: [{ match: 0, threshold: 400 }] },
    });
    expect(tier.status).toBe(422);
    expect(tier.body.message).toMatch(/^company_contribution\.tiers\[0\]\.match:/);
  });

  it("refuses invalid amounts", async () => {
    const negative = await enroll({ employee_deduction: { type: "fixed", amount: -100 } });
    expect([negative.status, negative.body.name]).toEqual([422, "unprocessable_request_error"]);
    expect(negative.body.message).toMatch(/^body\[0\]\.configuration\.employee_deduction\.amount: must not be negative/);
    const percent = await enroll({ employee_deduction: { type: "percent", amount: 12_000 } });
    expect(percent.status).toBe(422);
    expect(percent.body.message).toContain("employee_deduction.amount");
    const fraction = await enroll({ employee_deduction: { type: "fixed", amount: 10.5 } });
    expect(fraction.status).toBe(400);
    expect(fraction.body.message).toContain("employee_deduction.amount");
    const tiered = await enroll({ company_contribution: { type: "tiered" } });
    expect(tiered.status).toBe(422);
    expect(tiered.body.message).toContain("company_contribution.tiers");
  });

  it("refuses amounts over the 2026 legal maxima", async () => {
    const deferral = await enroll({ annual_maximum: 2_500_000 });
    expect(deferral.status).toBe(422);
    expect(deferral.body.message).toMatch(
      /^body\[0\]\.configuration\.annual_maximum: \$25,000\.00 is over the 2026 legal maximum of \$24,500\.00/,
    );
    const withCatchUp = await enroll({ annual_maximum: 2_500_000, catch_up: true });
    expect(withCatchUp.status).toBe(200); // 24,500 + 8,000 catch-up
    const perPaycheck = await enroll({ employee_deduction: { type: "fixed", amount: 3_300_000 }, catch_up: true });
    expect(perPaycheck.status).toBe(422);
    expect(perPaycheck.body.message).toContain("employee_deduction.amount");

    const hsa = await post<{ benefit_id: string }>("/employer/benefits", { type: "hsa_pre", description: "HSA" });
    const self = await post(`/employer/benefits/${hsa.body.benefit_id}/individuals`, [
      { individual_id: individuals[0], configuration: { annual_maximum: 500_000, annual_contribution_limit: "individual" } },
    ]);
    expect(self.status).toBe(422);
    expect(self.body.message).toContain("$4,400.00");
    const family = await post(`/employer/benefits/${hsa.body.benefit_id}/individuals`, [
      { individual_id: individuals[0], configuration: { annual_maximum: 500_000, annual_contribution_limit: "family" } },
    ]);
    expect(family.status).toBe(200);
    const catchUp = await post(`/employer/benefits/${hsa.body.benefit_id}/individuals`, [
      { individual_id: individuals[0], configuration: { catch_up: true } },
    ]);
    expect(catchUp.status).toBe(422);
    expect(catchUp.body.message).toContain("catch_up");
  });

  it("refuses unknown individuals, duplicate enrollments and unknown benefits", async () => {
    const unknown = await enroll({}, "00000000-0000-4000-8000-000000000000");
    expect([unknown.status, unknown.body.finch_code]).toEqual([404, "individual_not_found"]);
    expect(unknown.body.message).toMatch(/^body\[0\]\.individual_id:/);
    const twice = await post(`/employer/benefits/${benefitId}/individuals`, [
      { individual_id: individuals[1] },
      { individual_id: individuals[1] },
    ]);
    expect([twice.status, twice.body.finch_code]).toEqual([422, "invalid_employee_enrollment"]);
    expect(twice.body.message).toMatch(/^body\[1\]\.individual_id:/);
    const gone = await http<Err>(server.url, "DELETE", `/employer/benefits/${benefitId}/individuals`, {
      bearer: token,
      body: { individual_ids: ["nope"] },
    });
    expect([gone.status, gone.body.message]).toEqual([404, expect.stringMatching(/^individual_ids\[0\]:/)]);
    const benefit = await post("/employer/benefits/00000000-0000-4000-8000-000000000000/individuals", [{ individual_id: individuals[0] }]);
    expect([benefit.status, benefit.body.finch_code]).toEqual([404, "benefit_not_found"]);
  });
});

describe("Idempotency-Key", () => {
  it("replays the same answer and job, never a second job; another body with the key is refused", async () => {
    const headers = { "idempotency-key": "enroll-7f3a" };
    const body = [{ individual_id: individuals[2], configuration: { employee_deduction: { type: "percent", amount: 500 } } }];
    const first = await post<{ job_id: string }>(`/employer/benefits/${benefitId}/individuals`, body, headers);
    expect(first.status).toBe(200);
    const again = await post<{ job_id: string }>(`/employer/benefits/${benefitId}/individuals`, body, headers);
    expect(again.status).toBe(200);
    expect(again.body.job_id).toBe(first.body.job_id);
    const jobs = (await server.linnet.deps.db.execute(
      sql`select id from benefit_jobs where type = 'benefit_enroll' and request::text like ${`%${individuals[2]}%`}`,
    )) as unknown as { rows: unknown[] };
    expect(jobs.rows).toHaveLength(1);

    const other = await post<Err>(`/employer/benefits/${benefitId}/individuals`, [{ individual_id: individuals[3] }], headers);
    expect([other.status, other.body.finch_code]).toEqual([422, "idempotency_key_reused"]);
    expect(other.body.message).toMatch(/^Idempotency-Key:/);

    // The same key on a create replays its benefit too; keys expire after 24 hours.
    const create = await post<{ benefit_id: string; job_id: string }>(
      "/employer/benefits",
      { type: "commuter", description: "Transit" },
      { "idempotency-key": "c-1" },
    );
    const replay = await post<{ benefit_id: string; job_id: string }>(
      "/employer/benefits",
      { description: "Transit", type: "commuter" },
      { "idempotency-key": "c-1" },
    );
    expect([replay.status, replay.body]).toEqual([201, create.body]);
    server.clock.advance(25 * 3_600_000);
    const later = await post<{ benefit_id: string }>(
      "/employer/benefits",
      { type: "commuter", description: "Transit" },
      { "idempotency-key": "c-1" },
    );
    expect(later.status).toBe(201);
    expect(later.body.benefit_id).not.toBe(create.body.benefit_id);

    // the hourly housekeeping drops keys past their 24 hours, and only those
    const count = async () =>
      (
        (await server.linnet.deps.db.execute(sql`select count(*)::int as n from benefit_idempotency_keys`)) as unknown as {
          rows: { n: number }[];
        }
      ).rows[0]!.n;
    const before = await count();
    expect(await purgeExpiredIdempotencyKeys(server.linnet.deps)).toBe(before - 1); // the later "c-1" is still fresh
    expect(await count()).toBe(1);
  });
});

import { completeConnect, type HttpResult, http } from "./http.js";

/**
 * One realistic call (or a few) per Finch operation, keyed by the spec's operationId, for the spec-shape tests. Ids
 * found by earlier calls (people, payments, benefits, rules, jobs …) feed later ones; when a list had nothing (a 202),
 * a well-formed unknown id is used, so the 404 is held against the spec too.
 */

/** Operations of the spec Linnet does not answer yet (404 "No route"). Empty this list as they land. */
export const NOT_YET_IMPLEMENTED: readonly string[] = [];

/** Operations that end the connection: called last, disconnect-entity before disconnect. */
export const LAST: readonly string[] = ["post-disconnect-entity", "post-disconnect"];

/** What the calls share during one pass over the operations. */
export interface CallContext {
  base: string;
  app: { client_id: string; client_secret: string };
  token: string;
  connectionId: string;
  entityId: string;
  /** Ids found so far. */
  ids: Partial<
    Record<
      | "individual"
      | "payment"
      | "payGroup"
      | "benefit"
      | "rule"
      | "automatedJob"
      | "manualJob"
      | "document"
      | "plan"
      | "enrollment"
      | "dependent"
      | "company",
      string
    >
  >;
}

type Call = (c: CallContext) => Promise<HttpResult<unknown>[]>;

const UNKNOWN = "00000000-0000-4000-8000-000000000000";
const unique = () => Math.random().toString(36).slice(2, 10);
const id = (c: CallContext, key: keyof CallContext["ids"]) => encodeURIComponent(c.ids[key] ?? UNKNOWN);
const bearer = (method: string, path: string, body?: unknown) => async (c: CallContext) => [
  await http<unknown>(c.base, method, path, { bearer: c.token, body }),
];
/** Keep an id found in a 200 body. */
function keep<B extends object>(
  c: CallContext,
  key: keyof CallContext["ids"],
  res: HttpResult<unknown>,
  pick: (body: B) => string | undefined,
): HttpResult<unknown> {
  if (res.status >= 200 && res.status < 300 && res.body && typeof res.body === "object") {
    const found = pick(res.body as B); // the caller names the shape of a 2xx body it reads
    if (found) c.ids[key] = found;
  }
  return res;
}
const get = (c: CallContext, path: string) => http<unknown>(c.base, "GET", path, { bearer: c.token });
const post = (c: CallContext, path: string, body: unknown) => http<unknown>(c.base, "POST", path, { bearer: c.token, body });

/** The calls, by operationId. */
export const CALLS: Record<string, Call> = {
  "get-company": bearer("GET", "/employer/company"),
  "get-directory": async (c) => [
    keep(c, "individual", await get(c, "/employer/directory?limit=50"), (b: { individuals?: { id: string }[] }) => b.individuals?.[0]?.id),
  ],
  "get-individual": async (c) => [await post(c, "/employer/individual", { requests: [{ individual_id: c.ids.individual ?? UNKNOWN }] })],
  "get-employment": async (c) => [await post(c, "/employer/employment", { requests: [{ individual_id: c.ids.individual ?? UNKNOWN }] })],
  "get-payment": async (c) => [
    keep(
      c,
      "payment",
      await get(c, "/employer/payment?start_date=2000-01-01&end_date=2100-01-01"),
      (b: { id: string }[]) => b.at?.(-1)?.id,
    ),
  ],
  "get-pay-statement": async (c) => [
    await post(c, "/employer/pay-statement", { requests: [{ payment_id: c.ids.payment ?? UNKNOWN, limit: 50, offset: 0 }] }),
  ],
  "get-pay-statement-item": bearer("GET", "/employer/pay-statement-item?categories[]=earnings&categories[]=taxes"),
  "create-rule": async (c) => [
    keep(
      c,
      "rule",
      await post(c, "/employer/pay-statement-item/rule", {
        entity_type: "pay_statement_item",
        conditions: [{ field: "name", operator: "equals", value: "Salary" }],
        attributes: { metadata: { gl_code: "5000" } },
      }),
      (b: { id?: string }) => b.id,
    ),
  ],
  "get-rules": bearer("GET", "/employer/pay-statement-item/rule"),
  "update-rule": async (c) => [
    await http<unknown>(c.base, "PUT", `/employer/pay-statement-item/rule/${id(c, "rule")}`, {
      bearer: c.token,
      body: { attributes: { metadata: { gl_code: "5001" } } },
    }),
  ],
  "delete-rule": async (c) => [
    await http<unknown>(c.base, "DELETE", `/employer/pay-statement-item/rule/${id(c, "rule")}`, { bearer: c.token }),
  ],
  "get-all-pay-groups": async (c) => [keep(c, "payGroup", await get(c, "/employer/pay-groups"), (b: { id: string }[]) => b[0]?.id)],
  "get-pay-group": async (c) => [await get(c, `/employer/pay-groups/${id(c, "payGroup")}`)],
  "get-company-benefits": async (c) => [
    keep(c, "benefit", await get(c, "/employer/benefits"), (b: { benefit_id: string }[]) => b[0]?.benefit_id),
  ],
  "create-company-benefits": async (c) => {
    const res = await post(c, "/employer/benefits", {
      type: "hsa_pre",
      description: "Health Savings Account",
      frequency: "every_paycheck",
    });
    keep(c, "manualJob", res, (b: { job_id?: string }) => b.job_id);
    return [keep(c, "benefit", res, (b: { benefit_id?: string }) => b.benefit_id)];
  },
  "register-company-benefits": bearer("POST", "/employer/benefits/register", {
    type: "s125_dental",
    description: "Dental PPO",
    frequency: "every_paycheck",
  }),
  "list-documents": async (c) => [
    keep(c, "document", await get(c, "/employer/documents?limit=10"), (b: { documents?: { id: string }[] }) => b.documents?.[0]?.id),
  ],
  "get-document": async (c) => [await get(c, `/employer/documents/${id(c, "document")}`)],
  "get-company-benefits-meta": bearer("GET", "/employer/benefits/meta"),
  "get-company-benefit": async (c) => [await get(c, `/employer/benefits/${id(c, "benefit")}`)],
  "update-company-benefits": async (c) => [await post(c, `/employer/benefits/${id(c, "benefit")}`, { description: "HSA (renamed)" })],
  "get-company-benefits-enrolled": async (c) => [await get(c, `/employer/benefits/${id(c, "benefit")}/enrolled`)],
  "get-individual-benefits": async (c) => [
    await get(c, `/employer/benefits/${id(c, "benefit")}/individuals?individual_ids=${id(c, "individual")}`),
  ],
  "post-employer-individual-benefits-benefit_id": async (c) => [
    await post(c, `/employer/benefits/${id(c, "benefit")}/individuals`, [
      {
        individual_id: c.ids.individual ?? UNKNOWN,
        configuration: { employee_deduction: { type: "fixed", amount: 10_000 }, annual_contribution_limit: "individual" },
      },
    ]),
  ],
  "delete-individual-benefits": async (c) => [
    await http<unknown>(c.base, "DELETE", `/employer/benefits/${id(c, "benefit")}/individuals`, {
      bearer: c.token,
      body: { individual_ids: [c.ids.individual ?? UNKNOWN] },
    }),
  ],
  "create-access-token": async (c) => {
    const session = await http<{ session_id: string }>(c.base, "POST", "/connect/sessions", {
      basic: c.app,
      body: { customer_id: `tok-${unique()}`, customer_name: "Token Co", products: ["company"], manual: true },
    });
    const { result } = await completeConnect(
      c.base,
      { session: session.body.session_id },
      { provider_id: "gusto", auth_method: "assisted" },
    );
    return [
      await http<unknown>(c.base, "POST", "/auth/token", {
        body: { client_id: c.app.client_id, client_secret: c.app.client_secret, code: result.body.code },
      }),
    ];
  },
  "get-providers": async (c) => [await http<unknown>(c.base, "GET", "/providers")],
  "get-introspect": bearer("GET", "/introspect"),
  "post-disconnect": bearer("POST", "/disconnect"),
  "post-forward": bearer("POST", "/forward", {
    method: "GET",
    route: "/employees",
    params: { page: 1 },
    request_headers: { accept: "application/json" },
  }),
  "get-jobs-automated": bearer("GET", "/jobs/automated?limit=10&offset=0"),
  "post-jobs-automated": async (c) => {
    const answers = [];
    // the third ask within the hour is over the refresh budget (429) or finds the job still enqueued (202)
    for (let i = 0; i < 3; i++)
      answers.push(
        keep(c, "automatedJob", await post(c, "/jobs/automated", { type: "data_sync_all" }), (b: { job_id?: string }) => b.job_id),
      );
    return answers;
  },
  "get-jobs-job_id": async (c) => [await get(c, `/jobs/automated/${id(c, "automatedJob")}`)],
  "get-jobs-manual-job_id": async (c) => [await get(c, `/jobs/manual/${id(c, "manualJob")}`)],
  "post-connect-sessions": async (c) => [
    await http<unknown>(c.base, "POST", "/connect/sessions", {
      basic: c.app,
      body: {
        customer_id: `new-${unique()}`,
        customer_name: "New Employer",
        customer_email: "hr@new.example",
        products: ["company", "directory"],
        manual: true,
        minutes_to_expire: 1440,
      },
    }),
    await http<unknown>(c.base, "POST", "/connect/sessions", {
      basic: c.app,
      body: { customer_id: `bad-${unique()}`, customer_name: "Bad", products: ["wages"] },
    }),
  ],
  "post-connect-sessions-reauthenticate": async (c) => [
    await http<unknown>(c.base, "POST", "/connect/sessions/reauthenticate", {
      basic: c.app,
      body: { connection_id: c.connectionId, minutes_to_expire: 1440 },
    }),
  ],
  "post-sandbox-connections": async (c) => [
    keep(
      c,
      "company",
      await http<unknown>(c.base, "POST", "/sandbox/connections", {
        basic: c.app,
        body: { provider_id: "sandbox_hris", products: ["company", "directory"], employee_size: 2 },
      }),
      (b: { company_id?: string }) => b.company_id,
    ),
  ],
  "post-sandbox-connections-accounts": async (c) => [
    await http<unknown>(c.base, "POST", "/sandbox/connections/accounts", {
      basic: c.app,
      body: { company_id: c.ids.company ?? UNKNOWN, provider_id: "sandbox_payroll", products: ["company"] },
    }),
  ],
  "put-sandbox-connections-accounts": bearer("PUT", "/sandbox/connections/accounts", { connection_status: "connected" }),
  "put-sandbox-company": bearer("PUT", "/sandbox/company", {
    legal_name: "Sandbox Co",
    entity: { type: "llc", subtype: null },
    primary_email: "hr@sandbox.example",
    primary_phone_number: "+15125550100",
    departments: [{ name: "Engineering", parent: null }],
    ein: "12-3456789",
    locations: [{ line1: "1 Main St", line2: null, city: "Austin", state: "TX", postal_code: "78701", country: "US" }],
    accounts: [
      {
        account_name: "Operating",
        account_number: "9876543210",
        account_type: "checking",
        institution_name: "Chase",
        routing_number: "021000021",
      },
    ],
  }),
  "post-sandbox-directory": bearer("POST", "/sandbox/directory", [
    {
      first_name: "Grace",
      last_name: "Hopper",
      emails: [{ data: "grace@sandbox.example", type: "work" }],
      title: "Engineer",
      is_active: true,
    },
  ]),
  "put-sandbox-individual-individual_id": async (c) => [
    await http<unknown>(c.base, "PUT", `/sandbox/individual/${id(c, "individual")}`, {
      bearer: c.token,
      body: { preferred_name: "Ada", gender: "female" },
    }),
  ],
  "put-sandbox-employment-individual_id": async (c) => [
    await http<unknown>(c.base, "PUT", `/sandbox/employment/${id(c, "individual")}`, {
      bearer: c.token,
      body: { title: "Staff Engineer", is_active: true },
    }),
  ],
  "post-sandbox-payment": async (c) => [
    await post(c, "/sandbox/payment", {
      start_date: "2026-11-01",
      end_date: "2026-11-14",
      pay_statements: c.ids.individual
        ? [
            {
              individual_id: c.ids.individual,
              type: "regular_payroll",
              payment_method: "direct_deposit",
              total_hours: 80,
              gross_pay: 400_000,
              net_pay: 300_000,
            },
          ]
        : [],
    }),
  ],
  "post-sandbox-job": bearer("POST", "/sandbox/jobs", { type: "data_sync_all" }),
  "get-sandbox-jobs-configuration": bearer("GET", "/sandbox/jobs/configuration"),
  "put-sandbox-jobs-configuration": bearer("PUT", "/sandbox/jobs/configuration", { type: "data_sync_all", completion_status: "complete" }),
  "post-disconnect-entity": async (c) => [await post(c, "/disconnect-entity", { entity_ids: [c.entityId] })],
  "get-ledger-items": async (c) => [
    await post(c, "/employer/ledger-items", { requests: [{ payment_id: c.ids.payment ?? UNKNOWN, limit: 100 }] }),
  ],
  "list-plans": async (c) => [
    keep(c, "plan", await get(c, "/employer/plans?limit=50"), (b: { plans?: { id: string }[] }) => b.plans?.[0]?.id),
  ],
  "get-plan": async (c) => [await get(c, `/employer/plans/${id(c, "plan")}`)],
  "list-plan-enrollments": async (c) => [
    keep(
      c,
      "enrollment",
      await get(c, "/employer/plans-enrollments?limit=50"),
      (b: { enrollments?: { id: string }[] }) => b.enrollments?.[0]?.id,
    ),
  ],
  "get-plan-enrollments": async (c) => [
    await post(c, "/employer/plans-enrollments", { requests: [{ enrollment_id: c.ids.enrollment ?? UNKNOWN }] }),
  ],
  "list-plan-dependents": async (c) => [
    keep(
      c,
      "dependent",
      await get(c, "/employer/plans-dependents?limit=50"),
      (b: { dependents?: { dependent_id: string }[] }) => b.dependents?.[0]?.dependent_id,
    ),
  ],
  "get-plan-dependents": async (c) => [
    await post(c, "/employer/plans-dependents", { requests: [{ dependent_id: c.ids.dependent ?? UNKNOWN }] }),
  ],
};

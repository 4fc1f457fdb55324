import type Finch from "@tryfinch/finch-api";
import type { CallContext } from "./spec-calls.js";

/**
 * One call through the official Node SDK (`@tryfinch/finch-api`) per spec operation it exposes, keyed by the spec's
 * operationId, with the arguments of test/support/spec-calls.ts. Lists are iterated (every page), as apps do.
 */

/** Spec operations the SDK (10.7.0) has no method for: they are covered by the raw-HTTP spec-shape test only. */
export const NO_SDK_METHOD: readonly string[] = [
  "get-ledger-items",
  "list-plans",
  "get-plan",
  "list-plan-enrollments",
  "get-plan-enrollments",
  "list-plan-dependents",
  "get-plan-dependents",
];

/**
 * Node SDK behaviour that cannot be changed from the server side: these lists are single pages whose items are the body
 * itself, so iterating one whose answer is the spec's 202 `AcceptedResponse` object (the `finch` mode) throws
 * `TypeError: page.getPaginatedItems is not a function or its return value is not iterable`. With the `empty` mode the
 * SDK reads "" as an empty list. An app checks `.asResponse()` / `.withResponse()` for a 202 before iterating.
 */
export const SINGLE_PAGE_LISTS: readonly string[] = [
  "get-payment",
  "get-all-pay-groups",
  "get-company-benefits",
  "get-company-benefits-meta",
  "get-individual-benefits",
];

/** The clients a call may use: with the connection's token, and with the application's credentials. */
export interface SdkClients {
  finch: Finch;
  basic: Finch;
  ctx: CallContext;
}

type SdkCall = (s: SdkClients) => Promise<unknown>;
const UNKNOWN = "00000000-0000-4000-8000-000000000000";

/** Every item of every page, at most 1,000 (a page that never ends would otherwise loop). */
async function drain<T>(pages: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of pages) {
    items.push(item);
    if (items.length >= 1000) break;
  }
  return items;
}

/** The calls, by operationId. */
export const SDK_CALLS: Record<string, SdkCall> = {
  "get-company": ({ finch }) => finch.hris.company.retrieve(),
  "get-directory": async ({ finch, ctx }) => {
    const people = await drain(finch.hris.directory.list({ limit: 50 }));
    if (people[0]?.id) ctx.ids.individual = people[0].id;
    return people;
  },
  "get-individual": ({ finch, ctx }) =>
    drain(finch.hris.individuals.retrieveMany({ requests: [{ individual_id: ctx.ids.individual ?? UNKNOWN }] })),
  "get-employment": ({ finch, ctx }) =>
    drain(finch.hris.employments.retrieveMany({ requests: [{ individual_id: ctx.ids.individual ?? UNKNOWN }] })),
  "get-payment": async ({ finch, ctx }) => {
    const payments = await drain(finch.hris.payments.list({ start_date: "2000-01-01", end_date: "2100-01-01" }));
    if (payments.at(-1)?.id) ctx.ids.payment = payments.at(-1)!.id;
    return payments;
  },
  "get-pay-statement": ({ finch, ctx }) =>
    drain(finch.hris.payStatements.retrieveMany({ requests: [{ payment_id: ctx.ids.payment ?? UNKNOWN, limit: 50 }] })),
  "get-pay-statement-item": ({ finch }) => drain(finch.hris.payStatementItem.list({ categories: ["earnings", "taxes"] })),
  "create-rule": async ({ finch, ctx }) => {
    const rule = await finch.hris.payStatementItem.rules.create({
      entity_type: "pay_statement_item",
      conditions: [{ field: "name", operator: "equals", value: "Salary" }],
      attributes: { metadata: { gl_code: "5000" } },
    });
    if (rule.id) ctx.ids.rule = rule.id;
    return rule;
  },
  "get-rules": ({ finch }) => drain(finch.hris.payStatementItem.rules.list()),
  "update-rule": ({ finch, ctx }) => {
    const rules = finch.hris.payStatementItem.rules;
    // SDK 10.7.0 types the update body as `optionalProperty` only; the spec's body is `attributes`
    const params: Parameters<typeof rules.update>[1] & { attributes: { metadata: Record<string, string> } } = {
      attributes: { metadata: { gl_code: "5001" } },
    };
    return rules.update(ctx.ids.rule ?? UNKNOWN, params);
  },
  "delete-rule": ({ finch, ctx }) => finch.hris.payStatementItem.rules.delete(ctx.ids.rule ?? UNKNOWN),
  "get-all-pay-groups": async ({ finch, ctx }) => {
    const groups = await drain(finch.payroll.payGroups.list());
    if (groups[0]?.id) ctx.ids.payGroup = groups[0].id;
    return groups;
  },
  "get-pay-group": ({ finch, ctx }) => finch.payroll.payGroups.retrieve(ctx.ids.payGroup ?? UNKNOWN),
  "get-company-benefits": async ({ finch, ctx }) => {
    const benefits = await drain(finch.hris.benefits.list());
    if (benefits[0]?.benefit_id) ctx.ids.benefit = benefits[0].benefit_id;
    return benefits;
  },
  "create-company-benefits": async ({ finch, ctx }) => {
    const created = await finch.hris.benefits.create({
      type: "hsa_pre",
      description: "Health Savings Account",
      frequency: "every_paycheck",
    });
    if (created?.benefit_id) ctx.ids.benefit = created.benefit_id;
    if (created?.job_id) ctx.ids.manualJob = created.job_id;
    return created;
  },
  "register-company-benefits": ({ finch }) =>
    finch.hris.benefits.register({ type: "s125_dental", description: "Dental PPO", frequency: "every_paycheck" }),
  "list-documents": async ({ finch, ctx }) => {
    const list = await finch.hris.documents.list({ limit: 10 });
    if (list?.documents?.[0]?.id) ctx.ids.document = list.documents[0].id;
    return list;
  },
  "get-document": ({ finch, ctx }) => finch.hris.documents.retreive(ctx.ids.document ?? UNKNOWN),
  "get-company-benefits-meta": ({ finch }) => drain(finch.hris.benefits.listSupportedBenefits()),
  "get-company-benefit": ({ finch, ctx }) => finch.hris.benefits.retrieve(ctx.ids.benefit ?? UNKNOWN),
  "update-company-benefits": ({ finch, ctx }) => finch.hris.benefits.update(ctx.ids.benefit ?? UNKNOWN, { description: "HSA (renamed)" }),
  "get-company-benefits-enrolled": ({ finch, ctx }) => finch.hris.benefits.individuals.enrolledIDs(ctx.ids.benefit ?? UNKNOWN),
  "get-individual-benefits": ({ finch, ctx }) =>
    drain(
      finch.hris.benefits.individuals.retrieveManyBenefits(ctx.ids.benefit ?? UNKNOWN, { individual_ids: ctx.ids.individual ?? UNKNOWN }),
    ),
  "post-employer-individual-benefits-benefit_id": ({ finch, ctx }) =>
    finch.hris.benefits.individuals.enrollMany(ctx.ids.benefit ?? UNKNOWN, {
      individuals: [
        { individual_id: ctx.ids.individual ?? UNKNOWN, configuration: { employee_deduction: { type: "fixed", amount: 10_000 } } },
      ],
    }),
  "delete-individual-benefits": ({ finch, ctx }) =>
    finch.hris.benefits.individuals.unenrollMany(ctx.ids.benefit ?? UNKNOWN, { individual_ids: [ctx.ids.individual ?? UNKNOWN] }),
  "create-access-token": ({ basic }) => basic.accessTokens.create({ code: UNKNOWN }), // an unknown code: the SDK's BadRequestError
  "get-providers": ({ finch }) => drain(finch.providers.list()),
  "get-introspect": ({ finch }) => finch.account.introspect(),
  "post-disconnect": ({ finch }) => finch.account.disconnect(),
  "post-forward": ({ finch }) => finch.requestForwarding.forward({ method: "GET", route: "/employees", params: { page: 1 } }),
  "get-jobs-automated": ({ finch }) => finch.jobs.automated.list({ limit: 10 }),
  "post-jobs-automated": async ({ finch, ctx }) => {
    const job = await finch.jobs.automated.create({ type: "data_sync_all" });
    if (job.job_id) ctx.ids.automatedJob = job.job_id;
    return job;
  },
  "get-jobs-job_id": ({ finch, ctx }) => finch.jobs.automated.retrieve(ctx.ids.automatedJob ?? UNKNOWN),
  "get-jobs-manual-job_id": ({ finch, ctx }) => finch.jobs.manual.retrieve(ctx.ids.manualJob ?? UNKNOWN),
  "post-connect-sessions": ({ basic }) =>
    basic.connect.sessions.new({
      customer_id: `sdk-${Math.random().toString(36).slice(2, 10)}`,
      customer_name: "SDK Employer",
      products: ["company", "directory"],
      manual: true,
    }),
  "post-connect-sessions-reauthenticate": ({ basic, ctx }) => basic.connect.sessions.reauthenticate({ connection_id: ctx.connectionId }),
  "post-sandbox-connections": async ({ basic, ctx }) => {
    const created = await basic.sandbox.connections.create({
      provider_id: "sandbox_hris",
      products: ["company", "directory"],
      employee_size: 2,
    });
    ctx.ids.company = created.company_id ?? undefined;
    return created;
  },
  "post-sandbox-connections-accounts": ({ basic, ctx }) =>
    basic.sandbox.connections.accounts.create({
      company_id: ctx.ids.company ?? UNKNOWN,
      provider_id: "sandbox_payroll",
      products: ["company"],
    }),
  "put-sandbox-connections-accounts": ({ finch }) => finch.sandbox.connections.accounts.update({ connection_status: "connected" }),
  "put-sandbox-company": ({ finch }) =>
    finch.sandbox.company.update({
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
  "post-sandbox-directory": ({ finch }) =>
    finch.sandbox.directory.create({ body: [{ first_name: "Grace", last_name: "Hopper", title: "Engineer", is_active: true }] }),
  "put-sandbox-individual-individual_id": ({ finch, ctx }) =>
    finch.sandbox.individual.update(ctx.ids.individual ?? UNKNOWN, { preferred_name: "Ada" }),
  "put-sandbox-employment-individual_id": ({ finch, ctx }) =>
    finch.sandbox.employment.update(ctx.ids.individual ?? UNKNOWN, { title: "Staff Engineer" }),
  "post-sandbox-payment": ({ finch }) => finch.sandbox.payment.create({ start_date: "2026-11-01", end_date: "2026-11-14" }),
  "post-sandbox-job": ({ finch }) => finch.sandbox.jobs.create({ type: "data_sync_all" }),
  "get-sandbox-jobs-configuration": ({ finch }) => finch.sandbox.jobs.configuration.retrieve(),
  "put-sandbox-jobs-configuration": ({ finch }) =>
    finch.sandbox.jobs.configuration.update({ type: "data_sync_all", completion_status: "complete" }),
  "post-disconnect-entity": ({ finch, ctx }) => finch.account.disconnectEntity({ entity_ids: [ctx.entityId] }),
};

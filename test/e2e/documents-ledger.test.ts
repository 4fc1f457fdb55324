import Finch from "@tryfinch/finch-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PaymentInput } from "../../contracts/linnet/snapshot-input.js";
import type { CreatedApplication } from "../../server/domain/applications/create-application.js";
import { updateAcceptedBody } from "../../server/domain/applications/update-accepted-body.js";
import { type ConsoleBrowser, signInConsole } from "../support/console.js";
import { orgInput, payment } from "../support/fixtures.js";
import { connectEmployer, http } from "../support/http.js";
import { startTestServer, type TestServer } from "../support/test-server.js";

/**
 * W-4 documents and ledger items through the official Node SDK (documents as `hris.documents`; ledger items, which
 * this SDK version has no method for, through its generic `post`), on a sandbox connection and on an assisted one
 * before (202, both body modes) and after an operator published its data; plus the raw response shapes.
 */
let server: TestServer;
let app: CreatedApplication;
let finch: Finch;
let token = "";
let admin: ConsoleBrowser;
const MISSING = "00000000-0000-4000-8000-000000000000";
const sdk = (accessToken: string) => new Finch({ baseURL: server.url, accessToken, maxRetries: 0 });

type LedgerEntry = {
  type: string;
  account_type: string | null;
  account_description: string | null;
  debit: { amount: number; currency: string | null };
  credit: { amount: number; currency: string | null };
};
type LedgerBody = {
  source: string;
  provider_description: string | null;
  pay_date: string;
  totals: { debit: { amount: number }; credit: { amount: number }; balanced: boolean };
  paging: { count: number; offset: number };
  ledger_items: LedgerEntry[];
};
type LedgerAnswer = {
  responses: { payment_id: string; code: number; body: LedgerBody & { finch_code?: string; name?: string; message?: string } }[];
};
const ledger = (client: Finch, requests: { payment_id: string; offset?: number; limit?: number }[]) =>
  client.post<LedgerAnswer>("/employer/ledger-items", { body: { requests } });

/** Sum of one side over the lines whose type passes a test. */
const sum = (items: LedgerEntry[], side: "debit" | "credit", test: (type: string) => boolean) =>
  items.filter((i) => test(i.type)).reduce((s, i) => s + i[side].amount, 0);
const WAGES = new Set([
  "regular_wages",
  "overtime_wages",
  "bonus_wages",
  "paid_leave_wages",
  "severance_wages",
  "equity_compensation",
  "other_earnings",
  "expense_reimbursement",
  "contractor_payment",
]);

beforeAll(async () => {
  server = await startTestServer();
  app = await server.createApp({ clientType: "sandbox", name: "Docs App" });
  admin = await signInConsole(server, "docs-admin@example.com", "admin");
  const basic = new Finch({ baseURL: server.url, clientID: app.client_id, clientSecret: app.client_secret, maxRetries: 0 });
  const created = await basic.sandbox.connections.create({
    provider_id: "sandbox_payroll",
    products: ["company", "directory", "individual", "employment", "payment", "pay_statement", "documents"],
    employee_size: 30,
  });
  token = created.access_token;
  finch = sdk(token);
}, 120_000);
afterAll(() => server.close());

describe("documents on a sandbox connection", () => {
  it("lists one W-4 per employee, consistent with their employment, and reads each by id", async () => {
    const people = new Map<string, { start_date: string | null; employment: { type: string | null } | null }>();
    const ids = [];
    for await (const p of finch.hris.directory.list()) ids.push({ individual_id: p.id });
    for await (const e of finch.hris.employments.retrieveMany({ requests: ids })) {
      if (!("code" in e.body))
        people.set(e.individual_id!, { start_date: e.body.start_date ?? null, employment: e.body.employment ?? null });
    }

    const page = await finch.hris.documents.list();
    const docs = page.documents!;
    const employees = [...people.values()].filter((p) => p.employment?.type !== "contractor").length;
    expect(docs).toHaveLength(employees);
    expect(page.paging).toEqual({ count: employees, offset: 0 });
    expect(new Set(docs.map((d) => d.individual_id)).size).toBe(employees);
    expect(docs.some((d) => d.type === "w4_2020")).toBe(true);
    for (const d of docs) {
      const hired = Number(people.get(d.individual_id!)!.start_date!.slice(0, 4));
      if (d.type === "w4_2005") expect([d.year, hired < 2020]).toEqual([hired, true]);
      else expect(d.year).toBeGreaterThanOrEqual(Math.max(2020, hired));
      expect(d.url).toBe(`${server.url}/employer/documents/${d.id}`);
    }

    for (const d of [docs.find((x) => x.type === "w4_2020")!, docs.find((x) => x.type === "w4_2005")].filter(Boolean)) {
      const one = await finch.hris.documents.retreive(d!.id!);
      expect(one).toMatchObject({ type: d!.type, year: d!.year, data: { individual_id: d!.individual_id } });
      // the listed url is the signed-URL stand-in: the same bearer token reads it, nothing else does
      const byUrl = await fetch(d!.url!, { headers: { authorization: `Bearer ${token}` } });
      expect(await byUrl.json()).toEqual(one);
      expect((await fetch(d!.url!)).status).toBe(401);
    }
  });

  it("filters by individual_ids and types, pages with limit/offset", async () => {
    const all = (await finch.hris.documents.list()).documents!;
    const two = [all[0]!.individual_id!, all[3]!.individual_id!];
    const picked = await finch.hris.documents.list({ individual_ids: two });
    expect(picked.documents!.map((d) => d.individual_id).sort()).toEqual([...two].sort());
    const old = await finch.hris.documents.list({ types: ["w4_2005"] });
    expect(old.documents!.every((d) => d.type === "w4_2005")).toBe(true);
    expect(old.paging!.count).toBe(all.filter((d) => d.type === "w4_2005").length);
    const paged = await finch.hris.documents.list({ limit: 4, offset: 5 });
    expect(paged.paging).toEqual({ count: all.length, offset: 5 });
    expect(paged.documents!.map((d) => d.id)).toEqual(all.slice(5, 9).map((d) => d.id));
    // comma-joined, as the spec's parameter description has it
    const comma = await http<{ documents: unknown[] }>(server.url, "GET", `/employer/documents?individual_ids=${two.join(",")}`, {
      bearer: token,
    });
    expect(comma.body.documents).toHaveLength(2);
  });

  it("answers unknown or malformed ids and bad filters in the Finch error shape, never 500", async () => {
    for (const id of [
      MISSING,
      "not-a-uuid",
      "%2E%2E%2Fetc",
      "'; drop table snapshots;--",
      "x".repeat(90),
      "x".repeat(300),
      "%F0%9F%98%80",
    ]) {
      const res = await http(server.url, "GET", `/employer/documents/${id}`, { bearer: token });
      // the router itself refuses a parameter over 100 characters (414), in the same shape
      expect(res.status, id).toBe(id.length > 100 ? 414 : 404);
      expect(Object.keys(res.body).sort(), id).toEqual(["code", "finch_code", "message", "name"]);
    }
    await expect(finch.hris.documents.retreive(MISSING)).rejects.toBeInstanceOf(Finch.NotFoundError);
    const bad = await http(server.url, "GET", "/employer/documents?types[]=w2", { bearer: token });
    expect([bad.status, bad.body.finch_code]).toEqual([400, "invalid_request"]);
    expect((await http(server.url, "GET", "/employer/documents?limit=0", { bearer: token })).status).toBe(400);
  });

  it("has the spec's fields, an ETag, and needs the documents product", async () => {
    const res = await http<{ paging: Record<string, unknown>; documents: Record<string, unknown>[] }>(
      server.url,
      "GET",
      "/employer/documents?limit=1",
      { bearer: token },
    );
    expect(Object.keys(res.body).sort()).toEqual(["documents", "paging"]);
    expect(Object.keys(res.body.documents[0]!).sort()).toEqual(["id", "individual_id", "type", "url", "year"]);
    const id = res.body.documents[0]!.id as string;
    const one = await http<{ type: string; data: Record<string, unknown> }>(server.url, "GET", `/employer/documents/${id}`, {
      bearer: token,
    });
    const fields =
      one.body.type === "w4_2020"
        ? [
            "amount_for_other_dependents",
            "amount_for_qualifying_children_under_17",
            "deductions",
            "extra_withholding",
            "filing_status",
            "individual_id",
            "other_income",
            "total_claim_dependent_and_other_credits",
          ]
        : ["additional_withholding", "exemption", "filing_status", "individual_id", "total_number_of_allowances"];
    expect(Object.keys(one.body).sort()).toEqual(["data", "type", "year"]);
    expect(Object.keys(one.body.data).sort()).toEqual(fields);
    expect(res.headers.get("finch-data-retrieved")).toBeTruthy();
    const etag = one.headers.get("etag")!;
    expect((await http(server.url, "GET", `/employer/documents/${id}`, { bearer: token, headers: { "if-none-match": etag } })).status).toBe(
      304,
    );

    const basic = new Finch({ baseURL: server.url, clientID: app.client_id, clientSecret: app.client_secret, maxRetries: 0 });
    const narrow = await basic.sandbox.connections.create({
      provider_id: "sandbox_payroll",
      products: ["company", "directory"],
      employee_size: 3,
    });
    await expect(sdk(narrow.access_token).hris.documents.list()).rejects.toBeInstanceOf(Finch.PermissionDeniedError);
    await expect(ledger(sdk(narrow.access_token), [{ payment_id: MISSING }])).rejects.toBeInstanceOf(Finch.PermissionDeniedError);
  });
});

describe("ledger items on a sandbox connection", () => {
  it("balances each payment and matches its totals; unknown payments answer 404 in their element", async () => {
    const payments = [];
    for await (const p of finch.hris.payments.list({ start_date: "2000-01-01", end_date: "2100-01-01" })) payments.push(p);
    const picked = [payments[0]!, payments.at(-1)!];
    const answer = await ledger(finch, [...picked.map((p) => ({ payment_id: p.id })), { payment_id: MISSING }]);
    expect(answer.responses.map((r) => r.code)).toEqual([200, 200, 404]);
    picked.forEach((p, i) => {
      const body = answer.responses[i]!.body;
      expect(body).toMatchObject({ source: "synthesized", provider_description: null, pay_date: p.pay_date });
      expect(body.totals.balanced).toBe(true);
      expect(body.totals.debit.amount).toBe(body.totals.credit.amount);
      expect(body.paging).toEqual({ count: body.ledger_items.length, offset: 0 });
      const items = body.ledger_items;
      expect(sum(items, "debit", (t) => WAGES.has(t))).toBe(p.gross_pay!.amount);
      expect(sum(items, "credit", (t) => t === "cash_debit_net_pay")).toBe(p.net_pay!.amount);
      expect(sum(items, "debit", (t) => t.startsWith("employer_tax_"))).toBe(p.employer_taxes!.amount);
      expect(sum(items, "credit", (t) => t.startsWith("employee_tax_"))).toBe(p.employee_taxes!.amount);
      expect(items.some((l) => l.type === "adjustment")).toBe(false);
      for (const l of items) expect(Object.keys(l).sort()).toEqual(["account_description", "account_type", "credit", "debit", "type"]);
    });
    expect(answer.responses[2]!.body).toMatchObject({ code: 404, finch_code: "payment_not_found", name: "not_found_error" });

    const all = answer.responses[0]!.body.ledger_items;
    const page = await ledger(finch, [{ payment_id: picked[0]!.id, offset: 1, limit: 2 }]);
    expect(page.responses[0]!.body.paging).toEqual({ count: all.length, offset: 1 });
    expect(page.responses[0]!.body.ledger_items).toEqual(all.slice(1, 3));
  });

  it("refuses more than 10 payments with 422 and a bad body with 400", async () => {
    const eleven = Array.from({ length: 11 }, () => ({ payment_id: MISSING }));
    await expect(ledger(finch, eleven)).rejects.toBeInstanceOf(Finch.UnprocessableEntityError);
    await expect(ledger(finch, [])).rejects.toBeInstanceOf(Finch.BadRequestError);
    const res = await http(server.url, "POST", "/employer/ledger-items", {
      bearer: token,
      body: { requests: [{ payment_id: MISSING, limit: 0 }] },
    });
    expect([res.status, res.body.finch_code]).toEqual([400, "invalid_request"]);
  });
});

/** The fixture payment, its statements given employer taxes, a bonus and a match, balanced as real ones are. */
function operatorPayment(people: string[]): PaymentInput {
  const money = (amount: number) => ({ amount, currency: "usd" });
  const base = payment("P1", "2026-11-20", people);
  const n = people.length;
  return {
    ...base,
    company_debit: money(n * 110_650),
    net_pay: money(n * 62_350),
    employee_taxes: money(n * 27_650),
    pay_statements: base.pay_statements.map((s) => ({
      ...s,
      net_pay: money(62_350),
      earnings: [
        { type: "salary" as const, name: "Salary", amount: 90_000, currency: "usd", hours: 80 },
        { type: "bonus" as const, name: "Bonus", amount: 10_000, currency: "usd", hours: null },
      ],
      taxes: [
        { type: "federal" as const, name: "Federal Income Tax", employer: false, amount: 20_000, currency: "usd" },
        { type: "fica" as const, name: "Social Security", employer: false, amount: 7_650, currency: "usd" },
        { type: "fica" as const, name: "Social Security", employer: true, amount: 7_650, currency: "usd" },
      ],
      employer_contributions: [{ name: "401k Match", amount: 3_000, currency: "usd", type: "401k" as const }],
    })),
  };
}

describe("an assisted connection, before and after its data", () => {
  it("answers 202 in both body modes before data, then serves the operator's W-4s and ledger", async () => {
    const assisted = await server.createApp({ name: "Assisted Docs" });
    const conn = await connectEmployer(server.url, assisted, {
      products: ["company", "directory", "individual", "employment", "payment", "pay_statement", "documents"],
      choice: { provider_id: "ukg_pro", auth_method: "assisted", access_granted: true },
    });
    const client = sdk(conn.access_token);
    const reads = [
      () => client.hris.documents.list().withResponse(),
      () => client.hris.documents.retreive(MISSING).withResponse(),
      () => ledger(client, [{ payment_id: MISSING }]).withResponse(),
    ];
    for (const read of reads) {
      const { response, data } = await read();
      expect(response.status).toBe(202);
      expect(data as unknown).toBe("");
      expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
    }
    await updateAcceptedBody(server.linnet.deps, assisted.client_id, "finch");
    for (const read of reads) {
      const { response, data } = await read();
      expect(response.status).toBe(202);
      expect(data).toMatchObject({ code: 202, finch_code: "data_sync_in_progress" });
    }

    // the operator publishes a census with W-4s and one payroll run, as JSON with the console session
    const org = orgInput(3);
    org.documents = [
      {
        type: "w4_2020",
        year: 2024,
        individual_source_id: "E0001",
        data: {
          filing_status: "head_of_household",
          amount_for_qualifying_children_under_17: 400_000,
          amount_for_other_dependents: 0,
          total_claim_dependent_and_other_credits: 400_000,
          other_income: 0,
          deductions: 0,
          extra_withholding: 5_000,
        },
      },
      {
        type: "w4_2005",
        year: 2018,
        individual_source_id: "E0002",
        data: { filing_status: "married", total_number_of_allowances: 3, additional_withholding: 0, exemption: "non_exempt" },
      },
    ];
    const orgRes = await admin.call("POST", "/ops/api/ingest", {
      body: { connection_id: conn.connection_id, group: "org", data: org, confirm: true },
    });
    expect(orgRes.status, orgRes.text).toBe(200);
    const payRes = await admin.call("POST", "/ops/api/ingest", {
      body: {
        connection_id: conn.connection_id,
        group: "pay",
        data: {
          pay_groups: [
            { source_id: "G1", name: "Biweekly", pay_frequencies: ["bi_weekly"], individual_source_ids: ["E0001", "E0002", "E0003"] },
          ],
          payments: [operatorPayment(["E0001", "E0002", "E0003"])],
        },
        confirm: true,
      },
    });
    expect(payRes.status, payRes.text).toBe(200);

    const docs = (await client.hris.documents.list()).documents!;
    expect(docs.map((d) => [d.type, d.year])).toEqual([
      ["w4_2020", 2024],
      ["w4_2005", 2018],
    ]);
    const second = await client.hris.documents.retreive(docs[1]!.id!);
    expect(second).toEqual({
      type: "w4_2005",
      year: 2018,
      data: {
        individual_id: docs[1]!.individual_id,
        filing_status: "married",
        total_number_of_allowances: 3,
        additional_withholding: 0,
        exemption: "non_exempt",
      },
    });

    // a later census without W-4s keeps the documents (same ids) of people still there
    const again = await admin.call("POST", "/ops/api/ingest", {
      body: { connection_id: conn.connection_id, group: "org", data: orgInput(3), confirm: true },
    });
    expect(again.status, again.text).toBe(200);
    expect((await client.hris.documents.list()).documents!.map((d) => d.id)).toEqual(docs.map((d) => d.id));
    // documents of someone not in the census are refused
    const stray = { ...orgInput(2), documents: [{ ...org.documents[0]!, individual_source_id: "E9999" }] };
    expect(
      (
        await admin.call("POST", "/ops/api/ingest", {
          body: { connection_id: conn.connection_id, group: "org", data: stray, confirm: true },
        })
      ).status,
    ).toBe(400);

    const listed = [];
    for await (const p of client.hris.payments.list({ start_date: "2026-11-01", end_date: "2026-11-30" })) listed.push(p);
    const [paid] = listed;
    const book = (await ledger(client, [{ payment_id: paid!.id }])).responses[0]!.body;
    expect(book.totals).toEqual({
      debit: { amount: 3 * 110_650, currency: "usd" },
      credit: { amount: 3 * 110_650, currency: "usd" },
      balanced: true,
    });
    const line = (type: string) => book.ledger_items.find((l) => l.type === type);
    expect(line("regular_wages")).toEqual({
      type: "regular_wages",
      account_type: "Wage Expense",
      account_description: "Salary",
      debit: { amount: 270_000, currency: "usd" },
      credit: { amount: 0, currency: "usd" },
    });
    expect(line("bonus_wages")?.debit.amount).toBe(30_000);
    expect(line("employer_tax_fica")?.debit.amount).toBe(3 * 7_650);
    expect(line("employee_tax_fica")?.credit.amount).toBe(3 * 7_650);
    expect(line("employee_tax_income")?.credit.amount).toBe(60_000);
    expect(line("pretax_deduction")?.credit.amount).toBe(30_000);
    expect(line("employer_contribution_retirement_401k")?.debit.amount).toBe(9_000);
    expect(line("benefit_liability_retirement_401k")?.credit.amount).toBe(9_000);
    expect(line("cash_debit_net_pay")).toMatchObject({ account_type: "Cash", credit: { amount: 3 * 62_350 } });
  });
});

describe("an operator's census file with W-4 columns", () => {
  it("publishes the W-4s it maps, which the SDK then reads", async () => {
    const assisted = await server.createApp({ name: "Assisted W4 File" });
    const conn = await connectEmployer(server.url, assisted, {
      products: ["company", "directory", "individual", "employment", "documents"],
      choice: { provider_id: "paychex_flex", auth_method: "assisted", access_granted: true },
    });
    const csv = [
      "Employee ID,First Name,Last Name,Hire Date,W4 Year,Filing Status,Allowances,Dependents Under 17,Extra Withholding",
      "7001,Ada,Lovelace,03/01/2021,2021,Single,,0.00,15.00",
      "7002,Alan,Turing,06/01/2012,2012,Married,2,,",
    ].join("\n");
    const created = await http<{ id: string; status: string }>(
      server.url,
      "POST",
      `/ops/api/connections/${conn.connection_id}/uploads?group=org&file_name=w4-census.csv`,
      {
        raw: csv,
        headers: { cookie: admin.cookie, "x-csrf-token": admin.csrf, "content-type": "text/csv" },
      },
    );
    expect(created.status, created.text).toBe(201);
    const columns = {
      source_id: "Employee ID",
      first_name: "First Name",
      last_name: "Last Name",
      start_date: "Hire Date",
      w4_year: "W4 Year",
      w4_filing_status: "Filing Status",
      w4_allowances: "Allowances",
      w4_dependents_children: "Dependents Under 17",
      w4_extra_withholding: "Extra Withholding",
    };
    const mapped = await admin.call<{ status: string }>("PUT", `/ops/api/uploads/${created.body.id}/mapping`, {
      body: { mapping: { group: "org", columns, dateFormat: "MM/DD/YYYY", amountsIn: "dollars" } },
    });
    expect(mapped.body.status, mapped.text).toBe("valid");
    const published = await admin.call("POST", `/ops/api/uploads/${created.body.id}/publish`, { body: { confirm: true } });
    expect(published.status, published.text).toBe(200);

    const client = sdk(conn.access_token);
    const docs = (await client.hris.documents.list()).documents!;
    expect(docs.map((d) => [d.type, d.year])).toEqual([
      ["w4_2020", 2021],
      ["w4_2005", 2012],
    ]);
    expect(await client.hris.documents.retreive(docs[0]!.id!)).toMatchObject({
      data: { filing_status: "single_or_married_filing_separately", extra_withholding: 1_500 },
    });
    expect(await client.hris.documents.retreive(docs[1]!.id!)).toMatchObject({
      data: { filing_status: "married", total_number_of_allowances: 2, exemption: null },
    });
  });
});

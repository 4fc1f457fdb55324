import Finch from "@tryfinch/finch-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CreatedApplication } from "../../server/domain/applications/create-application.js";
import { http } from "../support/http.js";
import { startTestServer, type TestServer } from "../support/test-server.js";

/** `GET /employer/pay-statement-item` and its rules, through the official SDK. */
let server: TestServer;
let app: CreatedApplication;
let finch: Finch;
let other: Finch;
let token: string;
const PAY = ["company", "directory", "individual", "employment", "payment", "pay_statement"];
const CATEGORIES = ["earnings", "taxes", "employee_deductions", "employer_contributions"] as const;

const basicClient = () => new Finch({ baseURL: server.url, clientID: app.client_id, clientSecret: app.client_secret, maxRetries: 0 });
const sandbox = (body: Record<string, unknown>) =>
  http<{ access_token: string }>(server.url, "POST", "/sandbox/connections", {
    basic: { client_id: app.client_id, client_secret: app.client_secret },
    body,
  });
const tokenClient = (accessToken: string) => new Finch({ baseURL: server.url, accessToken, maxRetries: 0 });

/** The SDK's generated update params only declare `optionalProperty` (a quirk of the spec); it sends the rest as the body. */
const updateBody = (body: Record<string, unknown>) => body as Parameters<Finch["hris"]["payStatementItem"]["rules"]["update"]>[1];

type Item = Awaited<ReturnType<typeof listItems>>[number];
async function listItems(client: Finch, query: Parameters<Finch["hris"]["payStatementItem"]["list"]>[0] = {}) {
  const items = [];
  for await (const item of client.hris.payStatementItem.list(query)) items.push(item);
  return items;
}
const keyOf = (category: string, name: string, type: unknown, preTax: unknown, employer: unknown) =>
  JSON.stringify([category, name, type ?? null, preTax ?? null, employer ?? null]);
const itemKey = (i: Item) => keyOf(i.category, i.name, i.attributes.type, i.attributes.pre_tax, i.attributes.employer);

/** Every distinct item of every pay statement, with its latest pay date, read through the pay statement API. */
async function itemsFromStatements(client: Finch): Promise<Map<string, string>> {
  const payments = [];
  for await (const p of client.hris.payments.list({ start_date: "2000-01-01", end_date: "2100-01-01" })) payments.push(p);
  const payDate = new Map(payments.map((p) => [p.id, p.pay_date ?? ""]));
  const seen = new Map<string, string>();
  for (let i = 0; i < payments.length; i += 10) {
    const requests = payments.slice(i, i + 10).map((p) => ({ payment_id: p.id, limit: 5000 }));
    for await (const r of client.hris.payStatements.retrieveMany({ requests })) {
      const body = r.body as unknown as {
        pay_statements: Record<string, { name: string; type?: string | null; pre_tax?: boolean; employer?: boolean }[] | null>[];
      };
      for (const s of body.pay_statements) {
        for (const category of CATEGORIES) {
          for (const e of s[category] ?? []) {
            const key = keyOf(
              category,
              e.name,
              e.type,
              category === "employee_deductions" ? e.pre_tax : null,
              category === "taxes" ? e.employer : null,
            );
            const date = payDate.get(r.payment_id)!;
            if ((seen.get(key) ?? "") < date) seen.set(key, date);
          }
        }
      }
    }
  }
  return seen;
}

beforeAll(async () => {
  server = await startTestServer();
  app = await server.createApp({ clientType: "sandbox" });
  const created = await basicClient().sandbox.connections.create({ provider_id: "sandbox_payroll", products: PAY, employee_size: 30 });
  token = created.access_token;
  finch = tokenClient(token);
  const second = await basicClient().sandbox.connections.create({ provider_id: "sandbox_payroll", products: PAY, employee_size: 12 });
  other = tokenClient(second.access_token);
});
afterAll(() => server.close());

describe("the item list", () => {
  it("lists every distinct item of the pay statements exactly once, with Finch-Data-Retrieved", async () => {
    const items = await listItems(finch);
    const expected = await itemsFromStatements(finch);
    expect(expected.size).toBeGreaterThan(8);
    expect(items.map(itemKey).sort()).toEqual([...expected.keys()].sort());
    expect(new Set(items.map(itemKey)).size).toBe(items.length);
    for (const c of CATEGORIES) expect(items.some((i) => i.category === c)).toBe(true);
    const medical = items.find((i) => i.name === "Medical");
    expect(medical?.attributes).toEqual({ type: "s125_medical", pre_tax: true, employer: null, metadata: null });
    const employerTax = items.find((i) => i.category === "taxes" && i.attributes.employer === true);
    expect(employerTax).toBeTruthy();
    const res = await http(server.url, "GET", "/employer/pay-statement-item", { bearer: token });
    expect(res.headers.get("finch-data-retrieved")).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it("filters by category, name, type and pay dates", async () => {
    const all = await listItems(finch);
    const taxes = await listItems(finch, { categories: ["taxes", "employer_contributions"] });
    expect(taxes.length).toBe(all.filter((i) => i.category === "taxes" || i.category === "employer_contributions").length);
    expect(new Set(taxes.map((i) => i.category))).toEqual(new Set(["taxes", "employer_contributions"]));
    const comma = await http<{ responses: Item[] }>(
      server.url,
      "GET",
      "/employer/pay-statement-item?categories=taxes,employer_contributions",
      { bearer: token },
    );
    expect(comma.body.responses.map(itemKey)).toEqual(taxes.map(itemKey));

    const named = await listItems(finch, { name: "MEDI" });
    expect(named.map((i) => i.name).sort()).toEqual(
      all
        .filter((i) => i.name.toLowerCase().includes("medi"))
        .map((i) => i.name)
        .sort(),
    );
    expect(named.length).toBeGreaterThan(0);
    const typed = await listItems(finch, { type: "fica" });
    expect(typed.length).toBeGreaterThan(0);
    expect(typed.every((i) => i.attributes.type === "fica")).toBe(true);

    const expected = await itemsFromStatements(finch);
    const dates = [...expected.values()].sort();
    const last = dates.at(-1)!;
    const onLastDay = await listItems(finch, { start_date: last, end_date: last });
    expect(onLastDay.length).toBeGreaterThan(0);
    expect(await listItems(finch, { start_date: "2099-01-01" })).toEqual([]);
    expect(await listItems(finch, { end_date: "1990-01-01" })).toEqual([]);
    const bad = await http(server.url, "GET", "/employer/pay-statement-item?categories[]=bonuses", { bearer: token });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 400, finch_code: "invalid_request" });
    expect(String(bad.body.message)).toContain("categories");
    const backwards = await http(server.url, "GET", "/employer/pay-statement-item?start_date=2025-02-01&end_date=2025-01-01", {
      bearer: token,
    });
    expect(backwards.status).toBe(400);
  });

  it("answers 202 with an empty body while an assisted connection has no pay data", async () => {
    const created = await sandbox({ provider_id: "adp_workforce_now", authentication_type: "assisted", products: PAY, employee_size: 5 });
    expect(created.status).toBe(200);
    const res = await http(server.url, "GET", "/employer/pay-statement-item", { bearer: created.body.access_token });
    expect(res.status).toBe(202);
    expect(res.text).toBe("");
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("refuses a token without the pay_statement product (403), for items and rules", async () => {
    const created = await basicClient().sandbox.connections.create({
      provider_id: "sandbox_payroll",
      products: ["company", "directory", "payment"],
      employee_size: 3,
    });
    const client = tokenClient(created.access_token);
    await expect(listItems(client)).rejects.toBeInstanceOf(Finch.PermissionDeniedError);
    await expect(
      client.hris.payStatementItem.rules.create({ conditions: [{ field: "name", operator: "equals", value: "X" }] }),
    ).rejects.toBeInstanceOf(Finch.PermissionDeniedError);
  });
});

describe("rules", () => {
  it("create, list, update and delete through the SDK, each changing the item list", async () => {
    const rule = await finch.hris.payStatementItem.rules.create({
      conditions: [{ field: "name", operator: "equals", value: "Medical" }],
      attributes: { metadata: { label: "health", plan: { tier: 2 } } },
      entity_type: "pay_statement_item",
    });
    expect(rule).toMatchObject({ priority: 1, entity_type: "pay_statement_item", effective_start_date: null, effective_end_date: null });
    expect(rule.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(rule.created_at).toBe(rule.updated_at);

    let items = await listItems(finch);
    expect(items.find((i) => i.name === "Medical")?.attributes.metadata).toEqual({ label: "health", plan: { tier: 2 } });
    expect(items.filter((i) => i.attributes.metadata !== null).map((i) => i.name)).toEqual(["Medical"]);

    // the rules apply to the items inside pay statements too
    const payments = [];
    for await (const p of finch.hris.payments.list({ start_date: "2000-01-01", end_date: "2100-01-01" })) payments.push(p);
    const pages = [];
    for await (const r of finch.hris.payStatements.retrieveMany({ requests: [{ payment_id: payments.at(-1)!.id, limit: 5000 }] }))
      pages.push(r);
    const statements = (
      pages[0]!.body as { pay_statements: { employee_deductions: { name: string; attributes?: { metadata?: unknown } | null }[] | null }[] }
    ).pay_statements;
    const deductions = statements.flatMap((s) => s.employee_deductions ?? []);
    expect(deductions.some((d) => d.name === "Medical")).toBe(true);
    for (const d of deductions)
      expect(d.attributes?.metadata ?? null).toEqual(d.name === "Medical" ? { label: "health", plan: { tier: 2 } } : null);

    const listed = [];
    for await (const r of finch.hris.payStatementItem.rules.list()) listed.push(r);
    expect(listed.map((r) => r.id)).toEqual([rule.id]);
    expect(listed[0]?.conditions).toEqual([{ field: "name", operator: "equals", value: "Medical" }]);

    // a second rule on taxes by category and type; priority 1 wins the key both set
    const fica = await finch.hris.payStatementItem.rules.create({
      conditions: [
        { field: "category", operator: "equals", value: "taxes" },
        { field: "type", operator: "equals", value: "fica" },
      ],
      attributes: { metadata: { label: "fica" } },
    });
    expect(fica.priority).toBe(2);
    items = await listItems(finch, { categories: ["taxes"] });
    expect(items.filter((i) => i.attributes.type === "fica").every((i) => i.attributes.metadata?.label === "fica")).toBe(true);
    expect(items.filter((i) => i.attributes.type !== "fica").every((i) => i.attributes.metadata === null)).toBe(true);

    const updated = await finch.hris.payStatementItem.rules.update(
      rule.id!,
      updateBody({ attributes: { metadata: { label: "medical" } } }),
    );
    expect(updated.attributes?.metadata).toEqual({ label: "medical" });
    expect(updated.conditions).toEqual(rule.conditions);
    items = await listItems(finch, { name: "medical" });
    expect(items[0]?.attributes.metadata).toEqual({ label: "medical" });

    // effective dates: a rule that ended before any pay date does nothing
    await finch.hris.payStatementItem.rules.update(rule.id!, updateBody({ effective_end_date: "1999-12-31" }));
    items = await listItems(finch, { name: "medical" });
    expect(items[0]?.attributes.metadata).toBeNull();

    const deleted = await finch.hris.payStatementItem.rules.delete(fica.id!);
    expect(deleted.deleted_at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(deleted.id).toBe(fica.id);
    items = await listItems(finch, { categories: ["taxes"] });
    expect(items.every((i) => i.attributes.metadata === null)).toBe(true);
    const after = [];
    for await (const r of finch.hris.payStatementItem.rules.list()) after.push(r);
    expect(after.map((r) => r.id)).toEqual([rule.id]);
    await expect(finch.hris.payStatementItem.rules.delete(fica.id!)).rejects.toBeInstanceOf(Finch.NotFoundError);
    await finch.hris.payStatementItem.rules.delete(rule.id!);
  });

  it("a rule change changes the ETag of the item list", async () => {
    const first = await http(server.url, "GET", "/employer/pay-statement-item", { bearer: token });
    const etag = first.headers.get("etag")!;
    expect(
      (await http(server.url, "GET", "/employer/pay-statement-item", { bearer: token, headers: { "if-none-match": etag } })).status,
    ).toBe(304);
    const rule = await finch.hris.payStatementItem.rules.create({
      conditions: [{ field: "name", operator: "equals", value: "Dental" }],
      attributes: { metadata: { a: 1 } },
    });
    const again = await http<{ responses: Item[] }>(server.url, "GET", "/employer/pay-statement-item", {
      bearer: token,
      headers: { "if-none-match": etag },
    });
    expect(again.status).toBe(200);
    expect(again.body.responses.find((i) => i.name === "Dental")?.attributes.metadata).toEqual({ a: 1 });
    await finch.hris.payStatementItem.rules.delete(rule.id!);
  });

  it("refuses bad bodies with 400 naming the field", async () => {
    const post = (body: unknown) => http(server.url, "POST", "/employer/pay-statement-item/rule", { bearer: token, body });
    const cases: [unknown, string][] = [
      [{ conditions: [{ field: "name", operator: "contains", value: "x" }] }, "conditions.0.operator"],
      [{ conditions: [{ field: "amount", operator: "equals", value: "x" }] }, "conditions.0.field"],
      [{ conditions: [{ field: "name", operator: "equals" }] }, "conditions.0.value"],
      [{ conditions: [{ field: "name", operator: "equals", value: "x" }], effective_start_date: "2025-13-01" }, "effective_start_date"],
      [
        {
          conditions: [{ field: "name", operator: "equals", value: "x" }],
          effective_start_date: "2025-02-01",
          effective_end_date: "2025-01-01",
        },
        "effective_end_date",
      ],
      [{ conditions: [{ field: "name", operator: "equals", value: "x" }], attributes: { metadata: "x" } }, "attributes.metadata"],
      [{ conditions: [{ field: "name", operator: "equals", value: "x" }], entity_type: "pay_statement" }, "entity_type"],
    ];
    for (const [body, field] of cases) {
      const res = await post(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body).toMatchObject({ code: 400, finch_code: "invalid_request" });
      expect(String(res.body.message)).toContain(field);
    }
    const put = await http(server.url, "PUT", "/employer/pay-statement-item/rule/00000000-0000-4000-8000-000000000000", {
      bearer: token,
      body: {},
    });
    expect(put.status).toBe(404);
    expect(String(put.body.message)).toContain("not found");
    for (const id of ["not-a-uuid", "' OR 1=1 --"]) {
      await expect(finch.hris.payStatementItem.rules.update(id, {})).rejects.toBeInstanceOf(Finch.NotFoundError);
      await expect(finch.hris.payStatementItem.rules.delete(id)).rejects.toBeInstanceOf(Finch.NotFoundError);
    }
  });

  it("one connection never sees another's rules", async () => {
    const mine = await finch.hris.payStatementItem.rules.create({
      conditions: [{ field: "name", operator: "equals", value: "Medicare" }],
      attributes: { metadata: { mine: true } },
    });
    const theirs = [];
    for await (const r of other.hris.payStatementItem.rules.list()) theirs.push(r);
    expect(theirs).toEqual([]);
    const theirItems = await listItems(other);
    expect(theirItems.length).toBeGreaterThan(0);
    expect(theirItems.every((i) => i.attributes.metadata === null)).toBe(true);
    await expect(
      other.hris.payStatementItem.rules.update(mine.id!, updateBody({ attributes: { metadata: { stolen: true } } })),
    ).rejects.toBeInstanceOf(Finch.NotFoundError);
    await expect(other.hris.payStatementItem.rules.delete(mine.id!)).rejects.toBeInstanceOf(Finch.NotFoundError);
    const still = (await listItems(finch, { name: "Medicare" })).map((i) => i.attributes.metadata);
    expect(still.every((m) => m?.mine === true)).toBe(true);
    await finch.hris.payStatementItem.rules.delete(mine.id!);
  });
});

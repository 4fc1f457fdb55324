import fs from "node:fs";
import type { ConsoleBrowser } from "./console.js";
import { connectEmployer, type HttpResult, http } from "./http.js";
import { CALLS, type CallContext, LAST, NOT_YET_IMPLEMENTED } from "./spec-calls.js";
import { checkShape, SPEC_OPERATIONS, type SpecOperation, shapeFor } from "./spec-shape.js";
import type { TestServer } from "./test-server.js";

/** The connections a pass runs on: automated sandbox, assisted before data (202), assisted after an operator's upload. */
export type ConnectionKind = "automated" | "assisted-before" | "assisted-after";

/** One answer of one operation, as the pass saw it. */
export interface Seen {
  op: SpecOperation;
  res: HttpResult<unknown>;
}

const fixture = (name: string) => fs.readFileSync(new URL(`../../server/domain/ingestion/fixtures/${name}`, import.meta.url));

/** The products a provider supplies, as `GET /providers` lists them (so new products are requested as they land). */
async function productsOf(base: string, providerId: string): Promise<string[]> {
  const res = await http<{ id: string; products: string[] }[]>(base, "GET", "/providers");
  return res.body.find((p) => p.id === providerId)!.products;
}

/** Upload one export file as an operator and publish it. */
async function uploadAndPublish(
  server: TestServer,
  ops: ConsoleBrowser,
  connectionId: string,
  group: "org" | "pay",
  file: string,
): Promise<void> {
  const created = await http<{ id: string }>(
    server.url,
    "POST",
    `/ops/api/connections/${connectionId}/uploads?group=${group}&file_name=${file}`,
    {
      raw: fixture(file) as unknown as string,
      headers: { cookie: ops.cookie, "x-csrf-token": ops.csrf, "content-type": "text/csv" },
    },
  );
  if (created.status !== 201) throw new Error(`upload ${file}: ${created.status} ${created.text}`);
  const published = await ops.call("POST", `/ops/api/uploads/${created.body.id}/publish`, { body: {} });
  if (published.status !== 200) throw new Error(`publish ${file}: ${published.status} ${published.text}`);
}

/** A fresh connection of this kind for `app`, with the ids a pass needs. */
export async function openConnection(
  server: TestServer,
  app: CallContext["app"],
  kind: ConnectionKind,
  ops: ConsoleBrowser,
): Promise<CallContext> {
  let token: string;
  let connectionId: string;
  if (kind === "automated") {
    const products = await productsOf(server.url, "sandbox_payroll");
    const created = await http<{ access_token: string; connection_id: string }>(server.url, "POST", "/sandbox/connections", {
      basic: app,
      body: { provider_id: "sandbox_payroll", products, employee_size: 5 },
    });
    if (created.status !== 200) throw new Error(`sandbox connection: ${created.status} ${created.text}`);
    ({ access_token: token, connection_id: connectionId } = created.body);
  } else {
    const products = await productsOf(server.url, "adp_workforce_now");
    const choice = { provider_id: "adp_workforce_now", auth_method: "assisted" as const, access_granted: kind === "assisted-after" };
    ({ access_token: token, connection_id: connectionId } = await connectEmployer(server.url, app, { products, choice }));
    if (kind === "assisted-after") {
      await uploadAndPublish(server, ops, connectionId, "org", "adp-wfn-census.csv");
      await uploadAndPublish(server, ops, connectionId, "pay", "adp-wfn-payroll-register.csv");
    }
  }
  const info = await http<{ entities?: { id: string }[]; entity_id?: string }>(server.url, "GET", "/introspect", { bearer: token });
  const entityId = info.body.entities?.[0]?.id ?? info.body.entity_id ?? "00000000-0000-4000-8000-000000000000";
  return { base: server.url, app, token, connectionId, entityId, ids: {} };
}

/** Call every implemented operation once (or a few times) on the connection, in spec order, ending ones last. */
export async function runPass(ctx: CallContext): Promise<Seen[]> {
  const order = [...SPEC_OPERATIONS.filter((o) => !LAST.includes(o.id)), ...LAST.map((id) => SPEC_OPERATIONS.find((o) => o.id === id)!)];
  const seen: Seen[] = [];
  for (const op of order) {
    if (NOT_YET_IMPLEMENTED.includes(op.id)) continue;
    const call = CALLS[op.id];
    if (!call) throw new Error(`no call for spec operation ${op.id} (${op.method} ${op.path}): add one to test/support/spec-calls.ts`);
    for (const res of await call(ctx)) seen.push({ op, res });
  }
  return seen;
}

/**
 * Employer reads whose spec declares no 202 but that answer one, like every other read, while their data is not ready
 * (issue 14: "every employer read of a group not yet ready answers the same way"); their 202 is held against
 * `AcceptedResponse` as the others' is.
 */
export const NOT_READY_TOO: readonly string[] = [
  "get-pay-statement-item",
  "get-all-pay-groups",
  "get-pay-group",
  "get-company-benefits-meta",
  "list-documents",
  "get-document",
];

/** Where Linnet knowingly answers otherwise than the spec says, and why. Each is a JSON path and the problem's words. */
export const KNOWN_DEVIATIONS: readonly { op: string; path: string; problem: string; why: string }[] = [
  {
    op: "post-sandbox-connections-accounts",
    path: "$.access_token:",
    problem: "is not a uuid",
    why: "Linnet's access tokens are `ltok_` + 256 random bits (a prefix secret scanners can match); the spec's other token answers (/auth/token, /sandbox/connections) declare a plain string",
  },
];

/**
 * What contradicts the spec in one answer, each as `<operation> <status> <json path>: <problem>`. In the `empty`
 * mode a 202 whose spec body is `AcceptedResponse` must have no body at all (Linnet's documented choice).
 */
export function mismatchesOf(seen: Seen, mode: "empty" | "finch"): string[] {
  const { res } = seen;
  const op =
    res.status === 202 && NOT_READY_TOO.includes(seen.op.id)
      ? { ...seen.op, responses: { ...seen.op.responses, "202": { ref: "AcceptedResponse" } } }
      : seen.op;
  const where = `${op.id} (${op.method} ${op.path}) ${res.status}`;
  if (res.status >= 500) return [`${where}: a 5xx (${res.text.slice(0, 120)})`];
  const declared = op.responses[String(res.status)];
  if (res.status === 202 && mode === "empty" && declared?.ref === "AcceptedResponse") {
    return res.text === "" && !(res.headers.get("content-type") ?? "").includes("json")
      ? []
      : [`${where}: the empty mode sent a body (${res.text.slice(0, 80)})`];
  }
  const shape = shapeFor(op, res.status);
  if (shape === "undeclared") return [`${where}: a status the spec does not declare for this operation`];
  if (typeof res.body !== "object" && res.text !== "") return [`${where}: the body is not JSON (${res.text.slice(0, 80)})`];
  const problems = checkShape(shape, res.text === "" ? undefined : res.body);
  return problems
    .filter((p) => !KNOWN_DEVIATIONS.some((d) => d.op === op.id && p.startsWith(d.path) && p.includes(d.problem)))
    .map((p) => `${where} ${p}`);
}

import type { ConnectionRow } from "../../db/repositories/connections.repository.js";
import { findSandboxCompany, listSandboxEdits } from "../../db/repositories/sandbox.repository.js";
import type { Deps } from "../deps.js";
import { sandboxData } from "../sandbox/sandbox-source.js";

/** A request to the sandbox provider API, as `POST /forward` hands it over. */
export interface ProviderRequest {
  method: string;
  route: string;
  params: Record<string, unknown>;
}

/** The provider API's answer, as an HTTP server would give it. */
export interface ProviderAnswer {
  statusCode: number;
  headers: Record<string, string>;
  /** The body text (JSON), null when empty. */
  data: string | null;
}

/** The routes the sandbox provider API answers (all GET). */
export const SANDBOX_PROVIDER_ROUTES = ["/", "/v1/company", "/v1/employees", "/v1/employees/{employee_code}"] as const;

const json = (statusCode: number, body: unknown, extra: Record<string, string> = {}): ProviderAnswer => ({
  statusCode,
  headers: { "content-type": "application/json; charset=utf-8", ...extra },
  data: JSON.stringify(body),
});

/** A query parameter as a non-negative integer within bounds, or the default. */
function intParam(value: unknown, fallback: number, max: number): number {
  const n = typeof value === "number" ? value : typeof value === "string" && /^\d{1,9}$/.test(value) ? Number(value) : Number.NaN;
  return Number.isInteger(n) && n >= 0 ? Math.min(n, max) : fallback;
}

/**
 * The provider API Linnet's sandbox serves itself, so `POST /forward` has a real API behind it on sandbox
 * connections: a small payroll-system API in the provider's own shapes (employee codes, not Finch ids), answering
 * from the connection's own sandbox company (generated data plus sandbox edits). It is reached in process with the
 * connection it belongs to, which is its credential: it can only ever see that account's data, and no host or URL
 * is ever built from the forwarded request. Unknown routes answer 404 and other methods 405, as an API would.
 */
export async function callSandboxProviderApi(
  deps: Pick<Deps, "db">,
  connection: ConnectionRow,
  req: ProviderRequest,
): Promise<ProviderAnswer> {
  const route = req.route.length > 1 ? req.route.replace(/\/$/, "") : req.route;
  const known = route === "/" || route === "/v1/company" || route === "/v1/employees" || /^\/v1\/employees\/[^/]+$/.test(route);
  if (!known) return json(404, { error: "not_found", message: `No route ${route}` });
  if (req.method !== "GET")
    return json(405, { error: "method_not_allowed", message: `${req.method} is not allowed on ${route}` }, { allow: "GET" });
  if (route === "/") return json(200, { name: `${connection.providerId} sandbox API`, routes: SANDBOX_PROVIDER_ROUTES });
  const company = await findSandboxCompany(deps.db, connection.companyId);
  if (!company) return json(404, { error: "not_found", message: "No such account" });
  const { org } = sandboxData(company, await listSandboxEdits(deps.db, company.id));
  if (route === "/v1/company") {
    const c = org.company;
    return json(200, {
      company_name: c.legal_name,
      tax_id: c.ein,
      email: c.primary_email,
      phone: c.primary_phone_number,
      departments: (c.departments ?? []).map((d) => d?.name),
    });
  }
  const employee = (p: (typeof org.people)[number]) => ({
    employee_code: p.source_id,
    first_name: p.individual.first_name,
    last_name: p.individual.last_name,
    job_title: p.employment.title,
    department: p.employment.department?.name ?? null,
    hire_date: p.employment.start_date,
    termination_date: p.employment.end_date,
    active: p.employment.is_active,
  });
  if (route === "/v1/employees") {
    const limit = intParam(req.params.limit, 100, 500);
    const offset = intParam(req.params.offset, 0, Number.MAX_SAFE_INTEGER);
    return json(200, { total: org.people.length, offset, employees: org.people.slice(offset, offset + limit).map(employee) });
  }
  const code = decodeURIComponent(route.slice("/v1/employees/".length));
  const person = org.people.find((p) => p.source_id === code);
  return person ? json(200, employee(person)) : json(404, { error: "not_found", message: `No employee ${code}` });
}

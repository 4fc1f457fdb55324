import { z } from "zod";
import {
  CompanySchema,
  type Employment,
  EmploymentSchema,
  type Individual,
  IndividualSchema,
} from "../../../../contracts/finch/employer.js";
import { FinchErrorSchema } from "../../../../contracts/finch/errors.js";
import { editCompany, editEmployment, editIndividual } from "../../../commands/sandbox-edits.js";
import { authenticateToken } from "../../../domain/connections/authenticate-token.js";
import { readCompany } from "../../../domain/employer/read-company.js";
import { readPeople } from "../../../domain/employer/read-people.js";
import { FinchError } from "../../../domain/errors.js";
import { unwrap } from "../../errors.js";
import { requireToken } from "../../middleware/auth.js";
import { bearerToken } from "../../middleware/credentials.js";
import type { RouteModule } from "../../types.js";

/** The token's connection as it is now (edits publish new snapshots), with its current org snapshot. */
async function currentOrgSnapshot(deps: Parameters<RouteModule>[1], bearer: string | undefined): Promise<{ id: string }> {
  const { connection } = unwrap(await authenticateToken(deps, bearer));
  if (!connection.orgSnapshotId) throw new FinchError("invalid_request", "The connection has no published data yet");
  return { id: connection.orgSnapshotId };
}

/** One person's record of a kind, as the data endpoints would serve it. */
/** What each kind of person record reads as. */
interface PersonRecords {
  individual: Individual;
  employment: Employment;
}

async function readPerson<K extends keyof PersonRecords>(
  deps: Parameters<RouteModule>[1],
  bearer: string | undefined,
  kind: K,
  id: string,
): Promise<PersonRecords[K]> {
  const snapshot = await currentOrgSnapshot(deps, bearer);
  const answer = JSON.parse(await readPeople(deps, snapshot, kind, [id], kind === "individual")) as {
    responses: { code: number; body: PersonRecords[K] }[];
  };
  const first = answer.responses[0];
  if (first?.code !== 200) throw new FinchError("not_found", `No individual with id ${id} found`);
  return first.body;
}

const opt = <T extends z.ZodType>(s: T) => s.nullable().optional();
const CompanyWithoutId = CompanySchema.omit({ id: true });
const companyShape = CompanySchema.shape;
/**
 * The body of `PUT /sandbox/company`: every field optional, and the nested fields too where the spec does not require
 * them (`entity: {}`, a department without `parent`, an account with only some fields).
 */
const CompanyEditSchema = CompanyWithoutId.partial().extend({
  entity: opt(
    z.object({
      type: opt(companyShape.entity.unwrap().shape.type.unwrap()),
      subtype: opt(companyShape.entity.unwrap().shape.subtype.unwrap()),
    }),
  ),
  departments: opt(z.array(z.object({ name: opt(z.string()), parent: opt(z.object({ name: opt(z.string()) })) }).nullable())),
  accounts: opt(
    z.array(
      z.object({
        routing_number: opt(z.string()),
        account_name: opt(z.string()),
        institution_name: opt(z.string()),
        account_type: opt(z.enum(["checking", "savings"])),
        account_number: opt(z.string()),
      }),
    ),
  ),
});

/** Fill what a nested object left out with null, as the served company has every field (Finch: unknown is null). */
function completeCompany(body: z.infer<typeof CompanyEditSchema>): Record<string, unknown> {
  const nulls = <K extends string>(keys: readonly K[], o: Partial<Record<K, unknown>>) =>
    Object.fromEntries(keys.map((k) => [k, o[k] ?? null]));
  const out: Record<string, unknown> = { ...body };
  if (body.entity) out.entity = nulls(["type", "subtype"], body.entity);
  if (body.departments)
    out.departments = body.departments.map((d) => d && { name: d.name ?? null, parent: d.parent ? { name: d.parent.name ?? null } : null });
  if (body.accounts)
    out.accounts = body.accounts.map((a) =>
      nulls(["routing_number", "account_name", "institution_name", "account_type", "account_number"], a),
    );
  return out;
}

/** `PUT /sandbox/company`, `PUT /sandbox/individual/{id}`, `PUT /sandbox/employment/{id}`: edit sandbox data. */
export const editOrgRoutes: RouteModule = (app, deps) => {
  app.put(
    "/sandbox/company",
    {
      schema: {
        tags: ["Sandbox"],
        summary: "Update the sandbox company",
        security: [{ bearerAuth: [] }],
        body: CompanyEditSchema,
        response: { 200: CompanyWithoutId, "4xx": FinchErrorSchema },
      },
    },
    async (request) => {
      const ctx = await requireToken(deps, request);
      unwrap(await editCompany(deps, ctx, completeCompany(request.body)));
      const { id: _id, ...company } = JSON.parse(await readCompany(deps, await currentOrgSnapshot(deps, bearerToken(request)))) as z.infer<
        typeof CompanySchema
      >;
      return company;
    },
  );
  const params = z.object({ individual_id: z.string() });
  app.put(
    "/sandbox/individual/:individual_id",
    {
      schema: {
        tags: ["Sandbox"],
        summary: "Update a sandbox individual",
        security: [{ bearerAuth: [] }],
        params,
        body: IndividualSchema.omit({ id: true, encrypted_ssn: true }).partial(),
        response: { 200: IndividualSchema, "4xx": FinchErrorSchema },
      },
    },
    async (request) => {
      unwrap(await editIndividual(deps, await requireToken(deps, request), request.params.individual_id, request.body));
      return await readPerson(deps, bearerToken(request), "individual", request.params.individual_id);
    },
  );
  app.put(
    "/sandbox/employment/:individual_id",
    {
      schema: {
        tags: ["Sandbox"],
        summary: "Update a sandbox employment record",
        security: [{ bearerAuth: [] }],
        params,
        body: EmploymentSchema.omit({ id: true, source_id: true, work_id: true }).partial(),
        response: { 200: EmploymentSchema, "4xx": FinchErrorSchema },
      },
    },
    async (request) => {
      unwrap(await editEmployment(deps, await requireToken(deps, request), request.params.individual_id, request.body));
      return await readPerson(deps, bearerToken(request), "employment", request.params.individual_id);
    },
  );
};

import type { PersonInput } from "../../contracts/linnet/snapshot-input.js";
import { findLiveConnectionsOfCompany } from "../db/repositories/connections.repository.js";
import { findSourceIdOf, insertSandboxEdit, listSandboxEdits } from "../db/repositories/sandbox.repository.js";
import type { TokenContext } from "../domain/connections/authenticate-token.js";
import type { Deps } from "../domain/deps.js";
import { fail, ok, type Result } from "../domain/errors.js";
import { isUuid } from "../domain/ids.js";
import { type PublishGroups, publishSandboxData } from "./publish-sandbox-data.js";

/*
 * Commands: the sandbox API's edits. Each stores the edit (sandbox/) and republishes the groups it touches (every
 * effect of a publish).
 */

/** Sandbox edits apply to the sandbox company, so every live connection of it gets the new data. */
async function republish(deps: Deps, ctx: TokenContext, groups: PublishGroups): Promise<Result<true>> {
  for (const connection of await findLiveConnectionsOfCompany(deps.db, ctx.connection.companyId)) {
    if (!connection.orgSnapshotId && !connection.paySnapshotId) continue; // assisted and not set up yet: nothing served
    const published = await publishSandboxData(deps, connection, groups);
    if (!published.ok) return published;
  }
  return ok(true);
}

function requireSandbox(ctx: TokenContext): Result<true> {
  return ctx.connection.connectionType === "finch"
    ? ok(true)
    : fail("invalid_request", "Sandbox endpoints work only on sandbox connections");
}

/** Record an edit, then republish the groups it touches. */
async function edit(
  deps: Deps,
  ctx: TokenContext,
  kind: string,
  sourceId: string | null,
  body: Record<string, unknown>,
  groups: PublishGroups,
): Promise<Result<true>> {
  const sandbox = requireSandbox(ctx);
  if (!sandbox.ok) return sandbox;
  await insertSandboxEdit(deps.db, { companyId: ctx.connection.companyId, kind, sourceId, body, createdAt: deps.clock.now() });
  return republish(deps, ctx, groups);
}

/** `PUT /sandbox/company`: replace the company's fields. */
export function editCompany(deps: Deps, ctx: TokenContext, company: Record<string, unknown>): Promise<Result<true>> {
  return edit(deps, ctx, "company", null, company, { org: true, pay: false });
}

/** The source id of a person of this connection, by the stable id apps know. */
async function personSource(deps: Deps, ctx: TokenContext, individualId: string): Promise<Result<string>> {
  // ids are UUIDs: anything else is no such person, answered before a query could fail on the uuid cast
  const sourceId = isUuid(individualId) ? await findSourceIdOf(deps.db, ctx.connection.id, "individual", individualId) : undefined;
  return sourceId ? ok(sourceId) : fail("not_found", `No individual with id ${individualId} found`);
}

/** `PUT /sandbox/individual/{id}`: change personal fields. */
export async function editIndividual(
  deps: Deps,
  ctx: TokenContext,
  individualId: string,
  fields: Record<string, unknown>,
): Promise<Result<true>> {
  const source = await personSource(deps, ctx, individualId);
  if (!source.ok) return source;
  return edit(deps, ctx, "person", source.value, { individual: fields }, { org: true, pay: false });
}

/** `PUT /sandbox/employment/{id}`: change employment fields (a manager is named by stable id). */
export async function editEmployment(
  deps: Deps,
  ctx: TokenContext,
  individualId: string,
  fields: Record<string, unknown>,
): Promise<Result<true>> {
  const source = await personSource(deps, ctx, individualId);
  if (!source.ok) return source;
  const { manager, first_name, middle_name, last_name, ...employment } = fields as Record<string, unknown> & {
    manager?: { id: string } | null;
  };
  if (manager !== undefined) {
    const managerSource = manager ? await personSource(deps, ctx, manager.id) : ok(null);
    if (!managerSource.ok) return fail("invalid_request", `manager.id: ${managerSource.error.message}`);
    (employment as Record<string, unknown>).manager_source_id = managerSource.value;
  }
  const names = Object.fromEntries(Object.entries({ first_name, middle_name, last_name }).filter(([, v]) => v !== undefined));
  return edit(
    deps,
    ctx,
    "person",
    source.value,
    { employment, ...(Object.keys(names).length ? { individual: names } : {}) },
    { org: true, pay: false },
  );
}

/** `POST /sandbox/directory`: add people; `build` turns each request into a full person with a new source id. */
export async function addPeople(deps: Deps, ctx: TokenContext, people: ((sourceId: string) => PersonInput)[]): Promise<Result<string[]>> {
  const sandbox = requireSandbox(ctx);
  if (!sandbox.ok) return sandbox;
  const existing = (await listSandboxEdits(deps.db, ctx.connection.companyId)).filter((e) => e.kind === "new_person").length;
  const sourceIds: string[] = [];
  for (const [i, build] of people.entries()) {
    const sourceId = `SBX${String(existing + i + 1).padStart(5, "0")}`;
    await insertSandboxEdit(deps.db, {
      companyId: ctx.connection.companyId,
      kind: "new_person",
      sourceId,
      body: build(sourceId),
      createdAt: deps.clock.now(),
    });
    sourceIds.push(sourceId);
  }
  const published = await republish(deps, ctx, { org: true, pay: false });
  return published.ok ? ok(sourceIds) : published;
}

/** `POST /sandbox/payment`: add a payment (already resolved to source ids). Returns nothing; the caller reads the new id. */
export function addPayment(deps: Deps, ctx: TokenContext, payment: Record<string, unknown> & { source_id: string }): Promise<Result<true>> {
  return edit(deps, ctx, "payment", payment.source_id, payment, { org: false, pay: true });
}

import { type ConnectionRow, findConnection } from "../db/repositories/connections.repository.js";
import { findSandboxCompany, listSandboxEdits } from "../db/repositories/sandbox.repository.js";
import { productsByGroup } from "../domain/assisted/sla.js";
import type { Deps } from "../domain/deps.js";
import { fail, ok, type Result } from "../domain/errors.js";
import { sandboxData } from "../domain/sandbox/sandbox-source.js";
import { publishOrgSnapshot } from "./publish-org.js";
import { publishPaySnapshot } from "./publish-pay.js";

/** Pay history of companies above this size is published by a background job, not inside the request. */
export const INLINE_PAY_LIMIT = 500;

/** Which groups to publish. */
export interface PublishGroups {
  org: boolean;
  pay: boolean;
}

/**
 * Command: publish a sandbox connection's current data (generated company plus edits, sandbox/) for the groups its
 * products cover, each with every effect of a publish.
 */
export async function publishSandboxData(
  deps: Deps,
  connection: ConnectionRow,
  groups: PublishGroups = { org: true, pay: true },
): Promise<Result<{ org: boolean; pay: boolean }>> {
  const company = await findSandboxCompany(deps.db, connection.companyId);
  if (!company) return fail("invalid_request", "This is not a sandbox connection");
  const wanted = productsByGroup(connection.products);
  const data = sandboxData(company, await listSandboxEdits(deps.db, company.id), { documents: connection.products.includes("documents") });
  const meta = { source: "sandbox", retrievedAt: deps.clock.now() };
  const done = { org: false, pay: false };
  if (groups.org && wanted.org.length > 0) {
    const published = await publishOrgSnapshot(deps, connection.id, data.org, meta);
    if (!published.ok) return published;
    done.org = true;
  }
  if (groups.pay && wanted.pay.length > 0) {
    const published = await publishPaySnapshot(deps, connection.id, data.pay, meta);
    if (!published.ok) return published;
    done.pay = true;
  }
  return ok(done);
}

/** Publish a new sandbox connection's data: org at once; pay at once for small companies, else via a sync job. */
export async function publishInitialSandboxData(deps: Deps, connection: ConnectionRow): Promise<Result<{ paySyncQueued: boolean }>> {
  const company = await findSandboxCompany(deps.db, connection.companyId);
  if (!company) return fail("invalid_request", "This is not a sandbox connection");
  const inlinePay = company.employeeSize <= INLINE_PAY_LIMIT;
  const published = await publishSandboxData(deps, connection, { org: true, pay: inlinePay });
  if (!published.ok) return published;
  const needsPay = productsByGroup(connection.products).pay.length > 0;
  if (!inlinePay && needsPay) await deps.jobs.send("sandbox-initial-pay", { connectionId: connection.id });
  return ok({ paySyncQueued: !inlinePay && needsPay });
}

/** Background part of publishInitialSandboxData: the pay history of a large sandbox company. */
export async function publishInitialPay(deps: Deps, connectionId: string): Promise<void> {
  const connection = await findConnection(deps.db, connectionId);
  if (!connection || connection.status === "disconnected" || connection.paySnapshotId) return;
  const published = await publishSandboxData(deps, connection, { org: false, pay: true });
  if (!published.ok) deps.log.error({ connectionId, err: published.error.message }, "sandbox pay publish failed");
}

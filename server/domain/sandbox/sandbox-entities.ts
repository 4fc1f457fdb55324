import { randomUUID } from "node:crypto";
import type { ConnectionRow } from "../../db/repositories/connections.repository.js";
import { insertConnection } from "../../db/repositories/connections.repository.js";
import type { CatalogProvider } from "../catalog/catalog.js";
import { newConnectionRow } from "../connections/connection-row.js";
import type { Deps } from "../deps.js";
import { companyIdentity } from "./generator/index.js";

/** How many entities one sandbox connection may hold (`entity_count`). */
export const SANDBOX_ENTITIES = { min: 1, max: 5 };

/** Insert a sandbox company row; given by the caller so this module does not import the connection creator. */
type CreateCompany = (deps: Deps, opts: { seed: string; employeeSize: number }) => Promise<string>;

/**
 * Make a new sandbox connection multi-entity (inside its creating transaction): name its own entity after its
 * generated company (legal name, EIN as the source id) and add `count - 1` further entities, each with a generated
 * company of its own (its own EIN, people and payroll), so reads per entity differ. Returns the further rows; the
 * caller publishes their data like the connection's.
 */
export async function addSandboxEntities(
  deps: Deps,
  provider: CatalogProvider,
  connection: ConnectionRow,
  opts: { count: number; employeeSize: number; createCompany: CreateCompany },
): Promise<{ connection: ConnectionRow; entities: ConnectionRow[] }> {
  const own = companyIdentity(connection.companyId, opts.employeeSize);
  const named = { ...connection, entityName: own.legal_name, entitySourceId: own.ein };
  const entities: ConnectionRow[] = [];
  for (let i = 2; i <= opts.count; i++) {
    const seed = `${connection.companyId}:entity:${i}`;
    const companyId = await opts.createCompany(deps, { seed, employeeSize: opts.employeeSize });
    const identity = companyIdentity(seed, opts.employeeSize);
    const row: ConnectionRow = {
      ...newConnectionRow(provider, {
        id: randomUUID(),
        applicationId: connection.applicationId,
        companyId,
        authMethod: connection.authMethod,
        connectionType: connection.connectionType,
        products: connection.products,
        status: connection.status as "connected",
        createdAt: new Date(connection.createdAt.getTime() + i),
      }),
      parentConnectionId: connection.id,
      entityName: identity.legal_name,
      entitySourceId: identity.ein,
    };
    await insertConnection(deps.db, row);
    entities.push(row);
  }
  return { connection: named, entities };
}

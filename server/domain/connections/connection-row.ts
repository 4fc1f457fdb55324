import { randomUUID } from "node:crypto";
import type { ConnectionRow } from "../../db/repositories/connections.repository.js";
import type { CatalogProvider } from "../catalog/catalog.js";
import { type ConnectionState, statusMessage } from "./status-machine.js";

/** What differs between new connections; everything else starts empty. */
export type NewConnectionFields = Pick<ConnectionRow, "applicationId" | "authMethod" | "connectionType" | "products" | "createdAt"> &
  Partial<
    Pick<
      ConnectionRow,
      "id" | "companyId" | "customerId" | "customerName" | "customerEmail" | "inviteEmail" | "accessConfirmedAt" | "username"
    >
  > & {
    status: ConnectionState;
  };

/** A new connection row: fresh ids (company, account, entity), no data yet, the status's default message. */
export function newConnectionRow(provider: CatalogProvider, f: NewConnectionFields): ConnectionRow {
  return {
    id: f.id ?? randomUUID(),
    applicationId: f.applicationId,
    companyId: f.companyId ?? randomUUID(),
    accountId: randomUUID(),
    entityId: randomUUID(),
    customerId: f.customerId ?? null,
    customerName: f.customerName ?? null,
    customerEmail: f.customerEmail ?? null,
    providerId: provider.id,
    authMethod: f.authMethod,
    connectionType: f.connectionType,
    products: f.products,
    status: f.status,
    statusMessage: statusMessage(f.status, provider.display_name),
    inviteEmail: f.inviteEmail ?? null,
    accessConfirmedAt: f.accessConfirmedAt ?? null,
    username: f.username ?? null,
    lastSuccessfulSync: null,
    orgAttemptedAt: null,
    orgAttemptResult: null,
    payAttemptedAt: null,
    payAttemptResult: null,
    orgSnapshotId: null,
    paySnapshotId: null,
    followUpAt: null,
    createdAt: f.createdAt,
    disconnectedAt: null,
    parentConnectionId: null,
    entityName: null,
    entitySourceId: null,
    entityDisconnectedAt: null,
  };
}

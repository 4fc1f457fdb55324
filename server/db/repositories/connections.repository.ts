import { and, asc, eq, ne } from "drizzle-orm";
import type { Db } from "../client.js";
import { connectionChanged } from "../connection-changes.js";
import { connections } from "../schema/index.js";

/** A connection row. */
export type ConnectionRow = typeof connections.$inferSelect;

/** Insert a connection. */
export async function insertConnection(db: Db, row: typeof connections.$inferInsert): Promise<void> {
  await db.insert(connections).values(row);
  if (row.parentConnectionId) connectionChanged(db, row.parentConnectionId); // the parent's entity list grew
}

/** Find a connection by id. */
export async function findConnection(db: Db, id: string): Promise<ConnectionRow | undefined> {
  const [row] = await db.select().from(connections).where(eq(connections.id, id)).limit(1);
  return row;
}

/** Connections of one application for one customer that are not disconnected. */
export async function findLiveConnectionsForCustomer(db: Db, applicationId: string, customerId: string): Promise<ConnectionRow[]> {
  return db
    .select()
    .from(connections)
    .where(
      and(eq(connections.applicationId, applicationId), eq(connections.customerId, customerId), ne(connections.status, "disconnected")),
    );
}

/** Update a connection's mutable fields. */
export async function updateConnection(
  db: Db,
  id: string,
  patch: Partial<Pick<ConnectionRow, "status" | "statusMessage" | "accessConfirmedAt" | "disconnectedAt" | "products" | "username">>,
): Promise<void> {
  await db.update(connections).set(patch).where(eq(connections.id, id));
  connectionChanged(db, id);
}

/** A failed attempt to pull a connection's data: both groups, or the one named. */
export async function recordFailedSyncAttempt(db: Db, id: string, at: Date, group?: "org" | "pay"): Promise<void> {
  const org = { orgAttemptedAt: at, orgAttemptResult: "error" as const };
  const pay = { payAttemptedAt: at, payAttemptResult: "error" as const };
  await db
    .update(connections)
    .set(group === "org" ? org : group === "pay" ? pay : { ...org, ...pay })
    .where(eq(connections.id, id));
  connectionChanged(db, id);
}

/** Live (not disconnected) connections of a company. */
export async function findLiveConnectionsOfCompany(db: Db, companyId: string): Promise<ConnectionRow[]> {
  return db
    .select()
    .from(connections)
    .where(and(eq(connections.companyId, companyId), ne(connections.status, "disconnected")));
}

/** The further entities of a multi-entity connection (rows naming it as parent), oldest first. */
export async function findEntityRows(db: Db, parentConnectionId: string): Promise<ConnectionRow[]> {
  return db
    .select()
    .from(connections)
    .where(eq(connections.parentConnectionId, parentConnectionId))
    .orderBy(asc(connections.createdAt), asc(connections.id));
}

/** Mark one entity row disconnected (`POST /disconnect-entity`); a further entity's row also stops being live. */
export async function markEntityDisconnected(db: Db, id: string, at: Date, rowStatus?: "disconnected"): Promise<void> {
  await db
    .update(connections)
    .set({ entityDisconnectedAt: at, ...(rowStatus ? { status: rowStatus, disconnectedAt: at } : {}) })
    .where(eq(connections.id, id));
  connectionChanged(db, id);
}

import { and, asc, count, desc, eq, ilike, inArray, isNull, ne, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../client.js";
import { connections, snapshots } from "../schema/index.js";
import type { ConnectionRow } from "./connections.repository.js";

/** A connection with when its current snapshots were pulled. */
export interface ListedConnection {
  connection: ConnectionRow;
  orgRetrievedAt: Date | null;
  payRetrievedAt: Date | null;
}

/** How the expected first-data date is computed in SQL (the same rule as domain/assisted/sla.ts). */
export interface ExpectedDateRule {
  orgProducts: readonly string[];
  payProducts: readonly string[];
  /** Providers whose pay data comes faster. */
  payEnabledProviders: readonly string[];
  orgDays: number;
  payDays: number;
  payEnabledDays: number;
}

/** Filters, order and page of an application's connections. */
export interface ConnectionListFilter {
  applicationId: string;
  search?: string;
  statuses?: ConnectionRow["status"][];
  authMethods?: string[];
  excludeAuthMethods?: string[];
  providerId?: string;
  sort: "customer" | "status" | "created" | "expected";
  order: "asc" | "desc";
  limit: number;
  offset: number;
  expected: ExpectedDateRule;
}

const orgSnap = alias(snapshots, "org_snap");
const paySnap = alias(snapshots, "pay_snap");

const textArray = (values: readonly string[]) =>
  sql`ARRAY[${sql.join(values.length ? values.map((v) => sql`${v}`) : [sql`''`], sql`, `)}]::text[]`;
const days = (n: number) => sql`(${n} * interval '1 day')`;

/** The earliest first-data date of a group still without data; null once any data is served, or nothing is awaited (SQL). */
function expectedAt(rule: ExpectedDateRule): SQL {
  const c = connections;
  const payDays = sql`CASE WHEN ${c.providerId} = ANY(${textArray(rule.payEnabledProviders)}) THEN ${days(rule.payEnabledDays)} ELSE ${days(rule.payDays)} END`;
  return sql`CASE WHEN ${c.authMethod} = 'assisted' AND ${c.status} <> 'disconnected' AND ${c.orgSnapshotId} IS NULL AND ${c.paySnapshotId} IS NULL THEN LEAST(
    CASE WHEN ${c.orgSnapshotId} IS NULL AND jsonb_exists_any(${c.products}, ${textArray(rule.orgProducts)}) THEN ${c.createdAt} + ${days(rule.orgDays)} END,
    CASE WHEN ${c.paySnapshotId} IS NULL AND jsonb_exists_any(${c.products}, ${textArray(rule.payProducts)}) THEN ${c.createdAt} + ${payDays} END
  ) END`;
}

/** Status in the dashboard's reading order: waiting first, then trouble, then done. */
const statusRank = sql`CASE ${connections.status} WHEN 'pending' THEN 0 WHEN 'processing' THEN 1 WHEN 'error_no_account_setup' THEN 2
  WHEN 'error_permissions' THEN 3 WHEN 'reauth' THEN 4 WHEN 'connected' THEN 5 ELSE 6 END`;

function whereOf(f: ConnectionListFilter): SQL | undefined {
  // a multi-entity connection's further entities are rows of their own, never connections of the list
  const where: (SQL | undefined)[] = [eq(connections.applicationId, f.applicationId), isNull(connections.parentConnectionId)];
  if (f.search) {
    const pattern = `%${f.search.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    where.push(or(ilike(connections.customerName, pattern), ilike(connections.customerId, pattern)));
  }
  if (f.statuses) where.push(inArray(connections.status, f.statuses));
  if (f.authMethods) where.push(inArray(connections.authMethod, f.authMethods as ConnectionRow["authMethod"][]));
  for (const method of f.excludeAuthMethods ?? []) where.push(ne(connections.authMethod, method as ConnectionRow["authMethod"]));
  if (f.providerId) where.push(eq(connections.providerId, f.providerId));
  return and(...where);
}

function orderOf(f: ConnectionListFilter): SQL[] {
  const dir = f.order === "desc" ? desc : asc;
  switch (f.sort) {
    case "customer":
      return [dir(sql`lower(coalesce(${connections.customerName}, ${connections.customerId}, ''))`)];
    case "status":
      return [dir(statusRank)];
    case "expected":
      // connections awaiting nothing go last whichever the direction
      return [sql`${expectedAt(f.expected)} ${sql.raw(f.order === "desc" ? "DESC" : "ASC")} NULLS LAST`];
    case "created":
      return [dir(connections.createdAt)];
  }
}

/** One page of an application's connections (filtered, sorted) and the total that match. */
export async function listConnectionsOfApplication(db: Db, f: ConnectionListFilter): Promise<{ rows: ListedConnection[]; total: number }> {
  const where = whereOf(f);
  const rows = await db
    .select({ connection: connections, orgRetrievedAt: orgSnap.retrievedAt, payRetrievedAt: paySnap.retrievedAt })
    .from(connections)
    .leftJoin(orgSnap, eq(orgSnap.id, connections.orgSnapshotId))
    .leftJoin(paySnap, eq(paySnap.id, connections.paySnapshotId))
    .where(where)
    .orderBy(...orderOf(f), desc(connections.createdAt), asc(connections.id))
    .limit(f.limit)
    .offset(f.offset);
  const [total] = await db.select({ n: count() }).from(connections).where(where);
  return { rows, total: total?.n ?? 0 };
}

/** One connection of an application with its snapshots' pull dates; undefined when it belongs to another. */
export async function findConnectionOfApplication(
  db: Db,
  applicationId: string,
  connectionId: string,
): Promise<ListedConnection | undefined> {
  const [row] = await db
    .select({ connection: connections, orgRetrievedAt: orgSnap.retrievedAt, payRetrievedAt: paySnap.retrievedAt })
    .from(connections)
    .leftJoin(orgSnap, eq(orgSnap.id, connections.orgSnapshotId))
    .leftJoin(paySnap, eq(paySnap.id, connections.paySnapshotId))
    .where(and(eq(connections.applicationId, applicationId), eq(connections.id, connectionId)))
    .limit(1);
  return row;
}

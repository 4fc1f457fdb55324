import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "../client.js";
import { webhookDeliveries, webhookEndpoints } from "../schema/index.js";

/** A webhook endpoint row. */
export type WebhookEndpointRow = typeof webhookEndpoints.$inferSelect;

/** Insert an endpoint. */
export async function insertWebhookEndpoint(db: Db, row: typeof webhookEndpoints.$inferInsert): Promise<void> {
  await db.insert(webhookEndpoints).values(row);
}

/** An application's endpoints, oldest first. */
export async function listWebhookEndpoints(db: Db, applicationId: string): Promise<WebhookEndpointRow[]> {
  return db
    .select()
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.applicationId, applicationId))
    .orderBy(asc(webhookEndpoints.createdAt), asc(webhookEndpoints.id));
}

/** One endpoint of an application. */
export async function findWebhookEndpoint(db: Db, applicationId: string, id: string): Promise<WebhookEndpointRow | undefined> {
  const [row] = await db
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.applicationId, applicationId), eq(webhookEndpoints.id, id)));
  return row;
}

/** Change an endpoint. */
export async function updateWebhookEndpoint(db: Db, id: string, patch: Partial<typeof webhookEndpoints.$inferInsert>): Promise<void> {
  await db.update(webhookEndpoints).set(patch).where(eq(webhookEndpoints.id, id));
}

/** Delete an endpoint and its undelivered deliveries (delivered ones stay in the log of the events). */
export async function deleteWebhookEndpoint(db: Db, id: string): Promise<void> {
  await db.delete(webhookDeliveries).where(and(eq(webhookDeliveries.endpointId, id), eq(webhookDeliveries.state, "pending")));
  await db.delete(webhookEndpoints).where(eq(webhookEndpoints.id, id));
}

/** Make an endpoint's waiting deliveries due now (after re-enabling it). */
export async function resumeEndpointDeliveries(db: Db, id: string, now: Date): Promise<void> {
  await db
    .update(webhookDeliveries)
    .set({ nextAttemptAt: now, updatedAt: now })
    .where(
      and(
        eq(webhookDeliveries.endpointId, id),
        eq(webhookDeliveries.state, "pending"),
        sql`${webhookDeliveries.nextAttemptAt} > ${now.toISOString()}::timestamptz`,
      ),
    );
}

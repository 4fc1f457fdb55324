import { and, desc, eq, gt, inArray, lt, sql } from "drizzle-orm";
import type { Db } from "../client.js";
import { webhookAttempts, webhookDeliveries, webhookEvents } from "../schema/index.js";

/** A delivery claimed for sending, with what signing needs. */
export interface ClaimedDelivery {
  id: string;
  step: number;
  eventId: string;
  body: string;
  endpointId: string;
  url: string;
  secretSealed: string;
  previousSecretSealed: string | null;
  previousSecretExpiresAt: Date | null;
}

/** The result of one attempt, to be written with the others of its batch. */
export interface AttemptRecord {
  deliveryId: string;
  attemptedAt: Date;
  statusCode: number | null;
  latencyMs: number;
  responseExcerpt: string | null;
  error: string | null;
  state: string;
  step: number;
  nextAttemptAt: Date | null;
}

/** A webhook event row. */
export type WebhookEventRow = typeof webhookEvents.$inferSelect;
/** A delivery row. */
export type WebhookDeliveryRow = typeof webhookDeliveries.$inferSelect;
/** An attempt row. */
export type WebhookAttemptRow = typeof webhookAttempts.$inferSelect;

const rows = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;
const iso = (d: Date) => d.toISOString();

/**
 * Take up to `limit` domain events the fan-out has not taken yet (oldest first, through a partial index, so the cost
 * is the batch and not the table), mark them taken, publish the Finch-visible ones (`types`, or matching `jobPattern`)
 * as webhook envelopes with `msg_<event uuid hex>` as their stable id (an event of a further entity's row is the
 * connection's, with `entity_id` set; on multi-entity connections `entity_id` is always set, else null), and create a delivery per matching enabled
 * endpoint: one statement under a transaction-level advisory lock (call inside a transaction), so fan-outs run one
 * at a time and `seq` grows in the order events become visible. An event committed late is simply taken later.
 */
export async function fanOutEvents(
  tx: Db,
  opts: { now: Date; types: readonly string[]; jobPattern: string; limit: number },
): Promise<{ taken: number; events: number; deliveries: number }> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('linnet.webhooks.fan_out'))`);
  const types = JSON.stringify(opts.types);
  const now = iso(opts.now);
  const result = await tx.execute(sql`
    with batch as (
      select e.id from events e where e.fanned_out_at is null order by e.created_at, e.id limit ${opts.limit}
    ), taken as (
      update events e set fanned_out_at = ${now}::timestamptz from batch where e.id = batch.id
      returning e.id, e.type, e.application_id, e.connection_id, e.payload, e.created_at
    ), published as (
      insert into webhook_events (id, source_event_id, application_id, connection_id, event_type, body, is_test, created_at)
      select 'msg_' || replace(e.id::text, '-', ''), e.id, e.application_id, coalesce(c.parent_connection_id, e.connection_id), e.type,
        jsonb_build_object('company_id', coalesce(p.company_id, c.company_id), 'account_id', coalesce(p.account_id, c.account_id),
          'connection_id', coalesce(c.parent_connection_id, e.connection_id),
          'entity_id', case when c.parent_connection_id is not null
            or exists (select 1 from connections k where k.parent_connection_id = c.id) then c.entity_id end,
          'event_type', e.type, 'data', e.payload)::text,
        false, e.created_at
      from taken e left join connections c on c.id = e.connection_id left join connections p on p.id = c.parent_connection_id
      where e.type in (select jsonb_array_elements_text(${types}::jsonb)) or e.type ~ ${opts.jobPattern}
      order by e.created_at, e.id
      on conflict (source_event_id) do nothing
      returning id, application_id, event_type
    ), queued as (
      insert into webhook_deliveries (id, event_id, endpoint_id, application_id, state, attempts, step, next_attempt_at, created_at, updated_at)
      select gen_random_uuid(), p.id, ep.id, p.application_id, 'pending', 0, 0, ${now}::timestamptz, ${now}::timestamptz, ${now}::timestamptz
      from published p join webhook_endpoints ep on ep.application_id = p.application_id and ep.enabled
        and (jsonb_array_length(ep.event_types) = 0 or ep.event_types @> jsonb_build_array(p.event_type))
      returning id
    )
    select (select count(*) from taken)::int as taken, (select count(*) from published)::int as events, (select count(*) from queued)::int as deliveries`);
  const [row] = rows<{ taken: number; events: number; deliveries: number }>(result);
  return { taken: Number(row?.taken ?? 0), events: Number(row?.events ?? 0), deliveries: Number(row?.deliveries ?? 0) };
}

/** Store a test envelope (never listed) and one delivery of it to one endpoint, due now. */
export async function insertTestDelivery(
  db: Db,
  row: { eventId: string; deliveryId: string; applicationId: string; endpointId: string; body: string; now: Date },
): Promise<void> {
  const { eventId, deliveryId, applicationId, endpointId, body, now } = row;
  await db
    .insert(webhookEvents)
    .values({ id: eventId, applicationId, connectionId: null, eventType: "test", body, isTest: true, createdAt: now });
  await db.insert(webhookDeliveries).values({
    id: deliveryId,
    eventId,
    endpointId,
    applicationId,
    state: "pending",
    attempts: 0,
    step: 0,
    nextAttemptAt: now,
    createdAt: now,
    updatedAt: now,
  });
}

/**
 * Claim up to `limit` due deliveries of enabled endpoints: their `next_attempt_at` moves to `leaseUntil`, so nobody
 * else takes them meanwhile, and a crash only delays them until the lease ends (SKIP LOCKED keeps workers apart).
 */
export async function claimDueDeliveries(db: Db, opts: { now: Date; leaseUntil: Date; limit: number }): Promise<ClaimedDelivery[]> {
  const result = await db.execute(sql`
    update webhook_deliveries d set next_attempt_at = ${iso(opts.leaseUntil)}::timestamptz
    from (
      select d2.id from webhook_deliveries d2 join webhook_endpoints e2 on e2.id = d2.endpoint_id
      where d2.state = 'pending' and d2.next_attempt_at <= ${iso(opts.now)}::timestamptz and e2.enabled
      order by d2.next_attempt_at
      limit ${opts.limit}
      for update of d2 skip locked
    ) due, webhook_events ev, webhook_endpoints ep
    where d.id = due.id and ev.id = d.event_id and ep.id = d.endpoint_id
    returning d.id, d.step, d.event_id as "eventId", ev.body, ep.id as "endpointId", ep.url, ep.secret_sealed as "secretSealed",
      ep.previous_secret_sealed as "previousSecretSealed", ep.previous_secret_expires_at as "previousSecretExpiresAt"`);
  return rows<ClaimedDelivery & { previousSecretExpiresAt: Date | string | null }>(result).map((r) => ({
    ...r,
    step: Number(r.step),
    previousSecretExpiresAt: r.previousSecretExpiresAt ? new Date(r.previousSecretExpiresAt) : null,
  }));
}

/** Write a batch of attempts and move their deliveries, in two statements. */
export async function recordAttempts(db: Db, records: AttemptRecord[], now: Date): Promise<void> {
  if (records.length === 0) return;
  const json = JSON.stringify(records);
  await db.execute(sql`
    insert into webhook_attempts (delivery_id, attempted_at, status_code, latency_ms, response_excerpt, error)
    select x."deliveryId", x."attemptedAt", x."statusCode", x."latencyMs", x."responseExcerpt", x.error
    from jsonb_to_recordset(${json}::jsonb) as x("deliveryId" uuid, "attemptedAt" timestamptz, "statusCode" int, "latencyMs" int, "responseExcerpt" text, error text)`);
  await db.execute(sql`
    update webhook_deliveries d set state = x.state, step = x.step, next_attempt_at = x."nextAttemptAt",
      attempts = d.attempts + 1, last_status_code = x."statusCode", updated_at = ${iso(now)}::timestamptz
    from jsonb_to_recordset(${json}::jsonb) as x("deliveryId" uuid, state text, step int, "nextAttemptAt" timestamptz, "statusCode" int)
    where d.id = x."deliveryId"`);
}

/**
 * Endpoint health after a batch: a success clears `failing_since`; a failure starts it if unset. Endpoints failing
 * since before `disableBefore` are disabled with `reason`; their ids are returned.
 */
export async function updateEndpointHealth(
  db: Db,
  opts: { succeeded: string[]; failed: string[]; failedAt: Date; disableBefore: Date; reason: (since: string) => string },
): Promise<string[]> {
  const succeeded = JSON.stringify(opts.succeeded);
  const failed = JSON.stringify(opts.failed.filter((id) => !opts.succeeded.includes(id)));
  if (opts.succeeded.length) {
    await db.execute(sql`update webhook_endpoints set failing_since = null
      where failing_since is not null and id in (select (jsonb_array_elements_text(${succeeded}::jsonb))::uuid)`);
  }
  if (failed === "[]") return [];
  const result = await db.execute(sql`
    update webhook_endpoints set failing_since = coalesce(failing_since, ${iso(opts.failedAt)}::timestamptz)
    where id in (select (jsonb_array_elements_text(${failed}::jsonb))::uuid)
    returning id, failing_since as "failingSince", enabled`);
  const disabled: string[] = [];
  for (const row of rows<{ id: string; failingSince: string | Date; enabled: boolean }>(result)) {
    const since = new Date(row.failingSince);
    if (!row.enabled || since > opts.disableBefore) continue;
    await db.execute(sql`update webhook_endpoints set enabled = false, disabled_reason = ${opts.reason(since.toISOString())},
      updated_at = ${iso(opts.failedAt)}::timestamptz where id = ${row.id}::uuid and enabled`);
    disabled.push(row.id);
  }
  return disabled;
}

/** One page of an endpoint's deliveries, newest event first, with their events. */
export async function listEndpointDeliveries(db: Db, endpointId: string, opts: { beforeSeq: number | null; limit: number }) {
  return db
    .select({
      delivery: webhookDeliveries,
      event: { id: webhookEvents.id, seq: webhookEvents.seq, eventType: webhookEvents.eventType, createdAt: webhookEvents.createdAt },
    })
    .from(webhookDeliveries)
    .innerJoin(webhookEvents, eq(webhookEvents.id, webhookDeliveries.eventId))
    .where(and(eq(webhookDeliveries.endpointId, endpointId), opts.beforeSeq === null ? undefined : lt(webhookEvents.seq, opts.beforeSeq)))
    .orderBy(desc(webhookEvents.seq))
    .limit(opts.limit);
}

/** The attempts of some deliveries, newest first. */
export async function listAttemptsOf(db: Db, deliveryIds: string[]): Promise<WebhookAttemptRow[]> {
  if (deliveryIds.length === 0) return [];
  return db
    .select()
    .from(webhookAttempts)
    .where(inArray(webhookAttempts.deliveryId, deliveryIds))
    .orderBy(desc(webhookAttempts.attemptedAt), desc(webhookAttempts.id));
}

/** One delivery of an application. */
export async function findDelivery(db: Db, applicationId: string, id: string): Promise<WebhookDeliveryRow | undefined> {
  const [row] = await db
    .select()
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.applicationId, applicationId), eq(webhookDeliveries.id, id)));
  return row;
}

/** Make a delivery pending and due now, with its backoff restarted. */
export async function requeueDelivery(db: Db, id: string, now: Date): Promise<void> {
  await db
    .update(webhookDeliveries)
    .set({ state: "pending", step: 0, nextAttemptAt: now, updatedAt: now })
    .where(eq(webhookDeliveries.id, id));
}

/** An application's listed (non-test) events: newest first before `beforeSeq`, or oldest first after `afterSeq`. */
export async function listApplicationEvents(
  db: Db,
  applicationId: string,
  opts: { order: "newest" | "oldest"; cursor: number | null; limit: number; type?: string },
): Promise<WebhookEventRow[]> {
  const page =
    opts.cursor === null ? undefined : opts.order === "newest" ? lt(webhookEvents.seq, opts.cursor) : gt(webhookEvents.seq, opts.cursor);
  return db
    .select()
    .from(webhookEvents)
    .where(
      and(
        eq(webhookEvents.applicationId, applicationId),
        eq(webhookEvents.isTest, false),
        page,
        opts.type ? eq(webhookEvents.eventType, opts.type) : undefined,
      ),
    )
    .orderBy(opts.order === "newest" ? desc(webhookEvents.seq) : webhookEvents.seq)
    .limit(opts.limit);
}

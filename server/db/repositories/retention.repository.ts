import { sql } from "drizzle-orm";
import type { Db } from "../client.js";

const rows = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

/**
 * Delete up to `limit` webhook envelopes created before `before`, with their deliveries and attempts, in one
 * statement. An envelope that still has a pending delivery to an enabled endpoint is kept (it is backlog, not
 * history); pending deliveries to a disabled endpoint go with their envelope. Returns the envelopes deleted.
 */
export async function pruneWebhookEnvelopes(db: Db, opts: { before: Date; limit: number }): Promise<number> {
  const result = await db.execute(sql`
    with old as (
      select w.id from webhook_events w
      where w.created_at < ${opts.before.toISOString()}::timestamptz
        and not exists (
          select 1 from webhook_deliveries d join webhook_endpoints ep on ep.id = d.endpoint_id
          where d.event_id = w.id and d.state = 'pending' and ep.enabled)
      order by w.created_at
      limit ${opts.limit}
    ), gone_deliveries as (
      delete from webhook_deliveries d using old where d.event_id = old.id returning d.id
    ), gone_attempts as (
      delete from webhook_attempts a using gone_deliveries g where a.delivery_id = g.id returning 1
    ), gone as (
      delete from webhook_events w using old where w.id = old.id returning 1
    )
    select (select count(*) from gone)::int as n, (select count(*) from gone_attempts)::int as attempts`);
  return Number(rows<{ n: number }>(result)[0]?.n ?? 0);
}

/** Delete up to `limit` domain events created before `before` that the webhook fan-out has already taken. */
export async function pruneDomainEvents(db: Db, opts: { before: Date; limit: number }): Promise<number> {
  const result = await db.execute(sql`
    with old as (
      select e.id from events e
      where e.created_at < ${opts.before.toISOString()}::timestamptz and e.fanned_out_at is not null
      order by e.created_at
      limit ${opts.limit}
    ), gone as (delete from events e using old where e.id = old.id returning 1)
    select count(*)::int as n from gone`);
  return Number(rows<{ n: number }>(result)[0]?.n ?? 0);
}

import { sql } from "drizzle-orm";
import type { Db } from "../client.js";

/** What a data-change diff needs: whose events, which two snapshots, and when. */
export interface SnapshotDiffInput {
  applicationId: string;
  connectionId: string;
  /** The snapshot being replaced. */
  previousSnapshotId: string;
  /** The snapshot being published. */
  snapshotId: string;
  createdAt: Date;
}

function affected(result: unknown): number {
  const r = result as { rowCount?: number | null; affectedRows?: number };
  return Number(r.rowCount ?? r.affectedRows ?? 0);
}

/** (kind, id, json) of an org snapshot's records: its company, and each person's three records (one org_people row). */
function orgRecordsOf(snapshotId: string) {
  return sql`
    select kind, id, json from snapshot_records where snapshot_id = ${snapshotId}::uuid and kind = 'company'
    union all
    select r.kind, p.id, r.json from org_people p
      cross join lateral (values ('directory', p.directory), ('individual', p.individual), ('employment', p.employment)) as r(kind, json)
    where p.snapshot_id = ${snapshotId}::uuid`;
}

/**
 * Org group: compare company, directory, individual and employment records of two snapshots by stable id, set-wise,
 * and insert one event per created / updated / deleted record (`<kind>.<change>` with `{individual_id}`; the company
 * only ever gives `company.updated` with `{}`). Records are the served JSON text, so equal text means equal content.
 */
export async function insertOrgChangeEvents(db: Db, input: SnapshotDiffInput): Promise<number> {
  const { applicationId, connectionId, previousSnapshotId, snapshotId, createdAt } = input;
  const result = await db.execute(sql`
    insert into events (id, type, application_id, connection_id, payload, created_at)
    select gen_random_uuid(),
      case when d.kind = 'company' then 'company.updated' else d.kind || '.' || d.change end,
      ${applicationId}::uuid, ${connectionId}::uuid,
      case when d.kind = 'company' then '{}'::jsonb else jsonb_build_object('individual_id', d.id) end,
      ${createdAt.toISOString()}::timestamptz
    from (
      select coalesce(n.kind, o.kind) as kind, coalesce(n.id, o.id) as id,
        case when o.id is null then 'created' when n.id is null then 'deleted' else 'updated' end as change
      from (${orgRecordsOf(snapshotId)}) n
      full join (${orgRecordsOf(previousSnapshotId)}) o
        on o.kind = n.kind and o.id = n.id
      where n.json is distinct from o.json
    ) d`);
  return affected(result);
}

/**
 * Pay group: payments compared by stable id (`payment.*` with `{payment_id, pay_date}`), pay statements by
 * (payment, individual) (`pay_statement.*` with `{payment_id, individual_id}`), set-wise.
 */
export async function insertPayChangeEvents(db: Db, input: SnapshotDiffInput): Promise<number> {
  const { applicationId, connectionId, previousSnapshotId, snapshotId, createdAt } = input;
  const at = createdAt.toISOString();
  const payments = await db.execute(sql`
    insert into events (id, type, application_id, connection_id, payload, created_at)
    select gen_random_uuid(), 'payment.' || d.change, ${applicationId}::uuid, ${connectionId}::uuid,
      jsonb_build_object('payment_id', d.id, 'pay_date', d.pay_date), ${at}::timestamptz
    from (
      select coalesce(n.id, o.id) as id, coalesce(n.sort_key, o.sort_key) as pay_date,
        case when o.id is null then 'created' when n.id is null then 'deleted' else 'updated' end as change
      from (select id, sort_key, json from snapshot_records where snapshot_id = ${snapshotId}::uuid and kind = 'payment') n
      full join (select id, sort_key, json from snapshot_records where snapshot_id = ${previousSnapshotId}::uuid and kind = 'payment') o
        on o.id = n.id
      where n.json is distinct from o.json
    ) d`);
  const statements = await db.execute(sql`
    insert into events (id, type, application_id, connection_id, payload, created_at)
    select gen_random_uuid(), 'pay_statement.' || d.change, ${applicationId}::uuid, ${connectionId}::uuid,
      jsonb_build_object('payment_id', d.payment_id, 'individual_id', d.individual_id), ${at}::timestamptz
    from (
      select distinct coalesce(n.parent_id, o.parent_id) as payment_id, coalesce(n.individual_id, o.individual_id) as individual_id,
        case when o.parent_id is null then 'created' when n.parent_id is null then 'deleted' else 'updated' end as change
      from (select parent_id, json::json ->> 'individual_id' as individual_id, json from snapshot_records
            where snapshot_id = ${snapshotId}::uuid and kind = 'pay_statement') n
      full join (select parent_id, json::json ->> 'individual_id' as individual_id, json from snapshot_records
            where snapshot_id = ${previousSnapshotId}::uuid and kind = 'pay_statement') o
        on o.parent_id = n.parent_id and o.individual_id = n.individual_id
      where n.json is distinct from o.json
    ) d`);
  return affected(payments) + affected(statements);
}

import type { Payment, PayStatement } from "../../../contracts/finch/employer.js";
import type { PaymentInput, PaySnapshotInput } from "../../../contracts/linnet/snapshot-input.js";
import {
  copyItemRows,
  insertItemRows,
  insertItemRowsFromStatements,
  itemsRecorded,
  markItemsRecorded,
} from "../../db/repositories/pay-statement-items.repository.js";
import { copyPayRecords, insertRecords, type SnapshotRecordInsert } from "../../db/repositories/snapshots.repository.js";
import type { Deps } from "../deps.js";
import { FinchError, ok, type Result } from "../errors.js";
import { beginPublish, type StagedSnapshot } from "./begin-publish.js";
import { PayItemCollector } from "./pay-item-collector.js";
import { StableIds } from "./stable-ids.js";

/** Pay data to publish: payments may be streamed (a large history does not fit in memory at once). */
export interface PayPublishInput {
  pay_groups: PaySnapshotInput["pay_groups"];
  payments: Iterable<PaymentInput> | AsyncIterable<PaymentInput>;
  /**
   * `replace` (default): the input is the whole pay history. `merge`: the input adds to the current snapshot
   * (a weekly upload holds only the new payrolls); payments with a known source id replace their old version,
   * and the current pay groups are kept when the input has none.
   */
  mode?: "replace" | "merge";
}

/** Rows buffered before a bulk insert (a few tens of MB of JSON at most). */
const FLUSH_AT = 20_000;

/**
 * Write pay data for a connection as a new immutable snapshot, inside the publish transaction (`deps.db`). People are
 * referenced by source id and must already be known to the connection (published in an org snapshot), so pay
 * statements always point at real individuals. Nothing points at the snapshot yet (`completePublish` does that).
 */
export async function stagePaySnapshot(deps: Deps, connectionId: string, input: PayPublishInput): Promise<Result<StagedSnapshot>> {
  const tx = deps.db;
  const begun = await beginPublish(tx, connectionId, "pay");
  if (!begun.ok) return begun;
  const { connection, snapshotId, version } = begun.value;
  const people = await StableIds.load(tx, connectionId, "individual");
  const paymentIds = await StableIds.load(tx, connectionId, "payment");
  const groupIds = await StableIds.load(tx, connectionId, "pay_group");
  const person = (sourceId: string, where: string) => {
    const id = people.existing(sourceId);
    if (!id) throw new FinchError("invalid_request", `${where}: unknown person "${sourceId}" (publish organization data first)`);
    return id;
  };
  const buffer: SnapshotRecordInsert[] = [];
  const flush = async (force: boolean) => {
    if (force || buffer.length >= FLUSH_AT) await insertRecords(tx, buffer.splice(0));
  };
  const copied = { payments: 0, statements: 0, groups: 0 };
  // the snapshot's distinct pay statement items, per payment, recorded with it (GET /employer/pay-statement-item)
  const items = new PayItemCollector(snapshotId);
  if (input.mode === "merge" && connection.paySnapshotId) {
    // materialize the input first: the replaced payments must be known before copying the rest
    const list: PaymentInput[] = [];
    for await (const p of input.payments) list.push(p);
    input = { ...input, payments: list };
    const replaced = list.map((p) => paymentIds.existing(p.source_id)).filter((id): id is string => Boolean(id));
    Object.assign(copied, await copyPayRecords(tx, connection.paySnapshotId, snapshotId, replaced, input.pay_groups.length === 0));
    // the copied payments' items: carried forward, or computed once from the copied statements for a snapshot
    // published before items were recorded
    if (await itemsRecorded(tx, connection.paySnapshotId)) await copyItemRows(tx, connection.paySnapshotId, snapshotId, replaced);
    else await insertItemRowsFromStatements(tx, snapshotId);
  }
  input.pay_groups.forEach((g, position) => {
    const id = groupIds.idOf(g.source_id);
    const individualIds = g.individual_source_ids.map((s) => person(s, `pay_groups "${g.source_id}"`));
    buffer.push({
      snapshotId,
      kind: "pay_group",
      position,
      id,
      json: JSON.stringify({ id, name: g.name, pay_frequencies: g.pay_frequencies, individual_ids: individualIds }),
    });
  });
  let paymentPosition = copied.payments;
  let statementPosition = copied.statements;
  const seenPayments = new Set<string>();
  for await (const p of input.payments) {
    if (seenPayments.has(p.source_id)) throw new FinchError("invalid_request", `payments: duplicate source_id "${p.source_id}"`);
    seenPayments.add(p.source_id);
    const id = paymentIds.idOf(p.source_id);
    const where = `payment "${p.source_id}"`;
    const individualIds = [...new Set(p.pay_statements.map((s) => person(s.individual_source_id, where)))];
    const { source_id: _s, pay_group_source_ids, pay_statements, ...fields } = p;
    const payment: Payment = {
      id,
      ...fields,
      individual_ids: individualIds,
      pay_group_ids: pay_group_source_ids.map((g) => groupIds.idOf(g)),
    };
    buffer.push({
      snapshotId,
      kind: "payment",
      position: paymentPosition++,
      id,
      sortKey: p.pay_date ?? null,
      json: JSON.stringify(payment),
    });
    for (const s of pay_statements) {
      const { individual_source_id, ...statementFields } = s;
      const statement: PayStatement = { individual_id: person(individual_source_id, where), ...statementFields };
      buffer.push({ snapshotId, kind: "pay_statement", position: statementPosition++, parentId: id, json: JSON.stringify(statement) });
      items.addStatement(statement);
    }
    items.endPayment(id, p.pay_date ?? null);
    await flush(false);
  }
  await flush(true);
  await insertItemRows(tx, items.collected());
  await markItemsRecorded(tx, snapshotId);
  const counts = { pay_groups: input.pay_groups.length + copied.groups, payments: paymentPosition, pay_statements: statementPosition };
  await paymentIds.flush(tx);
  await groupIds.flush(tx);
  const summary = `${counts.payments} payments, ${counts.pay_statements} pay statements`;
  return ok({ connection, snapshot: { id: snapshotId, group: "pay" as const, version, counts, summary } });
}

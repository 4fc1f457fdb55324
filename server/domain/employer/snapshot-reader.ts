import type { Db } from "../../db/client.js";
import { allRecords, childPage, countChildren, type RecordRow } from "../../db/repositories/snapshots.repository.js";
import { RecordCache } from "./record-cache.js";

/** All records of one kind of one snapshot, in order, with an index by id. */
export interface RecordSet {
  rows: RecordRow[];
  byId: Map<string, RecordRow>;
}

/** Reads immutable snapshot records through a shared in-memory cache. */
export class SnapshotReader {
  private readonly cache: RecordCache<RecordSet>;
  constructor(maxBytes = 256 * 1024 * 1024) {
    this.cache = new RecordCache(maxBytes);
  }

  private static toSet(rows: RecordRow[]): { value: RecordSet; bytes: number } {
    const byId = new Map<string, RecordRow>();
    let bytes = 0;
    for (const r of rows) {
      if (r.id) byId.set(r.id, r);
      bytes += r.json.length * 2 + (r.sealed?.length ?? 0) * 2 + 120;
    }
    return { value: { rows, byId }, bytes };
  }

  /** Every record of a kind (company, directory, individual, employment, payment, pay_group). */
  kind(db: Db, snapshotId: string, kind: string): Promise<RecordSet> {
    return this.cache.load(`${snapshotId}:${kind}`, async () => SnapshotReader.toSet(await allRecords(db, snapshotId, kind)));
  }

  private readonly childCounts = new Map<string, number>();

  /**
   * One page of a parent's children (pay statements of a payment) with their total. A payment can hold thousands
   * of statements (megabytes), so pages are read through the index rather than the whole payment being cached;
   * only the totals, which never change, are remembered.
   */
  async childPage(db: Db, snapshotId: string, kind: string, parentId: string, offset: number, limit: number): Promise<{ count: number; items: string[] }> {
    const key = `${snapshotId}:${kind}:${parentId}`;
    let total = this.childCounts.get(key);
    if (total === undefined) {
      total = await countChildren(db, snapshotId, kind, parentId);
      if (this.childCounts.size > 100_000) this.childCounts.clear();
      this.childCounts.set(key, total);
    }
    const items = offset < total ? await childPage(db, snapshotId, kind, parentId, offset, limit) : [];
    return { count: total, items };
  }
}

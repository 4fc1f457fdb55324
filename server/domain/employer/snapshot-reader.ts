import type { Db } from "../../db/client.js";
import { allRecords, childRecords, type RecordRow } from "../../db/repositories/snapshots.repository.js";
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

  /** The children of one parent (the pay statements of a payment). */
  children(db: Db, snapshotId: string, kind: string, parentId: string): Promise<RecordSet> {
    return this.cache.load(`${snapshotId}:${kind}:${parentId}`, async () => SnapshotReader.toSet(await childRecords(db, snapshotId, kind, parentId)));
  }
}

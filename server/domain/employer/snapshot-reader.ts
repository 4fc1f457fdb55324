import type { Db } from "../../db/client.js";
import { allRecords, childPage, countChildren, type RecordRow } from "../../db/repositories/snapshots.repository.js";
import { RecordCache } from "./record-cache.js";

/** All records of one kind of one snapshot, in order, with an index by id. */
export interface RecordSet {
  rows: RecordRow[];
  byId: Map<string, RecordRow>;
}

/**
 * All records of one kind as one UTF-8 buffer, `,`-joined, with each record's byte offset: a page is then a slice
 * of bytes, sent without re-joining or re-encoding strings on every request (the directory is the hottest read).
 */
export interface JoinedRecords {
  bytes: Buffer;
  /** starts[i] = byte offset of record i; starts[count] = bytes.length + 1 (as if a separator followed the last). */
  starts: Uint32Array;
  count: number;
}

/** Reads immutable snapshot records through a shared in-memory cache. */
export class SnapshotReader {
  private readonly cache: RecordCache<RecordSet>;
  constructor(maxBytes = 256 * 1024 * 1024) {
    this.cache = new RecordCache(maxBytes);
    this.joinedCache = new RecordCache(maxBytes / 4);
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

  /** The records of a kind joined into one buffer (see JoinedRecords); cached beside the record set. */
  joined(db: Db, snapshotId: string, kind: string): Promise<JoinedRecords> {
    return this.joinedCache.load(`${snapshotId}:${kind}`, async () => {
      const { rows } = await this.kind(db, snapshotId, kind);
      const starts = new Uint32Array(rows.length + 1);
      let offset = 0;
      rows.forEach((r, i) => {
        starts[i] = offset;
        offset += Buffer.byteLength(r.json) + 1;
      });
      starts[rows.length] = offset;
      const bytes = Buffer.from(rows.map((r) => r.json).join(","));
      return { value: { bytes, starts, count: rows.length }, bytes: bytes.length + starts.byteLength };
    });
  }

  private readonly joinedCache: RecordCache<JoinedRecords>;

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

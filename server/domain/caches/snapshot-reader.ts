import type { Db } from "../../db/client.js";
import { allRecords, childPage, countChildren, type RecordRow, recordsByIds } from "../../db/repositories/snapshots.repository.js";
import { type ElementIndex, packElements } from "./element-index.js";
import { type DeflatedPiece, deflatePiece } from "./gzip-pieces.js";
import { RecordCache } from "./record-cache.js";
import type { Soon } from "./soon.js";

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

/** The elements of a people batch answer for the records of one kind (see `SnapshotReader.batchElements`). */
export interface BatchElements {
  /** Every element's UTF-8 bytes, back to back (a plain Uint8Array: `subarray` on it is cheaper than on a Buffer). */
  bytes: Uint8Array;
  /** Where in `bytes` each record's element is, by id. */
  index: ElementIndex;
}

/** One page of a parent's children, its items already `,`-joined as UTF-8 bytes, with the parent's total. */
export interface ChildPageBytes {
  count: number;
  /** The page's items joined by `,` (empty when the page is past the end). */
  bytes: Buffer;
}

/**
 * Reads immutable snapshot records through shared in-memory caches, all bounded by bytes: whole kinds (three eighths
 * of `maxBytes`), their joined buffers (an eighth), batch elements (a quarter), pages of children such as pay
 * statements (three sixteenths) and those pages compressed for gzip answers (a sixteenth: they are about a tenth of
 * the size).
 */
export class SnapshotReader {
  private readonly cache: RecordCache<RecordSet>;
  constructor(maxBytes = 256 * 1024 * 1024) {
    // batch elements get a quarter: a 50,000-person company's individuals (about 29 MB) then fit the default budget
    this.cache = new RecordCache((maxBytes * 3) / 8);
    this.joinedCache = new RecordCache(maxBytes / 8);
    this.elementCache = new RecordCache(maxBytes / 4);
    this.pageCache = new RecordCache((maxBytes * 3) / 16);
    this.deflatedPageCache = new RecordCache(maxBytes / 16);
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

  /** The records of a kind joined into one buffer (see JoinedRecords); cached beside the record set; at once when cached. */
  joined(db: Db, snapshotId: string, kind: string): Soon<JoinedRecords> {
    return this.joinedCache.lookup(`${snapshotId}:${kind}`, async () => {
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

  private readonly elementCache: RecordCache<BatchElements>;

  /**
   * Each record of a kind as the UTF-8 bytes of its element in a people batch answer,
   * `{"individual_id":"…","code":200,"body":{…}}`: a batch of 100 is then 100 copies of stored bytes into one buffer,
   * with no string building or encoding per request.
   */
  batchElements(db: Db, snapshotId: string, kind: string): Promise<BatchElements> {
    return this.elementCache.load(`${snapshotId}:${kind}`, async () => {
      const value = toBatchElements((await this.kind(db, snapshotId, kind)).rows);
      return { value, bytes: value.bytes.length + value.index.byteLength };
    });
  }

  /** Kinds whose elements are larger than their share of the cache (a very large company, or a small cache). */
  private readonly oversized = new Set<string>();

  /**
   * The batch elements of these ids. A kind whose elements fit the cache is built once and kept (`batchElements`);
   * one too large for it (seen once, then remembered) is read by one indexed query for just these ids, so a request
   * on a 50,000-person company never reads the whole snapshot again because the cache could not keep it.
   */
  batchElementsFor(db: Db, snapshotId: string, kind: string, ids: string[]): Soon<BatchElements> {
    const key = `${snapshotId}:${kind}`;
    if (this.oversized.has(key)) return recordsByIds(db, snapshotId, kind, [...new Set(ids)]).then(toBatchElements);
    const cached = this.elementCache.get(key);
    if (cached !== undefined) return cached; // at once: no promise for the common case
    return this.batchElements(db, snapshotId, kind).then((all) => {
      if (this.elementCache.get(key) === undefined) this.markOversized(key); // refused: bigger than the budget
      return all;
    });
  }

  /** Records of a kind by id: from the cached kind when it fits, else one query for just these ids (see above). */
  async recordsFor(db: Db, snapshotId: string, kind: string, ids: string[]): Promise<Map<string, RecordRow>> {
    const key = `${snapshotId}:${kind}:records`;
    if (!this.oversized.has(key)) {
      const set = await this.kind(db, snapshotId, kind);
      if (this.cache.get(`${snapshotId}:${kind}`) === undefined) this.markOversized(key);
      return set.byId;
    }
    const rows = await recordsByIds(db, snapshotId, kind, [...new Set(ids)]);
    return new Map(rows.filter((r) => r.id !== null).map((r) => [r.id!, r]));
  }

  private readonly payDateCache = new RecordCache<Map<string, string | null>>(8 * 1024 * 1024);

  /**
   * Each payment's id and pay date: what a pay-statement batch needs to know of its payments. Kept apart from the
   * payment records, which list every individual paid (about 2 MB each at 50,000 people) and may be too large for
   * the record cache: the batch would otherwise read all of them on every request.
   */
  payDates(db: Db, snapshotId: string): Promise<Map<string, string | null>> {
    return this.payDateCache.load(snapshotId, async () => {
      const dates = new Map<string, string | null>();
      for (const r of await allRecords(db, snapshotId, "payment")) {
        if (r.id !== null) dates.set(r.id, (JSON.parse(r.json) as { pay_date: string | null }).pay_date);
      }
      return { value: dates, bytes: dates.size * 120 };
    });
  }

  private markOversized(key: string): void {
    if (this.oversized.size > 10_000) this.oversized.clear(); // keys of old snapshots: forgetting costs one full read
    this.oversized.add(key);
  }

  private readonly childCounts = new Map<string, number>();

  private readonly pageCache: RecordCache<ChildPageBytes>;

  /**
   * A page of children as joined bytes, cached by snapshot, parent, offset and limit: the pages apps ask for (the
   * first of each payment, mostly) are then one buffer copy, not an index scan and a join per request.
   */
  childPageBytes(db: Db, snapshotId: string, kind: string, parentId: string, offset: number, limit: number): Soon<ChildPageBytes> {
    return this.pageCache.lookup(`${snapshotId}:${kind}:${parentId}:${offset}:${limit}`, async () => {
      const page = await this.childPage(db, snapshotId, kind, parentId, offset, limit);
      const bytes = Buffer.from(page.items.join(","));
      return { value: { count: page.count, bytes }, bytes: bytes.length + 200 };
    });
  }

  private readonly deflatedPageCache: RecordCache<{ count: number; piece: DeflatedPiece }>;

  /**
   * The same page inside the bytes `wrap` puts around it (for a pay-statement answer: the element's head and
   * close, which follow from the key and the page's total), compressed once as a piece of a gzip answer and cached
   * under the page's key: a gzip answer is then its cached pieces put together, with nothing compressed per request.
   * `wrap` must depend on nothing but its arguments (one caller, read-pay.ts). A hit is answered at once.
   */
  childPageDeflated(
    db: Db,
    snapshotId: string,
    kind: string,
    parentId: string,
    offset: number,
    limit: number,
    wrap: (parentId: string, offset: number, count: number) => { before: string; after: string },
  ): Soon<{ count: number; piece: DeflatedPiece }> {
    return this.deflatedPageCache.lookup(`${snapshotId}:${kind}:${parentId}:${offset}:${limit}`, async () => {
      const page = await this.childPageBytes(db, snapshotId, kind, parentId, offset, limit);
      const { before, after } = wrap(parentId, offset, page.count);
      const piece = await deflatePiece(Buffer.concat([Buffer.from(before), page.bytes, Buffer.from(after)]));
      return { value: { count: page.count, piece }, bytes: piece.deflated.length + 200 };
    });
  }

  /**
   * One page of a parent's children (pay statements of a payment) with their total. A payment can hold thousands
   * of statements (megabytes), so pages are read through the index rather than the whole payment being cached;
   * only the totals, which never change, are remembered.
   */
  async childPage(
    db: Db,
    snapshotId: string,
    kind: string,
    parentId: string,
    offset: number,
    limit: number,
  ): Promise<{ count: number; items: string[] }> {
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

/** The batch elements of some records: their bytes back to back, indexed by id (the first of a repeated id). */
function toBatchElements(rows: RecordRow[]): BatchElements {
  return packElements(
    rows.map((r) => (r.id === null ? "" : elementText(r))),
    rows.map((r) => r.id),
  );
}

/** A record as its element of a people batch answer: `{"individual_id":"…","code":200,"body":{…}}`. */
function elementText(r: RecordRow): string {
  return `{"individual_id":${JSON.stringify(r.id)},"code":200,"body":${r.json}}`;
}

import type { Db } from "../../db/client.js";
import { findSnapshot, type SnapshotRow } from "../../db/repositories/snapshots.repository.js";

/**
 * What is worked out once per snapshot and then reused by every answer from it: the `Finch-Data-Retrieved` value
 * and the ETags already computed (the same snapshot and URL always give the same tag; hot pages are asked for again
 * and again). Keyed by the snapshot row, which `row` keeps one object per snapshot.
 */
export interface SnapshotAnswers {
  retrieved: string;
  etags: Map<string, string>;
  /** The headers every answer from the snapshot carries, by the connection row they were made for. */
  headers: WeakMap<object, readonly Header[]>;
}

/** A response header: name and value. */
export type Header = readonly [name: string, value: string];

/**
 * Per-process memo of snapshot rows and of what answers from them reuse. Both are immutable, so nothing is ever
 * invalidated; both are bounded (beyond the bound a memo starts afresh).
 */
export class SnapshotRowCache {
  private readonly rows = new Map<string, SnapshotRow>();
  private answers = new WeakMap<SnapshotRow, SnapshotAnswers>();
  private etagCount = 0;

  constructor(
    /** Most snapshot rows kept. */
    private readonly maxRows = 10_000,
    /** Most ETags remembered over all snapshots. */
    private readonly maxEtags = 50_000,
  ) {}

  /** A snapshot row when it has been read already (no lookup). */
  cachedRow(id: string): SnapshotRow | undefined {
    return this.rows.get(id);
  }

  /** A snapshot row, read once. */
  async row(db: Db, id: string): Promise<SnapshotRow | undefined> {
    const hit = this.rows.get(id);
    if (hit) return hit;
    const row = await findSnapshot(db, id);
    if (row) {
      if (this.rows.size > this.maxRows) this.rows.clear();
      this.rows.set(id, row);
    }
    return row;
  }

  /** The snapshot's memo of answers. */
  answersOf(snapshot: SnapshotRow): SnapshotAnswers {
    let a = this.answers.get(snapshot);
    if (!a) {
      a = { retrieved: snapshot.retrievedAt.toISOString(), etags: new Map(), headers: new WeakMap() };
      this.answers.set(snapshot, a);
    }
    return a;
  }

  /**
   * The headers every answer from a snapshot carries for a connection: remembered per connection row (a cached row
   * is replaced, never changed, when the connection changes), or made by `make` once.
   */
  headersOf(a: SnapshotAnswers, connection: object, make: () => readonly Header[]): readonly Header[] {
    let headers = a.headers.get(connection);
    if (!headers) {
      headers = make();
      a.headers.set(connection, headers);
    }
    return headers;
  }

  /** The ETag of `key` on a snapshot: remembered, or made by `make` once. */
  etagOf(a: SnapshotAnswers, key: string, make: () => string): string {
    let etag = a.etags.get(key);
    if (etag === undefined) {
      etag = make();
      if (++this.etagCount > this.maxEtags) {
        this.answers = new WeakMap();
        this.etagCount = 0;
      }
      a.etags.set(key, etag);
    }
    return etag;
  }
}

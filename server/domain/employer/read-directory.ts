import type { SnapshotRow } from "../../db/repositories/snapshots.repository.js";
import type { JoinedRecords, SnapshotReader } from "../caches/snapshot-reader.js";
import { type Soon, thenSoon } from "../caches/soon.js";
import type { Deps } from "../deps.js";

/** A directory page as three pieces: its header, a view of the snapshot's joined bytes (no copy), and `]}`. */
export interface DirectoryPageParts {
  head: string;
  records: Buffer;
  tail: string;
  /** The page's length in bytes. */
  length: number;
}

/**
 * One page of the directory as served JSON: `{ paging: { count, offset }, individuals: [...] }`, in pieces. The
 * records are a view into the snapshot's joined directory buffer, so a page copies and encodes nothing until it is
 * written: the fast path writes the pieces as they are, saving a page-sized allocation per request. At once (no
 * promise) when the joined buffer is cached, as it is for every page after a snapshot's first.
 */
export function readDirectoryPageParts(
  deps: Pick<Deps, "db"> & { reader: SnapshotReader },
  snapshot: SnapshotRow,
  offset: number,
  limit: number,
): Soon<DirectoryPageParts> {
  return thenSoon(deps.reader.joined(deps.db, snapshot.id, "directory"), (joined) => pageOf(joined, offset, limit));
}

function pageOf({ bytes, starts, count }: JoinedRecords, offset: number, limit: number): DirectoryPageParts {
  const end = Math.min(count, offset + limit);
  const from = end > offset ? starts[offset]! : 0;
  const to = end > offset ? starts[end]! - 1 : 0;
  const head = `{"paging":{"count":${count},"offset":${offset}},"individuals":[`; // ASCII: one byte a character
  return { head, records: bytes.subarray(from, to), tail: "]}", length: head.length + (to - from) + 2 };
}

/** One page of the directory as one buffer (the route's answer; the same bytes as the parts). */
export async function readDirectoryPage(
  deps: Pick<Deps, "db"> & { reader: SnapshotReader },
  snapshot: SnapshotRow,
  offset: number,
  limit: number,
): Promise<Buffer> {
  const { head, records, tail, length } = await readDirectoryPageParts(deps, snapshot, offset, limit);
  const page = Buffer.allocUnsafe(length);
  page.write(head, 0, "latin1");
  records.copy(page, head.length);
  page.write(tail, length - tail.length, "latin1");
  return page;
}

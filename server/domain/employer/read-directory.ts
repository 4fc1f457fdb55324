import type { SnapshotRow } from "../../db/repositories/snapshots.repository.js";
import type { Deps } from "../deps.js";
import type { SnapshotReader } from "../caches/snapshot-reader.js";

/**
 * One page of the directory as served JSON bytes: `{ paging: { count, offset }, individuals: [...] }`. The page is
 * a slice of the snapshot's joined directory buffer, so serving it copies bytes once and encodes nothing.
 */
export async function readDirectoryPage(
  deps: Pick<Deps, "db"> & { reader: SnapshotReader },
  snapshot: SnapshotRow,
  offset: number,
  limit: number,
): Promise<Buffer> {
  const { bytes, starts, count } = await deps.reader.joined(deps.db, snapshot.id, "directory");
  const end = Math.min(count, offset + limit);
  const from = end > offset ? starts[offset]! : 0;
  const to = end > offset ? starts[end]! - 1 : 0;
  const head = `{"paging":{"count":${count},"offset":${offset}},"individuals":[`; // ASCII: one byte a character
  const page = Buffer.allocUnsafe(head.length + (to - from) + 2);
  page.write(head, 0, "latin1");
  bytes.copy(page, head.length, from, to);
  page.write("]}", head.length + (to - from), "latin1");
  return page;
}

import type { SnapshotRow } from "../../db/repositories/snapshots.repository.js";
import type { Deps } from "../deps.js";
import type { SnapshotReader } from "./snapshot-reader.js";

/** One page of the directory as served JSON: `{ paging: { count, offset }, individuals: [...] }`. */
export async function readDirectoryPage(
  deps: Pick<Deps, "db"> & { reader: SnapshotReader },
  snapshot: SnapshotRow,
  offset: number,
  limit: number,
): Promise<string> {
  const { rows } = await deps.reader.kind(deps.db, snapshot.id, "directory");
  let items = "";
  const end = Math.min(rows.length, offset + limit);
  for (let i = offset; i < end; i++) items += (i > offset ? "," : "") + rows[i]!.json;
  return `{"paging":{"count":${rows.length},"offset":${offset}},"individuals":[${items}]}`;
}

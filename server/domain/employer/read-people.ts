import type { SnapshotRow } from "../../db/repositories/snapshots.repository.js";
import type { Deps } from "../deps.js";
import { sealAad } from "../snapshots/org-records.js";
import type { SnapshotReader } from "../caches/snapshot-reader.js";

/** Most ids one batch may ask for (`batch_limit_exceeded` beyond). */
export const PEOPLE_BATCH_LIMIT = 10_000;

const notFound = (id: string) =>
  JSON.stringify({ code: 404, finch_code: "individual_not_found", name: "not_found_error", message: `No individual with id ${id} found` });

/**
 * The batch answer of `/employer/individual` or `/employer/employment` as served JSON: one element per requested id,
 * 200 with the record or 404 in the element's body. SSNs are decrypted only when `includeSsn`.
 */
export async function readPeople(
  deps: Pick<Deps, "db" | "cipher"> & { reader: SnapshotReader },
  snapshot: Pick<SnapshotRow, "id">,
  kind: "individual" | "employment",
  ids: string[],
  includeSsn = false,
): Promise<string> {
  const { byId } = await deps.reader.kind(deps.db, snapshot.id, kind);
  const parts: string[] = [];
  for (const id of ids) {
    const row = byId.get(id);
    const quoted = JSON.stringify(id);
    if (!row) {
      parts.push(`{"individual_id":${quoted},"code":404,"body":${notFound(id)}}`);
      continue;
    }
    let body = row.json;
    if (includeSsn && kind === "individual") {
      const ssn = row.sealed ? deps.cipher.decrypt(row.sealed, sealAad(snapshot.id, "individual", id)) : null;
      body = `${body.slice(0, -1)},"ssn":${JSON.stringify(ssn)}}`;
    }
    parts.push(`{"individual_id":${quoted},"code":200,"body":${body}}`);
  }
  return `{"responses":[${parts.join(",")}]}`;
}

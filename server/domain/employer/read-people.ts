import type { SnapshotRow } from "../../db/repositories/snapshots.repository.js";
import type { Deps } from "../deps.js";
import { sealAad } from "../snapshots/org-records.js";
import type { SnapshotReader } from "./snapshot-reader.js";

/** Most ids one batch may ask for (`batch_limit_exceeded` beyond). */
export const PEOPLE_BATCH_LIMIT = 10_000;

const notFound = (id: string) =>
  JSON.stringify({ code: 404, finch_code: "individual_not_found", name: "not_found_error", message: `No individual with id ${id} found` });

/**
 * The batch answer of `/employer/individual` or `/employer/employment` as served JSON: one element per requested id,
 * 200 with the record or 404 in the element's body. SSNs are decrypted only when `includeSsn`. Without SSNs each
 * element is a stored string (`SnapshotReader.batchElements`), so the answer is one join. A string, not a Buffer:
 * a fresh page-sized Buffer per request costs more (allocation, and the GC pressure of external memory) than the
 * socket's own encoding of a string, measured.
 */
export async function readPeople(
  deps: Pick<Deps, "db" | "cipher"> & { reader: SnapshotReader },
  snapshot: Pick<SnapshotRow, "id">,
  kind: "individual" | "employment",
  ids: string[],
  includeSsn = false,
): Promise<string> {
  if (includeSsn && kind === "individual") return withSsn(deps, snapshot, ids);
  const elements = await deps.reader.batchElements(deps.db, snapshot.id, kind);
  const parts = new Array<string>(ids.length);
  for (let i = 0; i < ids.length; i++) parts[i] = elements.get(ids[i]!) ?? notFoundElement(ids[i]!);
  return `{"responses":[${parts.join(",")}]}`;
}

/** A 404 element of a batch answer. */
function notFoundElement(id: string): string {
  return `{"individual_id":${JSON.stringify(id)},"code":404,"body":${notFound(id)}}`;
}

/** An individual batch with SSNs: built per request, since the SSN is decrypted on the way out. */
async function withSsn(deps: Pick<Deps, "db" | "cipher"> & { reader: SnapshotReader }, snapshot: Pick<SnapshotRow, "id">, ids: string[]): Promise<string> {
  const { byId } = await deps.reader.kind(deps.db, snapshot.id, "individual");
  const parts: string[] = [];
  for (const id of ids) {
    const row = byId.get(id);
    if (!row) {
      parts.push(notFoundElement(id));
      continue;
    }
    const ssn = row.sealed ? deps.cipher.decrypt(row.sealed, sealAad(snapshot.id, "individual", id)) : null;
    parts.push(`{"individual_id":${JSON.stringify(id)},"code":200,"body":${row.json.slice(0, -1)},"ssn":${JSON.stringify(ssn)}}}`);
  }
  return `{"responses":[${parts.join(",")}]}`;
}

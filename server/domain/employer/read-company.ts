import type { SnapshotRow } from "../../db/repositories/snapshots.repository.js";
import type { SnapshotReader } from "../caches/snapshot-reader.js";
import type { Deps } from "../deps.js";
import { sealAad } from "../snapshots/org-records.js";

/** The company of a snapshot as served JSON, with bank numbers decrypted. */
export async function readCompany(
  deps: Pick<Deps, "db" | "cipher"> & { reader: SnapshotReader },
  snapshot: Pick<SnapshotRow, "id">,
): Promise<string> {
  const set = await deps.reader.kind(deps.db, snapshot.id, "company");
  const row = set.rows[0];
  if (!row) return "null";
  if (!row.sealed || !row.id) return row.json;
  const company = JSON.parse(row.json) as { accounts: Record<string, unknown>[] | null };
  const secret = JSON.parse(deps.cipher.decrypt(row.sealed, sealAad(snapshot.id, "company", row.id))) as {
    accounts: { routing_number: string | null; account_number: string | null }[];
  };
  company.accounts = company.accounts?.map((a, i) => ({ ...a, ...secret.accounts[i] })) ?? null;
  return JSON.stringify(company);
}

import type { Company, Employment, Individual } from "../../../contracts/finch/employer.js";
import type { OrgSnapshotInput, PersonInput } from "../../../contracts/linnet/snapshot-input.js";
import type { ConnectionRow } from "../../db/repositories/connections.repository.js";
import type { Deps } from "../deps.js";
import { sealAad } from "../snapshots/org-records.js";
import { readCompany } from "./read-company.js";

/**
 * The connection's current organization data back in source-keyed form (what a publisher hands in), so a new file
 * can be diffed against it and the company carried over when a census file has none.
 */
export async function currentOrgInput(
  deps: Pick<Deps, "db" | "cipher" | "reader">,
  connection: Pick<ConnectionRow, "orgSnapshotId">,
): Promise<OrgSnapshotInput | null> {
  const snapshotId = connection.orgSnapshotId;
  if (!snapshotId) return null;
  const { id: _id, ...company } = JSON.parse(await readCompany(deps, { id: snapshotId })) as Company;
  const individuals = await deps.reader.kind(deps.db, snapshotId, "individual");
  const employments = await deps.reader.kind(deps.db, snapshotId, "employment");
  const sourceOf = new Map<string, string>();
  for (const row of employments.rows) if (row.id) sourceOf.set(row.id, (JSON.parse(row.json) as Employment).source_id ?? row.id);
  const people: PersonInput[] = [];
  for (const row of individuals.rows) {
    const empRow = row.id ? employments.byId.get(row.id) : undefined;
    if (!row.id || !empRow) continue;
    const { id: _i, encrypted_ssn: _e, ...individual } = JSON.parse(row.json) as Individual;
    const {
      id: _x,
      first_name: _f,
      middle_name: _m,
      last_name: _l,
      manager,
      source_id: _s,
      work_id: _w,
      ...employment
    } = JSON.parse(empRow.json) as Employment;
    const ssn = row.sealed ? deps.cipher.decrypt(row.sealed, sealAad(snapshotId, "individual", row.id)) : null;
    people.push({
      source_id: sourceOf.get(row.id) ?? row.id,
      individual: { ...individual, ssn },
      employment: { ...employment, manager_source_id: manager ? (sourceOf.get(manager.id) ?? null) : null },
    });
  }
  return { company, people };
}

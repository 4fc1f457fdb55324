import type { OrgSnapshotInput } from "../../../contracts/linnet/snapshot-input.js";
import { insertOrgPeople, insertRecords } from "../../db/repositories/snapshots.repository.js";
import type { Deps } from "../deps.js";
import { fail, ok, type Result } from "../errors.js";
import { beginPublish, type StagedSnapshot } from "./begin-publish.js";
import { buildDocumentRecords, documentProblem } from "./document-records.js";
import { buildOrgRecords } from "./org-records.js";
import { StableIds } from "./stable-ids.js";

/** Who supplied a snapshot and when the data was pulled from the employer's system. */
export interface PublishMeta {
  /** `sandbox`, `automated_sync`, `operator:<user id>`, … */
  source: string;
  retrievedAt: Date;
}

/** A published snapshot. */
export interface PublishedSnapshot {
  snapshot_id: string;
  version: number;
  counts: Record<string, number>;
}

/** Problems that would corrupt the data: duplicate people, managers who are not in the snapshot. */
function integrityProblem(input: OrgSnapshotInput): string | null {
  const seen = new Set<string>();
  for (const p of input.people) {
    if (seen.has(p.source_id)) return `people: duplicate source_id "${p.source_id}"`;
    seen.add(p.source_id);
  }
  for (const p of input.people) {
    const m = p.employment.manager_source_id;
    if (m && !seen.has(m)) return `people: "${p.source_id}" names manager "${m}", who is not in this snapshot`;
  }
  return documentProblem(input.documents, seen);
}

/**
 * Write organization data for a connection as a new immutable snapshot, inside the publish transaction (`deps.db`):
 * records and stable ids are stored, nothing points at them yet (`completePublish` does that).
 */
export async function stageOrgSnapshot(deps: Deps, connectionId: string, input: OrgSnapshotInput): Promise<Result<StagedSnapshot>> {
  const problem = integrityProblem(input);
  if (problem) return fail("invalid_request", problem);
  const tx = deps.db;
  const begun = await beginPublish(tx, connectionId, "org");
  if (!begun.ok) return begun;
  const { connection, snapshotId, version } = begun.value;
  const ids = await StableIds.load(tx, connectionId, "individual");
  const records = buildOrgRecords(snapshotId, connection.companyId, input, (s) => ids.idOf(s), deps.cipher);
  const counts = { individuals: input.people.length, active: input.people.filter((p) => p.employment.is_active !== false).length };
  await insertRecords(tx, [records.company]);
  await insertOrgPeople(tx, snapshotId, records.people);
  const sourceIds = new Set(input.people.map((p) => p.source_id));
  const documents = await buildDocumentRecords(tx, connectionId, snapshotId, connection.orgSnapshotId, input.documents, {
    idOf: (s) => ids.idOf(s),
    sourceIds,
  });
  if (documents.length > 0) await insertRecords(tx, documents);
  await ids.flush(tx);
  return ok({ connection, snapshot: { id: snapshotId, group: "org", version, counts, summary: `${counts.individuals} people` } });
}

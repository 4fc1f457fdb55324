import type { Document, DocumentInput } from "../../../contracts/finch/documents.js";
import type { Db } from "../../db/client.js";
import { allRecords, type SnapshotRecordInsert } from "../../db/repositories/snapshots.repository.js";
import { StableIds } from "./stable-ids.js";

/** The snapshot record kind holding W-4 documents (in the org snapshot, beside the company). */
export const DOCUMENT_KIND = "document";

/** The source key a document's stable id hangs on: one document per person, form type and year. */
export function documentSourceKey(doc: Pick<DocumentInput, "individual_source_id" | "type" | "year">): string {
  return `${doc.individual_source_id}|${doc.type}|${doc.year}`;
}

/**
 * The document records of a new org snapshot. Given documents are stored as the served `GET /employer/documents/{id}`
 * JSON (position = order given). When a source supplies none (`undefined`, e.g. a census upload without W-4 columns),
 * the previous snapshot's documents of people still present are carried over unchanged, ids and all.
 */
export async function buildDocumentRecords(
  tx: Db,
  connectionId: string,
  snapshotId: string,
  previousSnapshotId: string | null,
  documents: DocumentInput[] | undefined,
  people: { idOf: (sourceId: string) => string; sourceIds: Set<string> },
): Promise<SnapshotRecordInsert[]> {
  if (documents === undefined) {
    if (!previousSnapshotId) return [];
    const present = new Set([...people.sourceIds].map((s) => people.idOf(s)));
    const previous = await allRecords(tx, previousSnapshotId, DOCUMENT_KIND);
    return previous
      .filter((r) => present.has((JSON.parse(r.json) as Document).data.individual_id))
      .map((r, position) => ({ snapshotId, kind: DOCUMENT_KIND, position, id: r.id, json: r.json, sealed: null }));
  }
  const ids = await StableIds.load(tx, connectionId, DOCUMENT_KIND);
  const seen = new Set<string>();
  const rows: SnapshotRecordInsert[] = [];
  for (const doc of documents) {
    const key = documentSourceKey(doc);
    if (seen.has(key) || !people.sourceIds.has(doc.individual_source_id)) continue;
    seen.add(key);
    const individual_id = people.idOf(doc.individual_source_id);
    const served = { type: doc.type, year: doc.year, data: { individual_id, ...doc.data } } as Document;
    rows.push({ snapshotId, kind: DOCUMENT_KIND, position: rows.length, id: ids.idOf(key), json: JSON.stringify(served), sealed: null });
  }
  await ids.flush(tx);
  return rows;
}

/** Problems in a source's documents: a person not in the snapshot, or two documents for one person, type and year. */
export function documentProblem(documents: DocumentInput[] | undefined, sourceIds: Set<string>): string | null {
  const seen = new Set<string>();
  for (const [i, doc] of (documents ?? []).entries()) {
    if (!sourceIds.has(doc.individual_source_id))
      return `documents.${i}.individual_source_id: "${doc.individual_source_id}" is not in this snapshot`;
    const key = documentSourceKey(doc);
    if (seen.has(key)) return `documents.${i}: a second ${doc.type} of ${doc.year} for "${doc.individual_source_id}"`;
    seen.add(key);
  }
  return null;
}

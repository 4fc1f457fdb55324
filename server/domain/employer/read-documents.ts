import type { Document, DocumentItem, DocumentType } from "../../../contracts/finch/documents.js";
import type { SnapshotRow } from "../../db/repositories/snapshots.repository.js";
import type { Deps } from "../deps.js";
import { DOCUMENT_KIND } from "../snapshots/document-records.js";
import type { SnapshotReader } from "../caches/snapshot-reader.js";

type ReaderDeps = Pick<Deps, "db"> & { reader: SnapshotReader };

/** Filters and page of `GET /employer/documents`; empty filters mean "all". */
export interface DocumentQuery {
  individualIds: string[];
  types: DocumentType[];
  offset: number;
  /** Absent: every matching document (the spec's "defaults to all"). */
  limit: number | undefined;
}

/** The URL a document is read at: Linnet's own `/employer/documents/{id}`, which needs the same bearer token. */
export function documentUrl(publicUrl: string, id: string): string {
  return `${publicUrl}/employer/documents/${id}`;
}

/** A page of a snapshot's documents as the served `ListDocumentsResponse` JSON. */
export async function listDocuments(deps: ReaderDeps, snapshot: SnapshotRow, publicUrl: string, query: DocumentQuery): Promise<string> {
  const { rows } = await deps.reader.kind(deps.db, snapshot.id, DOCUMENT_KIND);
  const people = new Set(query.individualIds);
  const types = new Set<string>(query.types);
  const items: DocumentItem[] = [];
  for (const r of rows) {
    const doc = JSON.parse(r.json) as Document;
    if (people.size > 0 && !people.has(doc.data.individual_id)) continue;
    if (types.size > 0 && !types.has(doc.type)) continue;
    items.push({ id: r.id!, individual_id: doc.data.individual_id, url: documentUrl(publicUrl, r.id!), year: doc.year, type: doc.type });
  }
  const end = query.limit === undefined ? undefined : query.offset + query.limit;
  return JSON.stringify({ paging: { count: items.length, offset: query.offset }, documents: items.slice(query.offset, end) });
}

/** One document as served JSON, or null when the snapshot has no document with that id. */
export async function readDocument(deps: ReaderDeps, snapshot: SnapshotRow, id: string): Promise<string | null> {
  const set = await deps.reader.kind(deps.db, snapshot.id, DOCUMENT_KIND);
  return set.byId.get(id)?.json ?? null;
}

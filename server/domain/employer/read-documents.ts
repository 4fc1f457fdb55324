import type { Document, DocumentType } from "../../../contracts/finch/documents.js";
import type { SnapshotRow } from "../../db/repositories/snapshots.repository.js";
import type { SnapshotReader } from "../caches/snapshot-reader.js";
import type { Deps } from "../deps.js";
import { DOCUMENT_KIND } from "../snapshots/document-records.js";

type ReaderDeps = Pick<Deps, "db"> & { reader: SnapshotReader };

/** Filters and page of `GET /employer/documents`; empty filters mean "all". */
export interface DocumentQuery {
  individualIds: string[];
  types: DocumentType[];
  offset: number;
  /** Absent: every matching document (the spec's "defaults to all"). */
  limit: number | undefined;
}

/** One listed document (presented with its URL in api/presenters/document.presenter.ts). */
export interface ListedDocument {
  id: string;
  individualId: string;
  year: number;
  type: DocumentType;
}

/** A page of matching documents and how many match in all. */
export interface DocumentPage {
  count: number;
  offset: number;
  documents: ListedDocument[];
}

/** A page of a snapshot's documents, filtered by person and type. */
export async function listDocuments(deps: ReaderDeps, snapshot: SnapshotRow, query: DocumentQuery): Promise<DocumentPage> {
  const { rows } = await deps.reader.kind(deps.db, snapshot.id, DOCUMENT_KIND);
  const people = new Set(query.individualIds);
  const types = new Set<string>(query.types);
  const items: ListedDocument[] = [];
  for (const r of rows) {
    const doc = JSON.parse(r.json) as Document;
    if (people.size > 0 && !people.has(doc.data.individual_id)) continue;
    if (types.size > 0 && !types.has(doc.type)) continue;
    items.push({ id: r.id!, individualId: doc.data.individual_id, year: doc.year, type: doc.type });
  }
  const end = query.limit === undefined ? undefined : query.offset + query.limit;
  return { count: items.length, offset: query.offset, documents: items.slice(query.offset, end) };
}

/** One document as served JSON, or null when the snapshot has no document with that id. */
export async function readDocument(deps: ReaderDeps, snapshot: SnapshotRow, id: string): Promise<string | null> {
  const set = await deps.reader.kind(deps.db, snapshot.id, DOCUMENT_KIND);
  return set.byId.get(id)?.json ?? null;
}

import type { DocumentItem } from "../../../contracts/finch/documents.js";
import type { DocumentPage } from "../../domain/employer/read-documents.js";

/** The URL a document is read at: Linnet's own `/employer/documents/{id}`, which needs the same bearer token. */
export function documentUrl(publicUrl: string, id: string): string {
  return `${publicUrl}/employer/documents/${id}`;
}

/** `GET /employer/documents`'s body as JSON text (`ListDocumentsResponse`), sent as the snapshot reads are. */
export function presentDocumentPage(publicUrl: string, page: DocumentPage): string {
  const documents: DocumentItem[] = page.documents.map((d) => ({
    id: d.id,
    individual_id: d.individualId,
    url: documentUrl(publicUrl, d.id),
    year: d.year,
    type: d.type,
  }));
  return JSON.stringify({ paging: { count: page.count, offset: page.offset }, documents });
}

import { z } from "zod";
import { NotReadySchema } from "../../../../../contracts/finch/accepted.js";
import { DOCUMENT_TYPES, DocumentSchema, ListDocumentsResponseSchema } from "../../../../../contracts/finch/documents.js";
import { FinchErrorSchema } from "../../../../../contracts/finch/errors.js";
import { listDocuments, readDocument } from "../../../../domain/employer/read-documents.js";
import { FinchError } from "../../../../domain/errors.js";
import { isUuid } from "../../../../domain/ids.js";
import { presentDocumentPage } from "../../../presenters/document.presenter.js";
import type { RouteModule } from "../../../types.js";
import { EntityIdsQuery, listOf, listQuery, openEmployerRead, sendSnapshotJson } from "../employer-read.js";

const TYPES = new Set<string>(DOCUMENT_TYPES);

/** The `types` filter, each value checked against the spec's enum (a typo must not silently match nothing). */
function typesOf(query: unknown): (typeof DOCUMENT_TYPES)[number][] {
  const types = listOf(query, "types");
  const bad = types.find((t) => !TYPES.has(t));
  if (bad !== undefined) throw new FinchError("invalid_request", `types: "${bad}" is not one of ${DOCUMENT_TYPES.join(", ")}`);
  return types as (typeof DOCUMENT_TYPES)[number][];
}

/**
 * `GET /employer/documents` (W-4s, filtered by `individual_ids` and `types`, all of them unless `limit` is given) and
 * `GET /employer/documents/{document_id}` (one W-4 with its fields). Each listed `url` is the second route: it needs
 * the same bearer token, standing in for the spec's signed URL.
 */
export const getDocuments: RouteModule = (app, deps) => {
  app.get(
    "/employer/documents",
    {
      schema: {
        tags: ["Documents"],
        summary: "List W-4 documents",
        security: [{ bearerAuth: [] }],
        querystring: z.object({
          ...EntityIdsQuery,
          ...listQuery("individual_ids"),
          ...listQuery("types"),
          limit: z.coerce.number().int().min(1).max(10_000).optional(),
          offset: z.coerce.number().int().min(0).default(0),
        }),
        response: { 200: ListDocumentsResponseSchema, 202: NotReadySchema, "4xx": FinchErrorSchema },
      },
    },
    async (request, reply) => {
      const types = typesOf(request.query);
      const open = await openEmployerRead(deps, request, reply, "documents");
      if (!open) return reply;
      const query = {
        individualIds: listOf(request.query, "individual_ids"),
        types,
        offset: request.query.offset,
        limit: request.query.limit,
      };
      return sendSnapshotJson(
        request,
        reply,
        open,
        presentDocumentPage(deps.config.publicUrl, await listDocuments(deps, open.snapshot, query)),
      );
    },
  );
  app.get(
    "/employer/documents/:document_id",
    {
      schema: {
        tags: ["Documents"],
        summary: "Read one W-4 document",
        security: [{ bearerAuth: [] }],
        params: z.object({ document_id: z.string() }),
        querystring: z.object(EntityIdsQuery),
        response: { 200: DocumentSchema, 202: NotReadySchema, "4xx": FinchErrorSchema },
      },
    },
    async (request, reply) => {
      const open = await openEmployerRead(deps, request, reply, "documents");
      if (!open) return reply;
      const id = request.params.document_id;
      const body = isUuid(id) ? await readDocument(deps, open.snapshot, id) : null;
      if (!body) throw new FinchError("not_found", `No document with id ${id} found`);
      return sendSnapshotJson(request, reply, open, body);
    },
  );
};

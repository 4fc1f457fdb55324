import { z } from "zod";
import { NotReadySchema } from "../../../../contracts/finch/accepted.js";
import { DirectoryIndividualSchema, PagingSchema } from "../../../../contracts/finch/employer.js";
import { FinchErrorSchema } from "../../../../contracts/finch/errors.js";
import { readDirectoryPage } from "../../../domain/employer/read-directory.js";
import { FinchError } from "../../../domain/errors.js";
import type { RouteModule } from "../../types.js";
import { EntityIdsQuery, openEmployerRead, sendSnapshotJson } from "./employer-read.js";

/** Most individuals one directory page may hold. */
const PAGE_LIMIT = 10_000;

/** `GET /employer/directory`: paginated with limit/offset and `paging.count` (the SDK's auto-pagination needs it). */
export const getDirectory: RouteModule = (app, deps) => {
  app.get(
    "/employer/directory",
    {
      schema: {
        tags: ["Organization"],
        summary: "Read the company directory",
        security: [{ bearerAuth: [] }],
        querystring: z.object({
          ...EntityIdsQuery,
          limit: z.coerce.number().int().min(1).default(100),
          offset: z.coerce.number().int().min(0).default(0),
        }),
        response: {
          200: z.object({ paging: PagingSchema, individuals: z.array(DirectoryIndividualSchema) }),
          202: NotReadySchema,
          "4xx": FinchErrorSchema,
        },
      },
    },
    async (request, reply) => {
      const { limit, offset } = request.query;
      if (limit > PAGE_LIMIT) {
        throw new FinchError(
          "page_size_limit_exceeded",
          `Page size exceeds the maximum of ${PAGE_LIMIT} items. Please reduce the limit parameter.`,
        );
      }
      const open = await openEmployerRead(deps, request, reply, "directory");
      if (!open) return reply;
      return sendSnapshotJson(request, reply, open, await readDirectoryPage(deps, open.snapshot, offset, limit));
    },
  );
};

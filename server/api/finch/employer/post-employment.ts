import { z } from "zod";
import { NotReadySchema } from "../../../../contracts/finch/accepted.js";
import { BatchErrorSchema, EmploymentSchema } from "../../../../contracts/finch/employer.js";
import { FinchErrorSchema } from "../../../../contracts/finch/errors.js";
import { readPeopleBytes } from "../../../domain/employer/read-people.js";
import type { RouteModule } from "../../types.js";
import { EntityIdsQuery, openEmployerRead, sendSnapshotJson } from "./employer-read.js";
import { checkPeopleBatch, PeopleBatchSchema } from "./post-individual.js";

/** `POST /employer/employment`. */
export const postEmployment: RouteModule = (app, deps) => {
  app.post(
    "/employer/employment",
    {
      schema: {
        tags: ["Organization"],
        summary: "Read employment data, in batches",
        security: [{ bearerAuth: [] }],
        querystring: z.object(EntityIdsQuery),
        body: PeopleBatchSchema,
        response: {
          200: z.object({
            responses: z.array(
              z.object({ individual_id: z.string(), code: z.number(), body: z.union([EmploymentSchema, BatchErrorSchema]) }),
            ),
          }),
          202: NotReadySchema,
          "4xx": FinchErrorSchema,
        },
      },
    },
    async (request, reply) => {
      checkPeopleBatch(request.body.requests.length);
      const open = await openEmployerRead(deps, request, reply, "employment");
      if (!open) return reply;
      const ids = request.body.requests.map((r) => r.individual_id);
      return sendSnapshotJson(request, reply, open, await readPeopleBytes(deps, open.snapshot, "employment", ids));
    },
  );
};

import { z } from "zod";
import { NotReadySchema } from "../../../../contracts/finch/accepted.js";
import { BatchErrorSchema, IndividualSchema } from "../../../../contracts/finch/employer.js";
import { FinchErrorSchema } from "../../../../contracts/finch/errors.js";
import { PEOPLE_BATCH_LIMIT, readPeopleBytes } from "../../../domain/employer/read-people.js";
import { FinchError } from "../../../domain/errors.js";
import type { RouteModule } from "../../types.js";
import { EntityIdsQuery, openEmployerRead, sendSnapshotJson } from "./employer-read.js";

/** Body of the people batch endpoints. */
export const PeopleBatchSchema = z.object({ requests: z.array(z.object({ individual_id: z.string().min(1) })) });

/** Refuse batches over the limit with the documented 422. */
export function checkPeopleBatch(size: number): void {
  if (size > PEOPLE_BATCH_LIMIT) {
    throw new FinchError("batch_limit_exceeded", `requests: at most ${PEOPLE_BATCH_LIMIT} individual_ids per request (got ${size})`);
  }
}

/** `POST /employer/individual`: SSNs only with the `ssn` product and `options.include: ["ssn"]`. */
export const postIndividual: RouteModule = (app, deps) => {
  app.post(
    "/employer/individual",
    {
      schema: {
        tags: ["Organization"],
        summary: "Read individual data, in batches",
        security: [{ bearerAuth: [] }],
        querystring: z.object(EntityIdsQuery),
        body: PeopleBatchSchema.extend({ options: z.object({ include: z.array(z.string()).optional() }).nullish() }),
        response: {
          200: z.object({
            responses: z.array(
              z.object({ individual_id: z.string(), code: z.number(), body: z.union([IndividualSchema, BatchErrorSchema]) }),
            ),
          }),
          202: NotReadySchema,
          "4xx": FinchErrorSchema,
        },
      },
    },
    async (request, reply) => {
      checkPeopleBatch(request.body.requests.length);
      const open = await openEmployerRead(deps, request, reply, "individual");
      if (!open) return reply;
      const includeSsn = (request.body.options?.include ?? []).includes("ssn") && open.ctx.connection.products.includes("ssn");
      const ids = request.body.requests.map((r) => r.individual_id);
      return sendSnapshotJson(request, reply, open, await readPeopleBytes(deps, open.snapshot, "individual", ids, includeSsn));
    },
  );
};

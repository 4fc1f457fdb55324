import { z } from "zod";
import { NotReadySchema } from "../../../../contracts/finch/accepted.js";
import { CompanySchema } from "../../../../contracts/finch/employer.js";
import { FinchErrorSchema } from "../../../../contracts/finch/errors.js";
import { readCompany } from "../../../domain/employer/read-company.js";
import type { RouteModule } from "../../types.js";
import { EntityIdsQuery, openEmployerRead, sendSnapshotJson } from "./employer-read.js";

/** `GET /employer/company`. */
export const getCompany: RouteModule = (app, deps) => {
  app.get(
    "/employer/company",
    {
      schema: {
        tags: ["Organization"],
        summary: "Read basic company data",
        security: [{ bearerAuth: [] }],
        querystring: z.object(EntityIdsQuery),
        response: { 200: CompanySchema, 202: NotReadySchema, "4xx": FinchErrorSchema },
      },
    },
    async (request, reply) => {
      const open = await openEmployerRead(deps, request, reply, "company");
      if (!open) return reply;
      return sendSnapshotJson(request, reply, open, await readCompany(deps, open.snapshot));
    },
  );
};

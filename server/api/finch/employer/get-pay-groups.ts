import { z } from "zod";
import { NotReadySchema } from "../../../../contracts/finch/accepted.js";
import { PayGroupDetailSchema, PayGroupSchema } from "../../../../contracts/finch/employer.js";
import { FinchErrorSchema } from "../../../../contracts/finch/errors.js";
import { readPayGroups } from "../../../domain/employer/read-pay.js";
import { FinchError } from "../../../domain/errors.js";
import type { RouteModule } from "../../types.js";
import { EntityIdsQuery, openEmployerRead, sendSnapshotJson } from "./employer-read.js";

/** `GET /employer/pay-groups` and `GET /employer/pay-groups/{pay_group_id}` (under the `payment` product). */
export const getPayGroups: RouteModule = (app, deps) => {
  app.get(
    "/employer/pay-groups",
    {
      schema: {
        tags: ["Payroll"],
        summary: "List pay groups",
        security: [{ bearerAuth: [] }],
        querystring: z.object(EntityIdsQuery),
        response: { 200: z.array(PayGroupSchema), 202: NotReadySchema, "4xx": FinchErrorSchema },
      },
    },
    async (request, reply) => {
      const open = await openEmployerRead(deps, request, reply, "payment", "pay-groups");
      if (!open) return reply;
      return sendSnapshotJson(request, reply, open, (await readPayGroups(deps, open.snapshot)) ?? "[]");
    },
  );
  app.get(
    "/employer/pay-groups/:pay_group_id",
    {
      schema: {
        tags: ["Payroll"],
        summary: "Read one pay group with its members",
        security: [{ bearerAuth: [] }],
        params: z.object({ pay_group_id: z.string() }),
        querystring: z.object(EntityIdsQuery),
        response: { 200: PayGroupDetailSchema, 202: NotReadySchema, "4xx": FinchErrorSchema },
      },
    },
    async (request, reply) => {
      const open = await openEmployerRead(deps, request, reply, "payment", "pay-groups");
      if (!open) return reply;
      const body = await readPayGroups(deps, open.snapshot, request.params.pay_group_id);
      if (!body) throw new FinchError("not_found", `No pay group with id ${request.params.pay_group_id} found`);
      return sendSnapshotJson(request, reply, open, body);
    },
  );
};

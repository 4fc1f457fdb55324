import { z } from "zod";
import { NotReadySchema } from "../../../../contracts/finch/accepted.js";
import { PaymentSchema } from "../../../../contracts/finch/employer.js";
import { FinchErrorSchema } from "../../../../contracts/finch/errors.js";
import { readPayments } from "../../../domain/employer/read-pay.js";
import { FinchError } from "../../../domain/errors.js";
import type { RouteModule } from "../../types.js";
import { EntityIdsQuery, openEmployerRead, sendSnapshotJson } from "./employer-read.js";

const isoDate = z.iso.date();

/** `GET /employer/payment?start_date&end_date`: payments by pay date, both ends inclusive. */
export const getPayment: RouteModule = (app, deps) => {
  app.get(
    "/employer/payment",
    {
      schema: {
        tags: ["Payroll"],
        summary: "Read payroll runs between two pay dates",
        security: [{ bearerAuth: [] }],
        querystring: z.object({ ...EntityIdsQuery, start_date: isoDate, end_date: isoDate }),
        response: { 200: z.array(PaymentSchema), 202: NotReadySchema, "4xx": FinchErrorSchema },
      },
    },
    async (request, reply) => {
      const { start_date, end_date } = request.query;
      if (start_date > end_date) throw new FinchError("invalid_request", "start_date: must not be after end_date");
      const open = await openEmployerRead(deps, request, reply, "payment");
      if (!open) return reply;
      return sendSnapshotJson(request, reply, open, await readPayments(deps, open.snapshot, start_date, end_date));
    },
  );
};

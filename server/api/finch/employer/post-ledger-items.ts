import { z } from "zod";
import { NotReadySchema } from "../../../../contracts/finch/accepted.js";
import { FinchErrorSchema } from "../../../../contracts/finch/errors.js";
import { LedgerItemsRequestSchema, LedgerItemsResponseSchema } from "../../../../contracts/finch/ledger-items.js";
import { LEDGER_BATCH_LIMIT, readLedgerItems } from "../../../domain/employer/read-ledger-items.js";
import { FinchError } from "../../../domain/errors.js";
import type { RouteModule } from "../../types.js";
import { EntityIdsQuery, openEmployerRead, sendSnapshotJson } from "./employer-read.js";

/**
 * `POST /employer/ledger-items`: the general-ledger lines of 1 to 10 payments, synthesized from their pay statements
 * (under the `pay_statement` product; 202 like every pay read until pay data is published).
 */
export const postLedgerItems: RouteModule = (app, deps) => {
  app.post(
    "/employer/ledger-items",
    {
      schema: {
        tags: ["Payroll"],
        summary: "Read the general-ledger lines of payments",
        security: [{ bearerAuth: [] }],
        querystring: z.object(EntityIdsQuery),
        body: LedgerItemsRequestSchema,
        response: { 200: LedgerItemsResponseSchema, 202: NotReadySchema, "4xx": FinchErrorSchema },
      },
    },
    async (request, reply) => {
      const { requests } = request.body;
      if (requests.length > LEDGER_BATCH_LIMIT) {
        throw new FinchError(
          "batch_limit_exceeded",
          `requests: at most ${LEDGER_BATCH_LIMIT} payment_ids per request (got ${requests.length})`,
        );
      }
      const open = await openEmployerRead(deps, request, reply, "pay_statement");
      if (!open) return reply;
      return sendSnapshotJson(request, reply, open, await readLedgerItems(deps, open.snapshot, requests));
    },
  );
};

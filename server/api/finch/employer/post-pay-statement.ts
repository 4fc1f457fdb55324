import { z } from "zod";
import { NotReadySchema } from "../../../../contracts/finch/accepted.js";
import { BatchErrorSchema, PagingSchema, PayStatementSchema } from "../../../../contracts/finch/employer.js";
import { FinchErrorSchema } from "../../../../contracts/finch/errors.js";
import { activeRules } from "../../../domain/employer/pay-statement-item-rules.js";
import {
  PAY_STATEMENT_BATCH_LIMIT,
  PAY_STATEMENT_PAGE_LIMIT,
  readPayStatementGzipParts,
  readPayStatements,
} from "../../../domain/employer/read-pay.js";
import { FinchError } from "../../../domain/errors.js";
import { acceptsGzip } from "../../middleware/accept-encoding.js";
import type { RouteModule } from "../../types.js";
import { EntityIdsQuery, openEmployerRead, sendSnapshotJson } from "./employer-read.js";

/** `POST /employer/pay-statement`: 1 to 10 payments, each paginated by its own limit/offset. */
export const postPayStatement: RouteModule = (app, deps) => {
  app.post(
    "/employer/pay-statement",
    {
      schema: {
        tags: ["Payroll"],
        summary: "Read pay statements of payments, in batches",
        security: [{ bearerAuth: [] }],
        querystring: z.object(EntityIdsQuery),
        body: z.object({
          requests: z
            .array(
              z.object({
                payment_id: z.string().min(1),
                limit: z.number().int().min(1).default(100),
                offset: z.number().int().min(0).default(0),
              }),
            )
            .min(1),
        }),
        response: {
          200: z.object({
            responses: z.array(
              z.object({
                payment_id: z.string(),
                code: z.number(),
                body: z.union([z.object({ paging: PagingSchema, pay_statements: z.array(PayStatementSchema) }), BatchErrorSchema]),
              }),
            ),
          }),
          202: NotReadySchema,
          "4xx": FinchErrorSchema,
        },
      },
    },
    async (request, reply) => {
      const { requests } = request.body;
      if (requests.length > PAY_STATEMENT_BATCH_LIMIT) {
        throw new FinchError(
          "batch_limit_exceeded",
          `requests: at most ${PAY_STATEMENT_BATCH_LIMIT} payment_ids per request (got ${requests.length})`,
        );
      }
      const tooBig = requests.findIndex((r) => r.limit > PAY_STATEMENT_PAGE_LIMIT);
      if (tooBig >= 0)
        throw new FinchError(
          "page_size_limit_exceeded",
          `requests.${tooBig}.limit: at most ${PAY_STATEMENT_PAGE_LIMIT} pay statements per page`,
        );
      const open = await openEmployerRead(deps, request, reply, "pay_statement");
      if (!open) return reply;
      const { rules } = await activeRules(deps, open.ctx.connection.id);
      // answers run to megabytes: gzip them for clients that accept it (the SDKs do), from pages compressed once
      reply.header("vary", "accept-encoding");
      if (rules.length === 0 && acceptsGzip(request.headers["accept-encoding"])) {
        reply.header("content-encoding", "gzip");
        return sendSnapshotJson(request, reply, open, Buffer.concat(await readPayStatementGzipParts(deps, open.snapshot, requests)));
      }
      return sendSnapshotJson(request, reply, open, await readPayStatements(deps, open.snapshot, requests, rules));
    },
  );
};

import { z } from "zod";
import { NotReadySchema } from "../../../../../contracts/finch/accepted.js";
import { FinchErrorSchema } from "../../../../../contracts/finch/errors.js";
import {
  PAY_STATEMENT_ITEM_CATEGORIES,
  type PayStatementItemCategory,
  PayStatementItemSchema,
} from "../../../../../contracts/finch/pay-statement-items.js";
import { activeRules } from "../../../../domain/employer/pay-statement-item-rules.js";
import { readPayStatementItems } from "../../../../domain/employer/read-pay-statement-items.js";
import { FinchError } from "../../../../domain/errors.js";
import type { RouteModule } from "../../../types.js";
import { EntityIdsQuery, openEmployerRead, sendSnapshotJson } from "../employer-read.js";

const isoDate = z.iso.date();
const listParam = z.union([z.string(), z.array(z.string())]).optional();

/** `categories` as the SDK sends it (`categories[]=…`), repeated, or comma-joined as the spec describes; checked. */
function categoriesOf(query: { categories?: string | string[]; "categories[]"?: string | string[] }): PayStatementItemCategory[] {
  const values = [query.categories, query["categories[]"]]
    .flatMap((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter(Boolean);
  for (const v of values) {
    if (!(PAY_STATEMENT_ITEM_CATEGORIES as readonly string[]).includes(v)) {
      throw new FinchError("invalid_request", `categories: must be among ${PAY_STATEMENT_ITEM_CATEGORIES.join(", ")} (got "${v}")`);
    }
  }
  return values as PayStatementItemCategory[];
}

/**
 * `GET /employer/pay-statement-item`: the distinct items of the current pay snapshot (scope `pay_statement`, 202
 * until pay data exists), filtered by category, name (partial, any case), type (exact, any case) and the pay dates
 * they were paid on; the connection's rules are merged into `attributes.metadata`. The same rules also apply to the
 * items inside `POST /employer/pay-statement` answers (see `readPayStatements`), as Finch does.
 */
export const getPayStatementItem: RouteModule = (app, deps) => {
  app.get(
    "/employer/pay-statement-item",
    {
      schema: {
        tags: ["Payroll"],
        summary: "List the distinct pay statement items",
        security: [{ bearerAuth: [] }],
        querystring: z.object({
          ...EntityIdsQuery,
          categories: listParam,
          "categories[]": listParam,
          name: z.string().optional(),
          type: z.string().optional(),
          start_date: isoDate.optional(),
          end_date: isoDate.optional(),
        }),
        response: { 200: z.object({ responses: z.array(PayStatementItemSchema) }), 202: NotReadySchema, "4xx": FinchErrorSchema },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const categories = categoriesOf(q);
      if (q.start_date && q.end_date && q.start_date > q.end_date)
        throw new FinchError("invalid_request", "start_date: must not be after end_date");
      const open = await openEmployerRead(deps, request, reply, "pay_statement", "pay-statement-item");
      if (!open) return reply;
      const { rules, fingerprint } = await activeRules(deps, open.ctx.connection.id);
      const query = { categories, name: q.name || undefined, type: q.type || undefined, startDate: q.start_date, endDate: q.end_date };
      return sendSnapshotJson(request, reply, open, await readPayStatementItems(deps, open.snapshot, query, rules), fingerprint);
    },
  );
};

import { z } from "zod";
import { FinchErrorSchema } from "../../../../contracts/finch/errors.js";
import { addPayment } from "../../../commands/sandbox-edits.js";
import { FinchError } from "../../../domain/errors.js";
import { buildSandboxPayment } from "../../../domain/sandbox/payment-builder.js";
import { stableIdsOf } from "../../../domain/sandbox/stable-id-lookup.js";
import { unwrap } from "../../errors.js";
import { requireToken } from "../../middleware/auth.js";
import type { RouteModule } from "../../types.js";

const Amount = z.union([z.number().int(), z.object({ amount: z.number().int().nullable() })]);

/** `POST /sandbox/payment`: add a payroll run (defaults: the last two weeks, a statement for every active person). */
export const postSandboxPayment: RouteModule = (app, deps) => {
  app.post(
    "/sandbox/payment",
    {
      schema: {
        tags: ["Sandbox"],
        summary: "Add a payment to a sandbox company",
        security: [{ bearerAuth: [] }],
        body: z.object({
          start_date: z.iso.date().optional(),
          end_date: z.iso.date().optional(),
          pay_statements: z
            .array(
              z.looseObject({
                individual_id: z.string().min(1),
                type: z.enum(["off_cycle_payroll", "one_time_payment", "regular_payroll"]).nullish(),
                payment_method: z.enum(["check", "direct_deposit", "other"]).nullish(),
                total_hours: z.number().positive().nullish(),
                gross_pay: Amount.nullish(),
                net_pay: Amount.nullish(),
              }),
            )
            .max(10_000)
            .optional(),
        }),
        response: { 200: z.object({ payment_id: z.string(), pay_date: z.string() }), "4xx": FinchErrorSchema },
      },
    },
    async (request) => {
      const ctx = await requireToken(deps, request);
      const payment = unwrap(await buildSandboxPayment(deps, ctx, request.body));
      unwrap(await addPayment(deps, ctx, payment));
      const [id] = await stableIdsOf(deps, ctx.connection.id, "payment", [payment.source_id]);
      if (!id) throw new FinchError("invalid_request", "The payment is stored but this connection has no pay products to publish it to");
      return { payment_id: id, pay_date: String(payment.pay_date) };
    },
  );
};

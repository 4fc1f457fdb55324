import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { FinchErrorSchema } from "../../../../../contracts/finch/errors.js";
import { RuleBodySchema, RuleSchema } from "../../../../../contracts/finch/pay-statement-items.js";
import type { TokenContext } from "../../../../domain/connections/authenticate-token.js";
import type { Deps } from "../../../../domain/deps.js";
import { createRule, deleteRule, listRules, updateRule } from "../../../../domain/employer/pay-statement-item-rules.js";
import { openProduct } from "../../../../domain/employer/product-access.js";
import { unwrap } from "../../../errors.js";
import { requireToken } from "../../../middleware/auth.js";
import { enforceRateLimit } from "../../../rate-limit/index.js";
import type { RouteModule } from "../../../types.js";
import { EntityIdsQuery, entityIdsOf, forEntity } from "../employer-read.js";

/**
 * Token → rate limit (`pay-statement-item`) → scope `pay_statement` and entity. Rules need no pay data: they may be
 * written before the first pay snapshot, so there is no 202 here.
 */
async function openRules(deps: Deps, request: FastifyRequest, reply: FastifyReply): Promise<TokenContext> {
  const token = await requireToken(deps, request);
  await enforceRateLimit(request.server.rateLimiter, reply, token.application.id, "pay-statement-item", deps.clock.now().getTime());
  const ctx = forEntity(token, request);
  unwrap(await openProduct(deps, ctx, "pay_statement", entityIdsOf(request.query)));
  return ctx;
}

const base = { tags: ["Payroll"], security: [{ bearerAuth: [] }], querystring: z.object(EntityIdsQuery) };
const ruleParams = z.object({ rule_id: z.string().min(1) });

/** `POST|GET /employer/pay-statement-item/rule` and `PUT|DELETE /employer/pay-statement-item/rule/{rule_id}`. */
export const payStatementItemRuleRoutes: RouteModule = (app, deps) => {
  app.post(
    "/employer/pay-statement-item/rule",
    {
      schema: {
        ...base,
        summary: "Create a pay statement item rule",
        body: RuleBodySchema,
        response: { 201: RuleSchema, "4xx": FinchErrorSchema },
      },
    },
    async (request, reply) => {
      const ctx = await openRules(deps, request, reply);
      return reply.status(201).send(unwrap(await createRule(deps, ctx.connection.id, request.body)));
    },
  );
  app.get(
    "/employer/pay-statement-item/rule",
    {
      schema: {
        ...base,
        summary: "List pay statement item rules",
        response: { 200: z.object({ responses: z.array(RuleSchema) }), "4xx": FinchErrorSchema },
      },
    },
    async (request, reply) => {
      const ctx = await openRules(deps, request, reply);
      return { responses: await listRules(deps, ctx.connection.id) };
    },
  );
  app.put(
    "/employer/pay-statement-item/rule/:rule_id",
    {
      schema: {
        ...base,
        summary: "Update a pay statement item rule",
        params: ruleParams,
        body: RuleBodySchema,
        response: { 200: RuleSchema, "4xx": FinchErrorSchema },
      },
    },
    async (request, reply) => {
      const ctx = await openRules(deps, request, reply);
      return unwrap(await updateRule(deps, ctx.connection.id, request.params.rule_id, request.body));
    },
  );
  app.delete(
    "/employer/pay-statement-item/rule/:rule_id",
    {
      schema: {
        ...base,
        summary: "Delete a pay statement item rule",
        params: ruleParams,
        response: { 200: RuleSchema, "4xx": FinchErrorSchema },
      },
    },
    async (request, reply) => {
      const ctx = await openRules(deps, request, reply);
      return unwrap(await deleteRule(deps, ctx.connection.id, request.params.rule_id));
    },
  );
};

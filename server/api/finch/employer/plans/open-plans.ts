import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { PLANS_PAGE_MAX } from "../../../../../contracts/finch/plans.js";
import type { TokenContext } from "../../../../domain/connections/authenticate-token.js";
import type { Deps } from "../../../../domain/deps.js";
import { openPlans, type PlanProduct } from "../../../../domain/plans/plan-access.js";
import { unwrap } from "../../../errors.js";
import { requireToken } from "../../../middleware/auth.js";
import { enforceRateLimit } from "../../../rate-limit/index.js";
import { EntityIdsQuery, entityIdsOf } from "../employer-read.js";
import { sendNotReady } from "../not-ready.js";

/** `entity_ids` plus the spec's `limit` (default and most 50; more is a 400 naming `limit`) and `offset`. */
export const PlansPageQuery = {
  ...EntityIdsQuery,
  limit: z.coerce.number().int().min(1).max(PLANS_PAGE_MAX).default(PLANS_PAGE_MAX),
  offset: z.coerce.number().int().min(0).default(0),
};

/** Shared route schema parts. */
export const plansRoute = { tags: ["Benefit plans"], security: [{ bearerAuth: [] }] };

/**
 * Authenticate, rate-limit (the `benefits` budget) and authorize a plans read; until plan data exists, answer 202
 * like every employer read (`sendNotReady`) and return null. Sets `Finch-Data-Retrieved` when known.
 */
export async function openPlansRead(
  deps: Deps,
  request: FastifyRequest,
  reply: FastifyReply,
  product: PlanProduct,
): Promise<TokenContext | null> {
  const ctx = await requireToken(deps, request);
  await enforceRateLimit(request.server.rateLimiter, reply, ctx.application.id, "benefits", deps.clock.now().getTime());
  const access = unwrap(await openPlans(deps, ctx, product, entityIdsOf(request.query)));
  if (!access.ready) {
    await sendNotReady(deps, reply, ctx, access.expectedAt);
    return null;
  }
  if (access.retrievedAt) reply.header("finch-data-retrieved", access.retrievedAt.toISOString());
  return ctx;
}

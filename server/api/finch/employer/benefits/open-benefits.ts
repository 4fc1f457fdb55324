import type { FastifyReply, FastifyRequest } from "fastify";
import { openBenefits } from "../../../../domain/benefits/benefit-access.js";
import type { TokenContext } from "../../../../domain/connections/authenticate-token.js";
import type { Deps } from "../../../../domain/deps.js";
import { FinchError } from "../../../../domain/errors.js";
import { unwrap } from "../../../errors.js";
import { requireToken } from "../../../middleware/auth.js";
import { enforceRateLimit } from "../../../rate-limit/index.js";
import { entityIdsOf, forEntity } from "../employer-read.js";
import { sendNotReady } from "../not-ready.js";

/**
 * Authenticate, rate-limit (the `benefits` budget) and authorize a deductions call. Until the connection's
 * organization data is published, answer 202 as data reads do (`sendNotReady`) and return null.
 */
export async function openBenefitsCall(
  deps: Deps,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<{ ctx: TokenContext; orgSnapshotId: string } | null> {
  const token = await requireToken(deps, request);
  await enforceRateLimit(request.server.rateLimiter, reply, token.application.id, "benefits", deps.clock.now().getTime());
  const ctx = forEntity(token, request);
  const access = unwrap(await openBenefits(deps, ctx, entityIdsOf(request.query)));
  if (access.ready) return { ctx, orgSnapshotId: access.orgSnapshotId };
  await sendNotReady(deps, reply, ctx, access.expectedAt);
  return null;
}

/** The `Idempotency-Key` header of a write, if any (1 to 255 characters). */
export function idempotencyKeyOf(request: FastifyRequest): string | undefined {
  const raw = request.headers["idempotency-key"];
  const key = Array.isArray(raw) ? raw[0] : raw;
  if (key === undefined) return undefined;
  if (key.length === 0 || key.length > 255) throw new FinchError("invalid_request", "Idempotency-Key: must be 1 to 255 characters");
  return key;
}

import type { FastifyReply } from "fastify";
import type { AcceptedResponse } from "../../../../contracts/finch/accepted.js";
import type { TokenContext } from "../../../domain/connections/authenticate-token.js";
import type { Deps } from "../../../domain/deps.js";

/** Seconds to wait before asking again: until the expected date, an hour when overdue, a minute when unknown. */
export function retryAfterSeconds(expectedAt: Date | null, now: Date): number {
  if (!expectedAt) return 60;
  const seconds = Math.ceil((expectedAt.getTime() - now.getTime()) / 1000);
  return seconds > 0 ? seconds : 3600;
}

/**
 * The spec's `AcceptedResponse` for a connection: `pending` while the employer has not acted yet (an assisted
 * connection still waiting for administrator access), `data_sync_in_progress` once access is there and data is being
 * pulled. The names and messages are the spec's examples.
 */
export function acceptedBodyOf(ctx: TokenContext): AcceptedResponse {
  return ctx.connection.status === "pending"
    ? { code: 202, name: "authorization_pending", finch_code: "pending", message: "Authorization to this company's data is pending" }
    : {
        code: 202,
        name: "sync_in_progress",
        finch_code: "data_sync_in_progress",
        message: "The data being requested is being fetched. Please check back later.",
      };
}

/**
 * Answer 202 "not ready yet", the one way every employer read does: `Retry-After` and `Linnet-Data-Expected`, and
 * either no body or the `AcceptedResponse` JSON, as the application's setting (else LINNET_ACCEPTED_BODY) says.
 */
export async function sendNotReady(deps: Deps, reply: FastifyReply, ctx: TokenContext, expectedAt: Date | null): Promise<void> {
  reply.status(202).header("retry-after", String(retryAfterSeconds(expectedAt, deps.clock.now())));
  if (expectedAt) reply.header("linnet-data-expected", expectedAt.toISOString());
  const mode = ctx.application.acceptedBody ?? deps.config.acceptedBody;
  if (mode === "finch") {
    await reply.type("application/json; charset=utf-8").send(JSON.stringify(acceptedBodyOf(ctx)));
    return;
  }
  await reply.send();
}

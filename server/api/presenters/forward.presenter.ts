import type { ForwardResponse } from "../../../contracts/finch/management.js";
import type { ForwardOutcome } from "../../domain/forward/forward-request.js";

/** `POST /forward`'s body (`ForwardResponse`): the provider's answer, then the request as forwarded. */
export function presentForward({ answer, forwarded }: ForwardOutcome): ForwardResponse {
  return { headers: answer.headers, statusCode: answer.statusCode, data: answer.data, request: forwarded };
}

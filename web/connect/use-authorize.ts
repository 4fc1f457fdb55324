import type { AuthorizeRequest, AuthorizeResponse, ConnectFlow } from "../../contracts/linnet/connect-flow.js";
import { errorMessage } from "../ui/fetch-json.js";
import { useAction } from "../ui/use-action.js";
import { authorize } from "./connect-api.js";

/** How an authorize call ended. */
export type AuthorizeOutcome = { ok: true; result: AuthorizeResponse } | { ok: false; message: string };

/** State and trigger of the authorize call, shared by the assisted and credential steps. */
export interface AuthorizeState {
  /** A call is in flight (buttons disable themselves). */
  busy: boolean;
  /** The last failure's message, in the server's words. */
  error: string | null;
  /** Calls authorize; never rejects: a failure is also recorded in `error`. */
  submit: (request: AuthorizeRequest) => Promise<AuthorizeOutcome>;
}

/** Runs `POST /connect/api/flows/:id/authorize` for this flow, tracking busy and error state. */
export function useAuthorize(flow: ConnectFlow): AuthorizeState {
  const { busy, error, run } = useAction();

  const submit = async (request: AuthorizeRequest): Promise<AuthorizeOutcome> => {
    let message = "";
    const result = await run(() =>
      authorize(flow.flow_id, request).catch((failure: unknown) => {
        message = errorMessage(failure); // the same words useAction records in `error`
        throw failure;
      }),
    );
    return result ? { ok: true, result } : { ok: false, message };
  };

  return { busy, error, submit };
}

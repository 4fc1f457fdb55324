import { useEffect, useState } from "react";
import { errorMessage } from "../ui/fetch-json.js";
import { onSignedOut } from "./console-fetch.js";
import type { ConsoleSession } from "./console-types.js";
import { getSession } from "./session-api.js";

/** Where a console page's session stands (the operations console and the developer dashboard share the session). */
export type SessionState =
  | { kind: "loading" }
  | { kind: "failed"; message: string }
  | { kind: "signed-out"; notice: string | null }
  | { kind: "signed-in"; session: ConsoleSession };

/**
 * The console session: loaded once, and back to signed-out (with a notice) whenever an API call answers 401 because
 * the session expired or was signed out in another tab.
 */
export function useConsoleSession(): [SessionState, (state: SessionState) => void] {
  const [state, setState] = useState<SessionState>({ kind: "loading" });
  useEffect(() => {
    getSession().then(
      (session) => setState(session ? { kind: "signed-in", session } : { kind: "signed-out", notice: null }),
      (failure: unknown) => setState({ kind: "failed", message: errorMessage(failure) }),
    );
    return onSignedOut(() => setState({ kind: "signed-out", notice: "Your session has ended. Sign in again to continue." }));
  }, []);
  return [state, setState];
}

import type { ReactNode } from "react";
import { ErrorBanner } from "../ui/error-banner.js";
import { usePageTitle } from "../ui/page-title.js";
import { Spinner } from "../ui/spinner.js";
import { useAction } from "../ui/use-action.js";
import type { ConsoleSession } from "./console-types.js";
import { signOut } from "./session-api.js";
import { SignIn } from "./sign-in.js";
import { useConsoleSession } from "./use-console-session.js";

/** What a signed-in console page gets from {@link ConsoleGate}. */
export interface SignedIn {
  user: ConsoleSession["user"];
  signOut: () => Promise<void>;
  signingOut: boolean;
}

/** Props of {@link ConsoleGate}. */
export interface ConsoleGateProps {
  loadingLabel: string;
  /** The sign-in form's heading, when it is not the operations console's. */
  signInTitle?: string;
  children: (signedIn: SignedIn) => ReactNode;
}

/**
 * The console sign-in gate shared by `/ops` and `/dashboard` (one session cookie for both): loading, a failure,
 * the sign-in form, or the signed-in page with a sign-out that brings the form back.
 */
export function ConsoleGate({ loadingLabel, signInTitle, children }: ConsoleGateProps) {
  const [state, setState] = useConsoleSession();
  const signOutAction = useAction();
  // signed in, each page names itself
  usePageTitle(state.kind === "signed-out" ? "Sign in" : state.kind === "signed-in" ? null : "Loading");

  if (state.kind === "loading") return <Spinner label={loadingLabel} />;
  if (state.kind === "failed") {
    return (
      <div className="signin">
        <ErrorBanner message={state.message} />
      </div>
    );
  }
  if (state.kind === "signed-out") {
    return <SignIn title={signInTitle} notice={state.notice} onSignedIn={(session) => setState({ kind: "signed-in", session })} />;
  }
  const leave = async () => {
    await signOutAction.run(signOut);
    setState({ kind: "signed-out", notice: null });
  };
  return <>{children({ user: state.session.user, signOut: leave, signingOut: signOutAction.busy })}</>;
}

import { ErrorBanner } from "../ui/error-banner.js";
import { Spinner } from "../ui/spinner.js";
import { OpsRoutes } from "./ops-routes.js";
import { OpsHeader } from "./ops-header.js";
import { parseRoute, useLocation } from "./routes.js";
import { signOut } from "./session-api.js";
import { SessionContext } from "./session-context.js";
import { SignIn } from "./sign-in.js";
import { useConsoleSession } from "./use-console-session.js";
import { useAction } from "./use-action.js";

const OPS_ROLES = ["operator", "admin"];

/** The operations console at `/ops/*`: sign-in gate, header with tabs, and the page the URL names. */
export function OpsApp() {
  const [state, setState] = useConsoleSession();
  const location = useLocation();
  const route = parseRoute(location.pathname);
  const signOutAction = useAction();

  if (state.kind === "loading") return <Spinner label="Loading the console…" />;
  if (state.kind === "failed") {
    return (
      <div className="signin">
        <ErrorBanner message={state.message} />
      </div>
    );
  }
  if (state.kind === "signed-out") {
    return <SignIn notice={state.notice} onSignedIn={(session) => setState({ kind: "signed-in", session })} />;
  }

  const { user } = state.session;
  const leave = async () => {
    await signOutAction.run(signOut);
    setState({ kind: "signed-out", notice: null });
  };

  return (
    <SessionContext.Provider value={user}>
      <div className="ops-page">
        <OpsHeader email={user.email} route={route} onSignOut={leave} busy={signOutAction.busy} />
        <main className="ops-main">
          {OPS_ROLES.includes(user.role) ? (
            <OpsRoutes route={route} search={location.search} key={route.page === "manual-jobs" ? route.page : location.pathname} />
          ) : (
            <ErrorBanner message={`${user.email} is a ${user.role} account; the operations console is for operators and admins.`} />
          )}
        </main>
      </div>
    </SessionContext.Provider>
  );
}

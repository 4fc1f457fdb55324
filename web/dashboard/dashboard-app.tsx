import { Button } from "../ui/button.js";
import { Card } from "../ui/card.js";
import { ErrorBanner } from "../ui/error-banner.js";
import { Spinner } from "../ui/spinner.js";
import { StepHeading } from "../ui/step-heading.js";
import { useLocation } from "../ops/routes.js";
import { signOut } from "../ops/session-api.js";
import { SignIn } from "../ops/sign-in.js";
import { useConsoleSession } from "../ops/use-console-session.js";
import { useAction } from "../ops/use-action.js";
import { DashboardSignedIn } from "./dashboard-signed-in.js";

/** Roles the dashboard is for; operators use the operations console. */
const DASHBOARD_ROLES = ["developer", "admin"];

/** The developer dashboard at `/dashboard/*`: the console sign-in (same session as /ops), then the applications. */
export function DashboardApp() {
  const [state, setState] = useConsoleSession();
  const location = useLocation();
  const signOutAction = useAction();

  if (state.kind === "loading") return <Spinner label="Loading the dashboard…" />;
  if (state.kind === "failed") {
    return (
      <div className="signin">
        <ErrorBanner message={state.message} />
      </div>
    );
  }
  if (state.kind === "signed-out") {
    return <SignIn title="Sign in to the developer dashboard" notice={state.notice} onSignedIn={(session) => setState({ kind: "signed-in", session })} />;
  }

  const { user } = state.session;
  const leave = async () => {
    await signOutAction.run(signOut);
    setState({ kind: "signed-out", notice: null });
  };

  if (!DASHBOARD_ROLES.includes(user.role)) {
    return (
      <div className="signin">
        <Card className="sheet" testId="not-allowed">
          <StepHeading>Not allowed here</StepHeading>
          <p>
            {user.email} is an {user.role} account. The developer dashboard is for developers of an application and for admins; operators work in
            the <a href="/ops">operations console</a>.
          </p>
          <Button variant="secondary" onClick={leave} disabled={signOutAction.busy} data-testid="logout">
            Sign out
          </Button>
        </Card>
      </div>
    );
  }

  return <DashboardSignedIn user={user} location={location} onSignOut={leave} signingOut={signOutAction.busy} />;
}

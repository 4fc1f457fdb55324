import { ConsoleGate } from "../console/console-gate.js";
import { useLocation } from "../console/navigation.js";
import { Button } from "../ui/button.js";
import { Card } from "../ui/card.js";
import { SiteNameContext } from "../ui/page-title.js";
import { StepHeading } from "../ui/step-heading.js";
import { DashboardSignedIn } from "./dashboard-signed-in.js";

/** Roles the dashboard is for; operators use the operations console. */
const DASHBOARD_ROLES = ["developer", "admin"];

/** The developer dashboard at `/dashboard/*`: the console sign-in (same session as /ops), then the applications. */
export function DashboardApp() {
  const location = useLocation();
  return (
    <SiteNameContext.Provider value="Linnet Dashboard">
      <ConsoleGate loadingLabel="Loading the dashboard…" signInTitle="Sign in to the developer dashboard">
        {({ user, signOut, signingOut }) =>
          DASHBOARD_ROLES.includes(user.role) ? (
            <DashboardSignedIn user={user} location={location} onSignOut={signOut} signingOut={signingOut} />
          ) : (
            <div className="signin">
              <Card className="sheet" testId="not-allowed">
                <StepHeading>Not allowed here</StepHeading>
                <p>
                  {user.email} is an {user.role} account. The developer dashboard is for developers of an application and for admins;
                  operators work in the <a href="/ops">operations console</a>.
                </p>
                <Button variant="secondary" onClick={signOut} disabled={signingOut} data-testid="logout">
                  Sign out
                </Button>
              </Card>
            </div>
          )
        }
      </ConsoleGate>
    </SiteNameContext.Provider>
  );
}

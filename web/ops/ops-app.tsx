import { ConsoleGate } from "../console/console-gate.js";
import { useLocation } from "../console/navigation.js";
import { SessionContext } from "../console/session-context.js";
import { ErrorBanner } from "../ui/error-banner.js";
import { SiteNameContext } from "../ui/page-title.js";
import { OpsHeader } from "./ops-header.js";
import { OpsRoutes } from "./ops-routes.js";
import { parseRoute } from "./routes.js";

const OPS_ROLES = ["operator", "admin"];

/** The operations console at `/ops/*`: sign-in gate, header with tabs, and the page the URL names. */
export function OpsApp() {
  const location = useLocation();
  const route = parseRoute(location.pathname);
  return (
    <SiteNameContext.Provider value="Linnet Operations">
      <ConsoleGate loadingLabel="Loading the console…">
        {({ user, signOut, signingOut }) => (
          <SessionContext.Provider value={user}>
            <div className="ops-page">
              <OpsHeader email={user.email} role={user.role} route={route} onSignOut={signOut} busy={signingOut} />
              <main className="ops-main">
                {OPS_ROLES.includes(user.role) ? (
                  <OpsRoutes route={route} search={location.search} key={route.page === "manual-jobs" ? route.page : location.pathname} />
                ) : (
                  <ErrorBanner message={`${user.email} is a ${user.role} account; the operations console is for operators and admins.`} />
                )}
              </main>
            </div>
          </SessionContext.Provider>
        )}
      </ConsoleGate>
    </SiteNameContext.Provider>
  );
}

import { useEffect } from "react";
import type { DashboardApplication } from "../../contracts/linnet/dashboard.js";
import type { ConsoleUser } from "../console/console-types.js";
import { Link } from "../console/link.js";
import { type Location, navigate } from "../console/navigation.js";
import { Card } from "../ui/card.js";
import { ErrorBanner } from "../ui/error-banner.js";
import { usePageTitle } from "../ui/page-title.js";
import { Spinner } from "../ui/spinner.js";
import { StepHeading } from "../ui/step-heading.js";
import { useLoad } from "../ui/use-load.js";
import { listApplications } from "./dashboard-api.js";
import { DashboardHeader } from "./dashboard-header.js";
import { DashboardPages } from "./dashboard-pages.js";
import { dashboardPaths, parseDashboardRoute } from "./dashboard-routes.js";

/** Props of {@link DashboardSignedIn}. */
export interface DashboardSignedInProps {
  user: ConsoleUser;
  location: Location;
  onSignOut: () => void;
  signingOut: boolean;
}

/** The picker of applications, shown at `/dashboard` when there are several. */
function ApplicationPicker({ applications }: { applications: DashboardApplication[] }) {
  return (
    <Card testId="application-picker">
      <StepHeading>Your applications</StepHeading>
      <ul className="app-list">
        {applications.map((a) => (
          <li key={a.id}>
            <Link href={dashboardPaths.employers(a.id)} data-testid={`open-application-${a.id}`}>
              {a.name}
            </Link>
            <span className="muted small"> · {a.client_type}</span>
          </li>
        ))}
      </ul>
    </Card>
  );
}

/** The title of a dashboard page; the connection page names itself once its employer is loaded. */
function pageTitle(route: ReturnType<typeof parseDashboardRoute>, appName: string | undefined): string | null {
  const of = (page: string) => (appName ? `${page} · ${appName}` : page);
  switch (route.page) {
    case "employers":
      return of("Employers");
    case "settings":
      return of("Settings");
    case "webhooks":
      return of("Webhooks");
    case "home":
      return "Applications";
    case "connection":
      return null;
    case "not-found":
      return "Page not found";
  }
}

/** The signed-in dashboard: header with the application and its tabs, then the page the URL names. */
export function DashboardSignedIn({ user, location, onSignOut, signingOut }: DashboardSignedInProps) {
  const apps = useLoad("applications", listApplications);
  const route = parseDashboardRoute(location.pathname);
  const applications = apps.data ?? [];
  const only = applications.length === 1 ? applications[0] : undefined;

  // With one application there is nothing to pick: go straight to its employers.
  useEffect(() => {
    if (route.page === "home" && only) navigate(dashboardPaths.employers(only.id), { replace: true });
  }, [route.page, only]);

  const current = "applicationId" in route ? applications.find((a) => a.id === route.applicationId) : undefined;
  usePageTitle(pageTitle(route, current?.name));
  let body: React.ReactNode;
  if (apps.data === null) body = apps.error === null ? <Spinner label="Loading applications…" /> : <ErrorBanner message={apps.error} />;
  else if (applications.length === 0) {
    body = (
      <Card testId="no-applications">
        <StepHeading>No applications yet</StepHeading>
        <p>
          Your account is not a member of any application. Ask an admin to add you (`linnet user create --role developer --application
          &lt;client_id&gt;`).
        </p>
      </Card>
    );
  } else if (route.page === "home") body = only ? <Spinner label="Opening…" /> : <ApplicationPicker applications={applications} />;
  else if ("applicationId" in route && !current)
    body = <ErrorBanner message="This application does not exist, or you are not a member of it." testId="application-missing" />;
  else body = <DashboardPages route={route} search={location.search} key={location.pathname} />;

  return (
    <div className="ops-page">
      <DashboardHeader
        email={user.email}
        route={route}
        applications={applications}
        current={current ?? null}
        onSignOut={onSignOut}
        busy={signingOut}
      />
      <main className="ops-main">{body}</main>
    </div>
  );
}

import { Link } from "../console/link.js";
import { Card } from "../ui/card.js";
import { StepHeading } from "../ui/step-heading.js";
import { ConnectionPage } from "./connection-page.js";
import { type DashboardRoute, dashboardPaths } from "./dashboard-routes.js";
import { EmployersPage } from "./employers-page.js";
import { SettingsPage } from "./settings-page.js";
import { WebhooksTab } from "./webhooks/webhooks-tab.js";

/** Props of {@link DashboardPages}. */
export interface DashboardPagesProps {
  route: DashboardRoute;
  /** The query string (the employers' filters live there). */
  search: string;
}

/** The page for the current route. */
export function DashboardPages({ route, search }: DashboardPagesProps) {
  switch (route.page) {
    case "employers":
      return <EmployersPage applicationId={route.applicationId} search={search} />;
    case "connection":
      return <ConnectionPage applicationId={route.applicationId} connectionId={route.connectionId} />;
    case "settings":
      return <SettingsPage applicationId={route.applicationId} />;
    case "webhooks":
      return <WebhooksTab applicationId={route.applicationId} />;
    case "home":
    case "not-found":
      return (
        <Card>
          <StepHeading>Page not found</StepHeading>
          <p>
            <Link href={dashboardPaths.home}>Back to your applications</Link>
          </p>
        </Card>
      );
  }
}

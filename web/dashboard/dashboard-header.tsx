import type { DashboardApplication } from "../../contracts/linnet/dashboard.js";
import { ConsoleTabs, ConsoleUser } from "../console/console-header-parts.js";
import { navigate } from "../console/navigation.js";
import { Wordmark } from "../ui/wordmark.js";
import { type DashboardRoute, dashboardPaths } from "./dashboard-routes.js";

/** Props of {@link DashboardHeader}. */
export interface DashboardHeaderProps {
  email: string;
  route: DashboardRoute;
  applications: DashboardApplication[];
  current: DashboardApplication | null;
  onSignOut: () => void;
  busy: boolean;
}

const TABS = [
  { label: "Employers", path: dashboardPaths.employers, pages: ["employers", "connection"], testId: "tab-employers" },
  { label: "Settings", path: dashboardPaths.settings, pages: ["settings"], testId: "tab-settings" },
  { label: "Webhooks", path: dashboardPaths.webhooks, pages: ["webhooks"], testId: "tab-webhooks" },
] as const;

/** Wordmark, the application (a picker when there are several), its tabs, who is signed in and "Sign out". */
export function DashboardHeader({ email, route, applications, current, onSignOut, busy }: DashboardHeaderProps) {
  return (
    <header className="ops-header">
      <div className="ops-brand">
        <Wordmark />
        <span className="ops-brand-label">Dashboard</span>
        {applications.length > 1 ? (
          <select
            className="input select app-picker"
            aria-label="Application"
            value={current?.id ?? ""}
            onChange={(e) => navigate(e.target.value ? dashboardPaths.employers(e.target.value) : dashboardPaths.home)}
            data-testid="app-picker"
          >
            <option value="">All applications…</option>
            {applications.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        ) : (
          current && (
            <span className="app-name" data-testid="app-name">
              {current.name}
            </span>
          )
        )}
      </div>
      {current && (
        <ConsoleTabs
          tabs={TABS.map((tab) => ({
            label: tab.label,
            href: tab.path(current.id),
            testId: tab.testId,
            active: (tab.pages as readonly string[]).includes(route.page),
          }))}
        />
      )}
      <a className="reference-link" href="/reference" data-testid="reference-link">
        API reference
      </a>
      <ConsoleUser email={email} onSignOut={onSignOut} busy={busy} />
    </header>
  );
}

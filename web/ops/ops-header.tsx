import { ConsoleTabs, ConsoleUser } from "../console/console-header-parts.js";
import { Wordmark } from "../ui/wordmark.js";
import type { Route } from "./routes.js";
import { paths } from "./routes.js";

/** Props of {@link OpsHeader}. */
export interface OpsHeaderProps {
  email: string;
  route: Route;
  onSignOut: () => void;
  /** Sign-out in flight. */
  busy: boolean;
  /** The signed-in person's role: admins also get the audit log. */
  role: string;
}

const TABS = [
  { label: "Queue", href: paths.queue, testId: "nav-queue", pages: ["queue", "connection", "upload"] },
  { label: "Intake", href: paths.intake, testId: "nav-intake", pages: ["intake", "intake-file"] },
  { label: "Manual jobs", href: paths.manualJobs, testId: "nav-manual-jobs", pages: ["manual-jobs"] },
  { label: "Audit log", href: paths.audit, testId: "nav-audit", pages: ["audit"], adminOnly: true },
] as const;

/** The console's header: wordmark, the two sections as tabs, who is signed in and "Sign out". */
export function OpsHeader({ email, route, onSignOut, busy, role }: OpsHeaderProps) {
  const tabs = TABS.filter((tab) => !("adminOnly" in tab) || role === "admin");
  return (
    <header className="ops-header">
      <div className="ops-brand">
        <Wordmark />
        <span className="ops-brand-label">Operations</span>
      </div>
      <ConsoleTabs
        tabs={tabs.map((tab) => ({
          label: tab.label,
          href: tab.href,
          testId: tab.testId,
          active: (tab.pages as readonly string[]).includes(route.page),
        }))}
      />
      <ConsoleUser email={email} onSignOut={onSignOut} busy={busy} />
    </header>
  );
}

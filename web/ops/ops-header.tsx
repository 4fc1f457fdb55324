import { Button } from "../ui/button.js";
import { Wordmark } from "../ui/wordmark.js";
import { Link } from "./link.js";
import type { Route } from "./routes.js";
import { paths } from "./routes.js";

/** Props of {@link OpsHeader}. */
export interface OpsHeaderProps {
  email: string;
  route: Route;
  onSignOut: () => void;
  /** Sign-out in flight. */
  busy: boolean;
}

const TABS = [
  { label: "Queue", href: paths.queue, testId: "nav-queue", pages: ["queue", "connection", "upload"] },
  { label: "Manual jobs", href: paths.manualJobs, testId: "nav-manual-jobs", pages: ["manual-jobs"] },
] as const;

/** The console's header: wordmark, the two sections as tabs, who is signed in and "Sign out". */
export function OpsHeader({ email, route, onSignOut, busy }: OpsHeaderProps) {
  return (
    <header className="ops-header">
      <div className="ops-brand">
        <Wordmark />
        <span className="ops-brand-label">Operations</span>
      </div>
      <nav className="ops-tabs" aria-label="Sections">
        {TABS.map((tab) => {
          const active = (tab.pages as readonly string[]).includes(route.page);
          return (
            <Link
              key={tab.href}
              href={tab.href}
              className={active ? "ops-tab ops-tab-active" : "ops-tab"}
              aria-current={active ? "page" : undefined}
              data-testid={tab.testId}
            >
              {tab.label}
            </Link>
          );
        })}
      </nav>
      <div className="ops-user">
        <span className="ops-user-email" data-testid="user-email">
          {email}
        </span>
        <Button variant="secondary" className="btn-small" onClick={onSignOut} disabled={busy} data-testid="logout">
          Sign out
        </Button>
      </div>
    </header>
  );
}

import { Button } from "../ui/button.js";
import { Link } from "./link.js";

/** One section tab of a console header. */
export interface ConsoleTab {
  label: string;
  href: string;
  active: boolean;
  testId: string;
}

/** The section tabs of a console header (operations console, developer dashboard). */
export function ConsoleTabs({ tabs }: { tabs: ConsoleTab[] }) {
  return (
    <nav className="ops-tabs" aria-label="Sections">
      {tabs.map((tab) => (
        <Link
          key={tab.href}
          href={tab.href}
          className={tab.active ? "ops-tab ops-tab-active" : "ops-tab"}
          aria-current={tab.active ? "page" : undefined}
          data-testid={tab.testId}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}

/** Who is signed in, and "Sign out" (disabled while signing out). */
export function ConsoleUser({ email, onSignOut, busy }: { email: string; onSignOut: () => void; busy: boolean }) {
  return (
    <div className="ops-user">
      <span className="ops-user-email" data-testid="user-email">
        {email}
      </span>
      <Button variant="secondary" className="btn-small" onClick={onSignOut} disabled={busy} data-testid="logout">
        Sign out
      </Button>
    </div>
  );
}

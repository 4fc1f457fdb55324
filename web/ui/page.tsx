import type { ReactNode } from "react";
import { Card } from "./card.js";
import { Wordmark } from "./wordmark.js";

/** Props of {@link Page}. */
export interface PageProps {
  children: ReactNode;
  /**
   * narrow: one 440 px card holding header and content (Connect, status), so it also reads as a dialog when Connect
   * is embedded over the host's page; wide: an 860 px column of separate cards (demo). Both go full width on phones.
   */
  width?: "narrow" | "wide";
  /** Drawn in the header's right corner (e.g. Connect's close button). */
  headerAction?: ReactNode;
}

/** The page frame: wordmark header and a centered column. */
export function Page({ children, width = "narrow", headerAction }: PageProps) {
  const header = (
    <header className="page-header">
      <Wordmark />
      {headerAction}
    </header>
  );
  if (width === "wide") {
    return (
      <div className="page page-wide">
        {header}
        <main className="page-main">{children}</main>
      </div>
    );
  }
  return (
    <div className="page page-narrow">
      <Card className="sheet">
        {header}
        <main className="page-main">{children}</main>
      </Card>
    </div>
  );
}

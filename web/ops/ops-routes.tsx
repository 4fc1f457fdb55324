import { Link } from "../console/link.js";
import { Card } from "../ui/card.js";
import { usePageTitle } from "../ui/page-title.js";
import { StepHeading } from "../ui/step-heading.js";
import { AuditPage } from "./audit/audit-page.js";
import { ConnectionPage } from "./connection/connection-page.js";
import { IntakeFilePage } from "./intake/intake-file-page.js";
import { IntakePage } from "./intake/intake-page.js";
import { ManualJobsPage } from "./manual-jobs/manual-jobs-page.js";
import { QueuePage } from "./queue/queue-page.js";
import { paths, type Route } from "./routes.js";
import { UploadPage } from "./uploads/upload-page.js";

/** Props of {@link OpsRoutes}. */
export interface OpsRoutesProps {
  route: Route;
  /** The query string (queue filters live there). */
  search: string;
}

/** The page for the current route. */
export function OpsRoutes({ route, search }: OpsRoutesProps) {
  switch (route.page) {
    case "queue":
      return <QueuePage search={search} />;
    case "connection":
      return <ConnectionPage id={route.id} />;
    case "upload":
      return <UploadPage id={route.id} />;
    case "manual-jobs":
      return <ManualJobsPage jobId={route.jobId} />;
    case "audit":
      return <AuditPage />;
    case "intake":
      return <IntakePage search={search} />;
    case "intake-file":
      return <IntakeFilePage id={route.id} />;
    case "not-found":
      return <NotFound />;
  }
}

/** An address the console does not know. */
function NotFound() {
  usePageTitle("Page not found");
  return (
    <Card>
      <StepHeading>Page not found</StepHeading>
      <p>
        <Link href={paths.queue}>Back to the queue</Link>
      </p>
    </Card>
  );
}

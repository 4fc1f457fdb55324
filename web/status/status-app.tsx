import { useState } from "react";
import { AssistedInstructions, instructionsTitle } from "../ui/assisted-instructions.js";
import { ErrorBanner } from "../ui/error-banner.js";
import { Page } from "../ui/page.js";
import { ProductList } from "../ui/product-list.js";
import { Spinner } from "../ui/spinner.js";
import { StepHeading } from "../ui/step-heading.js";
import { useLoad } from "../ui/use-load.js";
import { AccessSection } from "./access-section.js";
import { DisconnectedStatus } from "./disconnected-status.js";
import { ExpectedData } from "./expected-data.js";
import { LateReports } from "./late-reports.js";
import { ReportSetupSection } from "./report-setup.js";
import { getStatus, tokenFromPath } from "./status-api.js";
import { StatusPill } from "./status-pill.js";

/** The employer status page at `/connect/status/<token>`: where an assisted connection stands and what is left to do. */
export function StatusApp() {
  const [token] = useState(() => tokenFromPath(window.location.pathname));
  const { data: status, error, setData: setStatus } = useLoad(token, getStatus);

  if (status === null) {
    return (
      <Page>
        {error === null ? (
          <Spinner label="Loading status…" />
        ) : (
          <>
            <StepHeading>We can't show this connection</StepHeading>
            <ErrorBanner message={error} />
            <p className="muted">Check that you opened the full link you were given.</p>
          </>
        )}
      </Page>
    );
  }

  if (status.status === "disconnected") return <DisconnectedStatus status={status} />;

  return (
    <Page>
      <StepHeading>
        {status.provider.display_name} connection for {status.application_name}
      </StepHeading>
      {status.customer_name && <p className="lead">{status.customer_name}</p>}
      <StatusPill label={status.status_label} />
      <p data-testid="status-message">{status.status_message}</p>
      <ExpectedData expected={status.expected_first_data} />
      <LateReports late={status.late_reports} />

      <hr className="divider" />
      <h2 className="section-title">What {status.application_name} asked for</h2>
      <ProductList products={status.products} />

      <hr className="divider" />
      <h2 className="section-title">Admin access</h2>
      <AccessSection token={token} status={status} onChange={setStatus} />

      <hr className="divider" />
      <h2 className="subheading">{instructionsTitle(status.instructions)}</h2>
      <AssistedInstructions instructions={status.instructions} showTiming={false} />
      <ReportSetupSection token={token} />
    </Page>
  );
}

import type { EmployerStatus } from "../../contracts/linnet/connect-flow.js";
import { breakAfterAt } from "../ui/assisted-instructions.js";
import { CopyButton } from "../ui/copy-button.js";
import { Page } from "../ui/page.js";
import { StepHeading } from "../ui/step-heading.js";
import { StatusPill } from "./status-pill.js";

/** Props of {@link DisconnectedStatus}. */
export interface DisconnectedStatusProps {
  status: EmployerStatus;
}

/**
 * The status page of a disconnected connection: nothing is expected any more and nothing is to be invited; what is
 * left is for the employer to remove the administrator account they gave Linnet's operations team.
 */
export function DisconnectedStatus({ status }: DisconnectedStatusProps) {
  const provider = status.provider.display_name;
  const invite = status.instructions.invite_email;
  return (
    <Page>
      <StepHeading>
        {provider} connection for {status.application_name}
      </StepHeading>
      {status.customer_name && <p className="lead">{status.customer_name}</p>}
      <StatusPill label={status.status_label} />
      <p data-testid="disconnected-message">
        This connection is disconnected. {status.application_name} no longer receives data from {provider}, and we no longer sign in to it.
      </p>
      <hr className="divider" />
      <h2 className="section-title">Remove our administrator account</h2>
      <p>Remove the administrator you invited for this connection from {provider}. Look for the user with this email address:</p>
      <div className="invite-box">
        <code data-testid="remove-admin-email">{breakAfterAt(invite)}</code>
        <CopyButton text={invite} label="Copy email address" />
      </div>
      <p className="muted">If {status.application_name} asks you to connect again later, you will get a new link and new instructions.</p>
    </Page>
  );
}

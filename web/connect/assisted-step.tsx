import { useState } from "react";
import type { AuthorizeResponse, ConnectFlow, FlowProvider } from "../../contracts/linnet/connect-flow.js";
import { AssistedInstructions, instructionsTitle } from "../ui/assisted-instructions.js";
import { Button } from "../ui/button.js";
import { ErrorBanner } from "../ui/error-banner.js";
import { Spinner } from "../ui/spinner.js";
import { StepHeading } from "../ui/step-heading.js";
import { TextField } from "../ui/text-field.js";
import { useLoad } from "../ui/use-load.js";
import { BackLink } from "./back-link.js";
import { getInstructions } from "./connect-api.js";
import { PreviewButton } from "./preview-button.js";
import { useAuthorize } from "./use-authorize.js";

/** Props of {@link AssistedStep}. */
export interface AssistedStepProps {
  flow: ConnectFlow;
  provider: FlowProvider;
  onBack: () => void;
  /** Called with the result and, after "I'll do it later", the address the employer still has to invite. */
  onAuthorized: (result: AuthorizeResponse, pendingInvite: string | null) => void;
}

/** Step c: how to give Linnet admin access in an assisted provider, then "granted" or "later". */
export function AssistedStep({ flow, provider, onBack, onAuthorized }: AssistedStepProps) {
  const { data: instructions, error: loadError } = useLoad(`${flow.flow_id}/${provider.id}`, () =>
    getInstructions(flow.flow_id, provider.id),
  );
  const { busy, error, submit } = useAuthorize(flow);

  // A legacy link names no employer: ask, so operators and the developer see who this connection is for.
  const askName = flow.customer_name === null;
  const [companyName, setCompanyName] = useState("");
  const nameMissing = askName && companyName.trim() === "";

  const answer = async (accessGranted: boolean) => {
    const outcome = await submit({
      provider_id: provider.id,
      auth_method: "assisted",
      access_granted: accessGranted,
      ...(askName ? { company_name: companyName.trim() } : {}),
    });
    if (outcome.ok) onAuthorized(outcome.result, accessGranted ? null : (instructions?.invite_email ?? null));
  };

  if (instructions === null) {
    return (
      <>
        <BackLink onClick={onBack} />
        <StepHeading>Connect {provider.display_name}</StepHeading>
        {loadError === null ? <Spinner label="Loading instructions…" /> : <ErrorBanner message={loadError} />}
      </>
    );
  }

  return (
    <>
      <BackLink onClick={onBack} />
      <StepHeading>{instructionsTitle(instructions)}</StepHeading>
      <AssistedInstructions instructions={instructions} />
      {askName && (
        <TextField
          label="Your company's name"
          value={companyName}
          onChange={setCompanyName}
          autoComplete="organization"
          testId="company-name"
        />
      )}
      <ErrorBanner message={error} />
      {flow.preview ? (
        <PreviewButton testId="access-granted" />
      ) : (
        <div className="actions">
          <Button block disabled={busy || nameMissing} onClick={() => answer(true)} data-testid="access-granted">
            I have granted access
          </Button>
          <Button block variant="secondary" disabled={busy || nameMissing} onClick={() => answer(false)} data-testid="access-later">
            I'll do it later
          </Button>
        </div>
      )}
    </>
  );
}

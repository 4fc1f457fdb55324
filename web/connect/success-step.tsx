import { useEffect } from "react";
import type { AuthorizeResponse, FlowProvider } from "../../contracts/linnet/connect-flow.js";
import { StepHeading } from "../ui/step-heading.js";

/** How long the success screen shows before the code is handed over (the SDK closes the iframe at once). */
const HANDOVER_DELAY_MS = 800;

/** Props of {@link SuccessStep}. */
export interface SuccessStepProps {
  provider: FlowProvider;
  /** Assisted connections are not live yet: access is pending until the admin invite is accepted. */
  assisted: boolean;
  result: AuthorizeResponse;
  /** Hands the code to the developer's app (postMessage or redirect); called once, after a short pause. */
  onComplete: (result: AuthorizeResponse) => void;
}

/** Step e: the connection is made (or pending); the code goes back to the developer's app. */
export function SuccessStep({ provider, assisted, result, onComplete }: SuccessStepProps) {
  useEffect(() => {
    const timer = window.setTimeout(() => onComplete(result), HANDOVER_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [onComplete, result]);

  return (
    <div className="success" data-testid="success">
      <div className="success-mark" aria-hidden="true">
        ✓
      </div>
      <StepHeading>{assisted ? "Almost done: access pending" : "You're connected"}</StepHeading>
      {assisted ? (
        <p>
          We'll start collecting data from {provider.display_name} as soon as the admin access is in place. Nothing else is
          needed from you now.
        </p>
      ) : (
        <p>Your {provider.display_name} account is connected.</p>
      )}
      {result.redirect_to && <p className="muted">Taking you back…</p>}
      {result.status_url && (
        <p>
          <a href={result.status_url} target="_blank" rel="noopener" data-testid="status-link">
            Check the status of this connection
          </a>
        </p>
      )}
    </div>
  );
}

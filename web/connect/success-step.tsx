import { useEffect } from "react";
import type { AuthorizeResponse, FlowProvider } from "../../contracts/linnet/connect-flow.js";
import { Button } from "../ui/button.js";
import { StepHeading } from "../ui/step-heading.js";

/** How long the automated success screen shows before the code is handed over (the SDK closes the iframe at once). */
const HANDOVER_DELAY_MS = 800;

/** Props of {@link SuccessStep}. */
export interface SuccessStepProps {
  provider: FlowProvider;
  /** Assisted connections are not live yet: access is pending until the admin invite is accepted. */
  assisted: boolean;
  result: AuthorizeResponse;
  /** Hands the code to the developer's app (postMessage or redirect); called once. */
  onComplete: (result: AuthorizeResponse) => void;
}

/**
 * Step e: the connection is made (or pending); the code goes back to the developer's app.
 * Automated connections hand over after a short pause. Assisted ones wait for "Done" so the employer
 * can keep the status link: handing over closes the iframe or leaves the page.
 */
export function SuccessStep({ provider, assisted, result, onComplete }: SuccessStepProps) {
  useEffect(() => {
    if (assisted) return;
    const timer = window.setTimeout(() => onComplete(result), HANDOVER_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [assisted, onComplete, result]);

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
      {!assisted && result.redirect_to && <p className="muted">Taking you back…</p>}
      {result.status_url && (
        <p>
          <a href={result.status_url} target="_blank" rel="noopener" data-testid="status-link">
            Check the status of this connection
          </a>
          <br />
          <span className="muted">Keep this link: it shows the instructions again and when your data is expected.</span>
        </p>
      )}
      {assisted && (
        <Button onClick={() => onComplete(result)} data-testid="done">
          Done
        </Button>
      )}
    </div>
  );
}

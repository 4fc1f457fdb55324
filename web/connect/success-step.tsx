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
  /** The invite address still to be sent when the employer chose "I'll do it later" (null: nothing left to do). */
  pendingInvite: string | null;
  /** Hands the code to the developer's app (postMessage or redirect); called once. */
  onComplete: (result: AuthorizeResponse) => void;
}

/**
 * Step e: the connection is made (or pending); the code goes back to the developer's app.
 * Automated connections hand over after a short pause. Assisted ones wait for "Done" so the employer
 * can keep the status link: handing over closes the iframe or leaves the page.
 */
export function SuccessStep({ provider, assisted, pendingInvite, result, onComplete }: SuccessStepProps) {
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
      <StepHeading>
        {!assisted ? "You're connected" : pendingInvite ? "One step left: invite our administrator" : "Almost done: access pending"}
      </StepHeading>
      {assisted && pendingInvite && (
        <p data-testid="success-next-step">
          When you can, invite <strong>{pendingInvite}</strong> as an administrator in {provider.display_name}, as the instructions showed.
          We start collecting data once the invitation is accepted; until then nothing can be read.
        </p>
      )}
      {assisted && !pendingInvite && (
        <p data-testid="success-next-step">
          We'll start collecting data from {provider.display_name} once we have accepted your invitation. Nothing else is needed from you
          now.
        </p>
      )}
      {!assisted && <p>Your {provider.display_name} account is connected.</p>}
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

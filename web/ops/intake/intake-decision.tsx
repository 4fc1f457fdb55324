import { useState } from "react";
import { Button } from "../../ui/button.js";
import { ErrorBanner } from "../../ui/error-banner.js";
import { useAction } from "../../ui/use-action.js";
import { ReasonField } from "../reason-field.js";
import { decideIntakeFile } from "./intake-api.js";

type Mode = "publish" | "reject" | null;

/**
 * What an operator may do with a held file: publish it anyway or reject it (each with a reason, kept in the activity
 * log), or re-run it once the recipe is fixed.
 */
export function IntakeDecision({ fileId, onDecided }: { fileId: string; onDecided: () => void }) {
  const [mode, setMode] = useState<Mode>(null);
  const [reason, setReason] = useState("");
  const action = useAction();
  const decide = async (decision: Parameters<typeof decideIntakeFile>[1]) => {
    if ((await action.run(() => decideIntakeFile(fileId, decision))) !== null) {
      setMode(null);
      setReason("");
      onDecided();
    }
  };

  return (
    <div className="intake-decision" data-testid="intake-decision">
      <p className="muted">The data served now stays as it is until you decide. Later files of this connection wait for this one.</p>
      {mode === null ? (
        <div className="button-row">
          <Button onClick={() => setMode("publish")} data-testid="publish-anyway">
            Publish anyway…
          </Button>
          <Button variant="secondary" disabled={action.busy} onClick={() => void decide({ action: "rerun" })} data-testid="rerun">
            Re-run with the current recipe
          </Button>
          <Button variant="secondary" onClick={() => setMode("reject")} data-testid="reject">
            Reject…
          </Button>
        </div>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void decide({ action: mode, reason });
          }}
        >
          <ReasonField
            label={
              mode === "publish"
                ? "Why publish it anyway? (kept in the activity log)"
                : "Why reject it? (the developer's app sees the refresh failed)"
            }
            value={reason}
            onChange={setReason}
            testId="decision-reason"
            autoFocus
          />
          <div className="button-row">
            <Button type="submit" disabled={action.busy || reason.trim().length < 3} data-testid="confirm-decision">
              {mode === "publish" ? "Publish" : "Reject the file"}
            </Button>
            <Button variant="secondary" onClick={() => setMode(null)}>
              Cancel
            </Button>
          </div>
        </form>
      )}
      <ErrorBanner message={action.error} testId="decision-error" />
    </div>
  );
}

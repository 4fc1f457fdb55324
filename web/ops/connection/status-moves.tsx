import { type FormEvent, useState } from "react";
import { Button } from "../../ui/button.js";
import { ErrorBanner } from "../../ui/error-banner.js";
import { statusWords } from "../../ui/format.js";
import { useAction } from "../../ui/use-action.js";
import type { OpsConnection } from "../ops-types.js";
import { ReasonField } from "../reason-field.js";
import { setConnectionStatus } from "./connection-api.js";

/** Props of {@link StatusMoves}. */
export interface StatusMovesProps {
  connection: OpsConnection;
  onChange: (connection: OpsConnection) => void;
}

/** The moves the state machine allows now, as buttons; each asks for a reason in a small inline form. */
export function StatusMoves({ connection, onChange }: StatusMovesProps) {
  const [target, setTarget] = useState<string | null>(null);
  const [reason, setReason] = useState("");
  const action = useAction();

  if (connection.allowed_statuses.length === 0) return <p className="muted">No status changes are possible from here.</p>;

  const choose = (status: string) => {
    setTarget(status);
    setReason("");
    action.clearError();
  };
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (target === null || reason.trim() === "") return;
    const updated = await action.run(() => setConnectionStatus(connection.id, target, reason.trim()));
    if (updated) {
      setTarget(null);
      onChange(updated);
    }
  };

  return (
    <div className="status-moves">
      <div className="button-row">
        {connection.allowed_statuses.map((status) => (
          <Button
            key={status}
            variant={status === target ? "primary" : "secondary"}
            className="btn-small"
            aria-pressed={status === target}
            onClick={() => choose(status)}
            data-testid={`status-${status}`}
          >
            {statusWords(status)}
          </Button>
        ))}
      </div>
      {target !== null && (
        <form className="form inline-form" onSubmit={submit} data-testid="status-form">
          <ReasonField
            label={<>Reason for moving to “{statusWords(target)}”</>}
            value={reason}
            onChange={setReason}
            testId="status-reason"
            autoFocus
          />
          <ErrorBanner message={action.error} testId="status-error" />
          <div className="button-row">
            <Button type="submit" className="btn-small" disabled={action.busy || reason.trim() === ""} data-testid="status-submit">
              {action.busy ? "Saving…" : `Move to ${statusWords(target)}`}
            </Button>
            <Button variant="secondary" className="btn-small" onClick={() => setTarget(null)} data-testid="status-cancel">
              Cancel
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}

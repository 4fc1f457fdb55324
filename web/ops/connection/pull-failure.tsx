import { type FormEvent, useId, useState } from "react";
import { Button } from "../../ui/button.js";
import { ErrorBanner } from "../../ui/error-banner.js";
import { formatDateTime } from "../../ui/format.js";
import { useAction } from "../../ui/use-action.js";
import type { OpsConnection } from "../ops-types.js";
import { ReasonField } from "../reason-field.js";
import { reportPullFailure } from "./connection-api.js";

/** Props of {@link PullFailure}. */
export interface PullFailureProps {
  connection: OpsConnection;
  onChange: (connection: OpsConnection) => void;
}

const GROUP_WORDS = { org: "Organization", pay: "Pay" } as const;
const GROUP_PRODUCTS: Record<"org" | "pay", readonly string[]> = {
  org: ["company", "directory", "individual", "employment"],
  pay: ["payment", "pay_statement"],
};

/**
 * The last pull or try of each product group, and a small form for the try that failed while the connection stands
 * (the employer's system was down, an export came back empty). Apps see it in `Finch-Last-Attempted-Update-*`.
 */
export function PullFailure({ connection, onChange }: PullFailureProps) {
  const [open, setOpen] = useState(false);
  // only the groups this connection was granted products of
  const groups = (["org", "pay"] as const).filter((g) => connection.products.some((p) => GROUP_PRODUCTS[g].includes(p)));
  const [group, setGroup] = useState<"org" | "pay">(groups[0] ?? "org");
  const [reason, setReason] = useState("");
  const groupId = useId();
  const action = useAction();
  const attempts = connection.last_attempts;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (reason.trim() === "") return;
    const updated = await action.run(() => reportPullFailure(connection.id, group, reason.trim()));
    if (updated) {
      setOpen(false);
      setReason("");
      onChange(updated);
    }
  };

  return (
    <div data-testid="pull-attempts">
      <ul className="attempt-list">
        {groups.map((g) => {
          const a = attempts[g];
          return (
            <li key={g} data-testid={`last-attempt-${g}`}>
              {GROUP_WORDS[g]}: {a ? `${a.result === "success" ? "pulled" : "failed"} ${formatDateTime(a.at)}` : "not tried yet"}
            </li>
          );
        })}
      </ul>
      {connection.status !== "disconnected" && !open && (
        <Button variant="secondary" className="btn-small" onClick={() => setOpen(true)} data-testid="pull-failure-open">
          Report a failed pull
        </Button>
      )}
      {open && (
        <form className="form inline-form" onSubmit={submit} data-testid="pull-failure-form">
          <div className="field">
            <label className="field-label" htmlFor={groupId}>
              Data
            </label>
            <select
              id={groupId}
              className="input"
              value={group}
              onChange={(e) => setGroup(e.target.value as "org" | "pay")}
              data-testid="pull-failure-group"
            >
              {groups.includes("org") && <option value="org">Organization (company, directory, individuals, employment)</option>}
              {groups.includes("pay") && <option value="pay">Pay (payments, pay statements)</option>}
            </select>
          </div>
          <ReasonField label="What went wrong" value={reason} onChange={setReason} testId="pull-failure-reason" />
          <ErrorBanner message={action.error} testId="pull-failure-error" />
          <div className="button-row">
            <Button type="submit" className="btn-small" disabled={action.busy || reason.trim() === ""} data-testid="pull-failure-submit">
              {action.busy ? "Saving…" : "Record the failed pull"}
            </Button>
            <Button variant="secondary" className="btn-small" onClick={() => setOpen(false)}>
              Cancel
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}

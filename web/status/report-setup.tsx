import { useState } from "react";
import { Button } from "../ui/button.js";
import { ErrorBanner } from "../ui/error-banner.js";
import { formatDateTime } from "../ui/format.js";
import { InboxDetails, PublicKeyForm } from "../ui/inbox-details.js";
import { useAction } from "../ui/use-action.js";
import { useLoad } from "../ui/use-load.js";
import { addReportKey, createReportCredentials, getReportSetup } from "./report-setup-api.js";

/**
 * "Send your reports automatically": for a live connection whose payroll system can schedule reports to SFTP, the
 * provider's steps, and creating the inbox's login (password shown once) or adding the provider's public key.
 * Renders nothing for other connections.
 */
export function ReportSetupSection({ token }: { token: string }) {
  // the section is optional: when it fails to load (its error is not shown) the page still says everything else
  const { data: setup, setData: setSetup } = useLoad(token, getReportSetup);
  const [password, setPassword] = useState<string | null>(null);
  const { busy, error, run } = useAction();

  const create = async () => {
    const created = await run(() => createReportCredentials(token));
    if (created) {
      setSetup(created.setup);
      setPassword(created.password);
    }
  };
  const addKey = async (line: string) => {
    const updated = await run(() => addReportKey(token, line));
    if (updated) setSetup(updated);
    return updated !== null;
  };

  if (setup === null || !setup.available) return null;
  return (
    <section className="report-setup" aria-labelledby="report-setup-title" data-testid="report-setup">
      <hr className="divider" />
      <h2 className="section-title" id="report-setup-title">
        Send your reports automatically
      </h2>
      <p>
        {setup.provider_name} can send a census and a payroll report on a schedule to our secure SFTP inbox. Once it does, your data
        refreshes by itself and nobody has to sign in to pull it.
      </p>
      {setup.set_up_by && (
        <p className="small muted" data-testid="report-setup-who">
          Set up by: {setup.set_up_by}. {setup.lead_time}
        </p>
      )}
      <ol className="steps" data-testid="report-setup-steps">
        {setup.steps.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
      {setup.inbox ? (
        <>
          <InboxDetails inbox={setup.inbox} password={password} />
          {setup.inbox.last_file_at && <p className="small">Last file received {formatDateTime(setup.inbox.last_file_at)}.</p>}
        </>
      ) : (
        <p className="muted">Create a login for {setup.provider_name}, or add the public key it gives you.</p>
      )}
      <ErrorBanner message={error} testId="report-setup-error" />
      <Button
        variant={setup.inbox?.has_password ? "secondary" : "primary"}
        disabled={busy}
        onClick={() => void create()}
        data-testid="report-setup-create"
      >
        {setup.inbox?.has_password ? "Set a new password" : "Create a login"}
      </Button>
      <PublicKeyForm onAdd={addKey} busy={busy} />
    </section>
  );
}

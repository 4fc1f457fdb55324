import { useState } from "react";
import { Link } from "../../console/link.js";
import { Button } from "../../ui/button.js";
import { ErrorBanner } from "../../ui/error-banner.js";
import { formatDate, formatDateTime } from "../../ui/format.js";
import { InboxDetails, PublicKeyForm } from "../../ui/inbox-details.js";
import { Spinner } from "../../ui/spinner.js";
import { useAction } from "../../ui/use-action.js";
import { useLoad } from "../../ui/use-load.js";
import { paths } from "../routes.js";
import { addInboxKey, getIntakeSource, groupWords, resetInboxPassword } from "./intake-api.js";

/**
 * The connection page's scheduled-report section: open the SFTP inbox (the password is shown once), set a new password,
 * add a public key; the recipes by report kind, the last file and the next one expected.
 */
export function InboxCard({ connectionId, disconnected }: { connectionId: string; disconnected: boolean }) {
  const source = useLoad(connectionId, getIntakeSource);
  const [password, setPassword] = useState<string | null>(null);
  const action = useAction();
  const s = source.data;
  if (s === null) return source.error === null ? <Spinner label="Loading the inbox…" /> : <ErrorBanner message={source.error} />;

  const reset = async () => {
    const created = await action.run(() => resetInboxPassword(connectionId));
    if (created) {
      setPassword(created.password);
      await source.reload();
    }
  };
  const addKey = async (line: string) => {
    const updated = await action.run(() => addInboxKey(connectionId, line));
    if (updated) source.setData(updated);
    return updated !== null;
  };

  return (
    <div data-testid="inbox-card">
      {s.inbox ? (
        <InboxDetails inbox={{ ...s.inbox, folder: "/" }} password={password} />
      ) : (
        <p className="muted">No inbox yet. Open one to let this employer's payroll system send its scheduled reports by SFTP.</p>
      )}
      {!disconnected && (
        <div className="button-row">
          <Button variant={s.inbox ? "secondary" : "primary"} disabled={action.busy} onClick={() => void reset()} data-testid="inbox-reset">
            {s.inbox ? "Set a new password" : "Open the inbox"}
          </Button>
        </div>
      )}
      {!disconnected && <PublicKeyForm onAdd={addKey} busy={action.busy} />}
      <ErrorBanner message={action.error} testId="inbox-error" />
      <dl className="facts ops-facts">
        <div>
          <dt>Recipes</dt>
          <dd data-testid="inbox-recipes">
            {s.recipes.length === 0
              ? "None yet: the first published upload of each report becomes its recipe"
              : s.recipes.map((r) => `${groupWords(r.group)}: ${r.name}`).join(" · ")}
          </dd>
        </div>
        <div>
          <dt>Last file</dt>
          <dd>{s.last_file_at ? formatDateTime(s.last_file_at) : "None yet"}</dd>
        </div>
        <div>
          <dt>Next expected</dt>
          <dd>
            {s.next_expected_at ? formatDate(s.next_expected_at) : "—"}
            {s.late && " (late)"}
          </dd>
        </div>
        {s.automatic_since && (
          <div>
            <dt>Refreshing by itself since</dt>
            <dd>{formatDate(s.automatic_since)}</dd>
          </div>
        )}
      </dl>
      <p className="small">
        <Link href={`${paths.intake}`}>All delivered files</Link>
      </p>
    </div>
  );
}

import { useState } from "react";
import type { ConnectLink, DashboardConnectionDetail } from "../../contracts/linnet/dashboard.js";
import { ActivityTimeline } from "../console/activity-timeline.js";
import { Link } from "../console/link.js";
import { Button } from "../ui/button.js";
import { Card } from "../ui/card.js";
import { ErrorBanner } from "../ui/error-banner.js";
import { formatDate, formatDateTime } from "../ui/format.js";
import { usePageTitle } from "../ui/page-title.js";
import { productLabels } from "../ui/product-words.js";
import { Spinner } from "../ui/spinner.js";
import { StepHeading } from "../ui/step-heading.js";
import { useAction } from "../ui/use-action.js";
import { useLoad } from "../ui/use-load.js";
import { createReauthLink, disconnect, getConnection } from "./dashboard-api.js";
import { dashboardPaths } from "./dashboard-routes.js";
import { DeductionJobs } from "./deduction-jobs.js";
import { LinkBox } from "./link-box.js";
import { StatusPill } from "./status-pill.js";

/** Props of {@link ConnectionPage}. */
export interface ConnectionPageProps {
  applicationId: string;
  connectionId: string;
}

/** Per-product readiness: served or not, pulled when, expected when, next refresh. */
function Readiness({ connection: c }: { connection: DashboardConnectionDetail }) {
  if (c.readiness.length === 0) return <p className="muted">No data products were requested.</p>;
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid="readiness">
        <thead>
          <tr>
            <th scope="col">Product</th>
            <th scope="col">Data</th>
            <th scope="col">Retrieved</th>
            <th scope="col">Expected</th>
            <th scope="col">Next refresh</th>
          </tr>
        </thead>
        <tbody>
          {c.readiness.map((r) => (
            <tr key={r.product} data-testid={`readiness-${r.product}`}>
              <td>{productLabels([r.product])}</td>
              <td>{r.ready ? "Available" : <span className="muted">Not yet</span>}</td>
              <td>{formatDateTime(r.data_retrieved_at)}</td>
              <td>{formatDate(r.expected_by)}</td>
              <td>{formatDate(r.next_refresh_at)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Create a reauthentication link, and disconnect after a confirmation. */
function Actions({
  applicationId,
  connection: c,
  onChange,
}: {
  applicationId: string;
  connection: DashboardConnectionDetail;
  onChange: (c: DashboardConnectionDetail) => void;
}) {
  const action = useAction();
  const [link, setLink] = useState<ConnectLink | null>(null);
  const [confirming, setConfirming] = useState(false);
  if (c.status === "disconnected") return <p className="muted">This connection is disconnected; its tokens no longer work.</p>;
  const reauth = async () => setLink(await action.run(() => createReauthLink(applicationId, c.id)));
  const leave = async () => {
    const updated = await action.run(() => disconnect(applicationId, c.id));
    setConfirming(false);
    if (updated) onChange(updated);
  };
  return (
    <div className="dashboard-actions">
      <ErrorBanner message={action.error} testId="action-error" />
      <div className="button-row">
        <Button variant="secondary" onClick={reauth} disabled={action.busy} data-testid="create-reauth-link">
          Create reauthentication link
        </Button>
        {!confirming && (
          <Button variant="secondary" onClick={() => setConfirming(true)} disabled={action.busy} data-testid="disconnect">
            Disconnect…
          </Button>
        )}
      </div>
      {link && <LinkBox url={link.connect_url} label="Send this link to the employer to re-authenticate" testId="reauth-link" />}
      {confirming && (
        <div className="confirm-box" role="alertdialog" aria-label="Confirm disconnect" data-testid="disconnect-confirm">
          <p>
            Disconnect {c.customer_name ?? "this employer"}? Every access token of this connection stops working at once. This cannot be
            undone.
          </p>
          <div className="button-row">
            <Button variant="danger" onClick={leave} disabled={action.busy} data-testid="disconnect-confirm-yes">
              Disconnect
            </Button>
            <Button variant="secondary" onClick={() => setConfirming(false)} data-testid="disconnect-cancel">
              Cancel
            </Button>
          </div>
        </div>
      )}
    </div>
  );
}

/** One connection: facts, status, per-product readiness, actions and the activity timeline. */
export function ConnectionPage({ applicationId, connectionId }: ConnectionPageProps) {
  const connection = useLoad(connectionId, () => getConnection(applicationId, connectionId));
  const c = connection.data;
  usePageTitle(c ? `${c.customer_name ?? "Unnamed employer"} · Employer` : "Employer");
  if (c === null)
    return connection.error === null ? (
      <Spinner label="Loading connection…" />
    ) : (
      <ErrorBanner message={connection.error} testId="connection-error" />
    );
  return (
    <>
      <p className="small">
        <Link href={dashboardPaths.employers(applicationId)}>← All employers</Link>
      </p>
      <div className="page-title">
        <StepHeading testId="connection-title">{c.customer_name ?? "Unnamed employer"}</StepHeading>
        <span className="muted">
          {c.provider.display_name} · {c.auth_type === "assisted" ? "Assisted" : "Automated"}
        </span>
      </div>
      <div className="ops-grid">
        <Card>
          <h2 className="section-title">Employer</h2>
          <dl className="facts ops-facts">
            <div>
              <dt>Customer id</dt>
              <dd data-testid="customer-id">
                <code>{c.customer_id ?? "—"}</code>
              </dd>
            </div>
            {c.customer_email && (
              <div>
                <dt>Email</dt>
                <dd>{c.customer_email}</dd>
              </div>
            )}
            <div>
              <dt>Provider</dt>
              <dd>{c.provider.display_name}</dd>
            </div>
            <div>
              <dt>Auth method</dt>
              <dd>{c.auth_type === "assisted" ? "Assisted" : `Automated (${c.auth_method.replace("_", " ")})`}</dd>
            </div>
            <div>
              <dt>Products</dt>
              <dd>{productLabels(c.products) || "—"}</dd>
            </div>
            <div>
              <dt>Connection id</dt>
              <dd>
                <code>{c.id}</code>
              </dd>
            </div>
            <div>
              <dt>Created</dt>
              <dd>{formatDateTime(c.created_at)}</dd>
            </div>
            {c.access_confirmed_at && (
              <div>
                <dt>Access confirmed</dt>
                <dd>{formatDateTime(c.access_confirmed_at)}</dd>
              </div>
            )}
            {c.disconnected_at && (
              <div>
                <dt>Disconnected</dt>
                <dd>{formatDateTime(c.disconnected_at)}</dd>
              </div>
            )}
          </dl>
        </Card>
        <Card testId="status-card">
          <h2 className="section-title">Status</h2>
          <StatusPill status={c.status} label={c.status_label} words={c.status_words} testId="connection-status" />
          <p data-testid="status-words">{c.status_words}</p>
          {c.expected_first_data_at && (
            <p>
              First data expected by <strong data-testid="expected-date">{formatDate(c.expected_first_data_at)}</strong>
            </p>
          )}
          {c.refreshed_from_reports_since && (
            <p data-testid="refreshed-automatically">
              Refreshed automatically from scheduled reports since <strong>{formatDate(c.refreshed_from_reports_since)}</strong>
            </p>
          )}
          {c.employer_status_url && (
            <p className="small">
              <a href={c.employer_status_url} target="_blank" rel="noreferrer">
                Employer's status page
              </a>
            </p>
          )}
          <hr className="divider" />
          <h2 className="section-title">Actions</h2>
          <Actions applicationId={applicationId} connection={c} onChange={connection.setData} />
        </Card>
      </div>
      <Card testId="connection-readiness">
        <h2 className="section-title">Data by product</h2>
        <Readiness connection={c} />
      </Card>
      <Card testId="connection-deductions">
        <h2 className="section-title">Deduction writes</h2>
        <DeductionJobs jobs={c.deduction_jobs} />
      </Card>
      <Card testId="connection-activity">
        <h2 className="section-title">Activity</h2>
        <ActivityTimeline activity={c.activity} />
      </Card>
    </>
  );
}

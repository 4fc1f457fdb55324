import { useMemo, useState } from "react";
import { Button } from "../../ui/button.js";
import { CopyButton } from "../../ui/copy-button.js";
import { ErrorBanner } from "../../ui/error-banner.js";
import { Spinner } from "../../ui/spinner.js";
import { useLoad } from "../../ui/use-load.js";
import { EndpointCard } from "./endpoint-card.js";
import { EndpointForm } from "./endpoint-form.js";
import { webhooksApi } from "./webhooks-api.js";
import "./webhooks.css";

/** The developer dashboard's Webhooks tab for one application: endpoints, secrets, test sends and delivery logs. */
export function WebhooksTab({ applicationId }: { applicationId: string }) {
  const api = useMemo(() => webhooksApi(applicationId), [applicationId]);
  const { data: endpoints, error, reload } = useLoad(applicationId, () => api.list());
  const [adding, setAdding] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const create = async (url: string, types: string[]) => {
    const created = await api.create(url, types);
    setSecret(created.secret);
    setAdding(false);
    void reload();
  };
  return (
    <div className="webhooks-tab">
      <div className="webhooks-head">
        <h2>Webhooks</h2>
        {!adding && <Button onClick={() => setAdding(true)}>Add endpoint</Button>}
      </div>
      <p className="webhook-meta">
        Linnet signs every delivery like Finch: verify it with the Finch SDK's <code>webhooks.unwrap()</code> and the endpoint's secret.
      </p>
      <ErrorBanner message={error} testId="webhooks-error" />
      {secret && (
        <div className="webhook-secret" role="status">
          <label className="field-label">
            Signing secret
            <input
              className="input webhook-secret-value"
              readOnly
              value={secret}
              data-testid="signing-secret"
              onFocus={(e) => e.target.select()}
            />
          </label>
          <p className="webhook-meta">Shown once: keep it in your app's configuration (the Finch SDK's webhookSecret).</p>
          <div className="webhook-actions">
            <CopyButton text={secret} label="Copy signing secret" />
            <Button variant="link" onClick={() => setSecret(null)}>
              Done
            </Button>
          </div>
        </div>
      )}
      {adding && <EndpointForm onCreate={create} onCancel={() => setAdding(false)} />}
      {endpoints === null && !error && <Spinner />}
      {endpoints?.length === 0 && !adding && <p>No endpoints yet.</p>}
      {endpoints?.map((e) => (
        <EndpointCard key={e.id} api={api} endpoint={e} onChanged={() => void reload()} onSecret={setSecret} />
      ))}
    </div>
  );
}

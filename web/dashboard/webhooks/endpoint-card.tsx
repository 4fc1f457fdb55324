import { useState } from "react";
import type { WebhookEndpoint } from "../../../contracts/linnet/webhooks.js";
import { Button } from "../../ui/button.js";
import { ErrorBanner } from "../../ui/error-banner.js";
import { formatDateTime } from "../../ui/format.js";
import { useAction } from "../../ui/use-action.js";
import { DeliveryLog } from "./delivery-log.js";
import type { WebhooksApi } from "./webhooks-api.js";

/** Props of {@link EndpointCard}. */
export interface EndpointCardProps {
  api: WebhooksApi;
  endpoint: WebhookEndpoint;
  /** Reload the endpoint list after a change. */
  onChanged: () => void;
  /** Show a new secret once (after a rotation). */
  onSecret: (secret: string) => void;
}

/** One endpoint: its URL, types and state (with why it is disabled), its actions and its delivery log. */
export function EndpointCard({ api, endpoint: e, onChanged, onSecret }: EndpointCardProps) {
  const action = useAction();
  const [refreshKey, setRefreshKey] = useState(0);
  const run = async (call: () => Promise<unknown>) => {
    const done = await action.run(async () => {
      await call();
      return true;
    });
    if (done) {
      setRefreshKey((k) => k + 1);
      onChanged();
    }
  };
  return (
    <section className="webhook-endpoint" aria-label={`Endpoint ${e.url}`}>
      <header className="webhook-endpoint-head">
        <div>
          <div className="webhook-url">{e.url}</div>
          <div className="webhook-meta">
            {e.enabled ? "Enabled" : "Disabled"} · {e.event_types.length === 0 ? "every event type" : e.event_types.join(", ")}
          </div>
          {!e.enabled && e.disabled_reason && (
            <p className="webhook-disabled" role="status">
              {e.disabled_reason}
            </p>
          )}
          {e.previous_secret_expires_at && new Date(e.previous_secret_expires_at) > new Date() && (
            <div className="webhook-meta">Previous secret also signs until {formatDateTime(e.previous_secret_expires_at)}</div>
          )}
        </div>
        <div className="webhook-actions">
          <Button variant="secondary" disabled={!e.enabled} onClick={() => void run(() => api.sendTest(e.id))}>
            Send test event
          </Button>
          <Button variant="secondary" onClick={() => void run(async () => onSecret((await api.rotate(e.id)).secret))}>
            Rotate secret
          </Button>
          <Button variant="secondary" onClick={() => void run(() => api.setEnabled(e.id, !e.enabled))}>
            {e.enabled ? "Disable" : "Enable"}
          </Button>
          <Button
            variant="secondary"
            onClick={() => {
              if (window.confirm(`Delete the endpoint ${e.url}?`)) void run(() => api.remove(e.id));
            }}
          >
            Delete
          </Button>
        </div>
      </header>
      <ErrorBanner message={action.error} testId="endpoint-error" />
      <DeliveryLog api={api} endpointId={e.id} refreshKey={refreshKey} />
    </section>
  );
}

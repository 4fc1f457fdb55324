import { useEffect } from "react";
import type { WebhookDelivery } from "../../../contracts/linnet/webhooks.js";
import { Button } from "../../ui/button.js";
import { ErrorBanner } from "../../ui/error-banner.js";
import { formatDateTime } from "../../ui/format.js";
import { useAction } from "../../ui/use-action.js";
import { useLoad } from "../../ui/use-load.js";
import type { WebhooksApi } from "./webhooks-api.js";

/** How often the log refreshes itself while shown. */
const REFRESH_MS = 2000;

function statusText(d: WebhookDelivery): string {
  const last = d.attempts[0];
  const code = last?.status_code ?? null;
  if (d.state === "delivered") return `Delivered (${code})`;
  if (d.state === "failed") return `Failed (${code ?? "error"})`;
  if (!last) return "Queued";
  return `Retrying (${code ?? "network error"})`;
}

/** The delivery log of one endpoint: every delivery's latest attempt, refreshed every 2 s, with redelivery. */
export function DeliveryLog({ api, endpointId, refreshKey }: { api: WebhooksApi; endpointId: string; refreshKey: number }) {
  const { data: deliveries, error, reload } = useLoad(endpointId, () => api.deliveries(endpointId));
  const action = useAction();
  useEffect(() => {
    const timer = setInterval(() => void reload(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);
  // an action on the endpoint (test send, enable) shows its effect at once
  useEffect(() => {
    if (refreshKey > 0) void reload();
  }, [refreshKey, reload]);
  const redeliver = async (id: string) => {
    if (await action.run(() => api.redeliver(id))) void reload();
  };
  return (
    <div className="webhook-log">
      <ErrorBanner message={action.error ?? error} testId="delivery-log-error" />
      <table className="webhook-log-table" aria-label="Delivery log">
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Event</th>
            <th scope="col">Status</th>
            <th scope="col">Latency</th>
            <th scope="col">Response</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {deliveries?.length === 0 && (
            <tr>
              <td colSpan={6} className="webhook-log-empty">
                No deliveries yet. Send a test event to try the endpoint.
              </td>
            </tr>
          )}
          {deliveries?.map((d) => {
            const last = d.attempts[0];
            return (
              <tr key={d.id} data-state={d.state}>
                {/* data-label: on phones each row becomes a card and the cell names itself (see webhooks.css) */}
                <td data-label="Time">{formatDateTime(last?.attempted_at ?? d.created_at)}</td>
                <td data-label="Event">
                  <code>{d.event_type}</code>
                  <div className="webhook-log-id">{d.event_id}</div>
                </td>
                <td data-label="Status">
                  {statusText(d)}
                  {d.attempt_count > 1 && <div className="webhook-log-id">{d.attempt_count} attempts</div>}
                </td>
                <td data-label="Latency">{last ? `${last.latency_ms} ms` : "—"}</td>
                <td data-label="Response" className="webhook-log-response">
                  {last ? (last.error ?? last.response_excerpt ?? "") : ""}
                </td>
                <td>
                  <Button variant="secondary" onClick={() => void redeliver(d.id)}>
                    Redeliver
                  </Button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

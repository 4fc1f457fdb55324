import type { WebhookDelivery, WebhookEndpoint, WebhookEndpointWithSecret } from "../../../contracts/linnet/webhooks.js";
import { consoleFetch } from "../../console/console-fetch.js";

/** The dashboard's webhooks API for one application. */
export function webhooksApi(applicationId: string) {
  const base = `/dashboard/api/applications/${encodeURIComponent(applicationId)}`;
  const endpoint = (id: string) => `${base}/webhooks/${encodeURIComponent(id)}`;
  return {
    list: () => consoleFetch<{ endpoints: WebhookEndpoint[] }>(`${base}/webhooks`).then((r) => r.endpoints),
    create: (url: string, eventTypes: string[]) =>
      consoleFetch<WebhookEndpointWithSecret>(`${base}/webhooks`, { json: { url, event_types: eventTypes } }),
    setEnabled: (id: string, enabled: boolean) => consoleFetch<WebhookEndpoint>(endpoint(id), { method: "PATCH", json: { enabled } }),
    remove: (id: string) => consoleFetch<void>(endpoint(id), { method: "DELETE" }),
    rotate: (id: string) => consoleFetch<WebhookEndpointWithSecret>(`${endpoint(id)}/rotate-secret`, { method: "POST" }),
    sendTest: (id: string) => consoleFetch<{ delivery_id: string }>(`${endpoint(id)}/test`, { method: "POST" }),
    deliveries: (id: string) =>
      consoleFetch<{ deliveries: WebhookDelivery[] }>(`${endpoint(id)}/deliveries?limit=25`).then((r) => r.deliveries),
    redeliver: (deliveryId: string) =>
      consoleFetch<{ delivery_id: string }>(`${base}/deliveries/${encodeURIComponent(deliveryId)}/redeliver`, { method: "POST" }),
  };
}

/** The API bound to one application. */
export type WebhooksApi = ReturnType<typeof webhooksApi>;

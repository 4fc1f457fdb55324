import type { WebhookDelivery, WebhookEndpoint, WebhookEventView } from "../../../contracts/linnet/webhooks.js";
import type { WebhookEndpointRow } from "../../db/repositories/webhook-endpoints.repository.js";
import type { WebhookAttemptRow, WebhookDeliveryRow, WebhookEventRow } from "../../db/repositories/webhook-outbox.repository.js";

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** An endpoint row → the dashboard's shape (never the secret). */
export function presentEndpoint(row: WebhookEndpointRow): WebhookEndpoint {
  return {
    id: row.id,
    url: row.url,
    event_types: row.eventTypes,
    enabled: row.enabled,
    disabled_reason: row.disabledReason,
    failing_since: iso(row.failingSince),
    previous_secret_expires_at: iso(row.previousSecretExpiresAt),
    created_at: row.createdAt.toISOString(),
  };
}

/** A delivery with its event and attempts → the log's shape. */
export function presentDelivery(row: {
  delivery: WebhookDeliveryRow;
  event: { id: string; eventType: string };
  attempts: WebhookAttemptRow[];
}): WebhookDelivery {
  const d = row.delivery;
  return {
    id: d.id,
    event_id: row.event.id,
    event_type: row.event.eventType,
    state: d.state,
    attempt_count: d.attempts,
    next_attempt_at: d.state === "pending" ? iso(d.nextAttemptAt) : null,
    last_status_code: d.lastStatusCode,
    created_at: d.createdAt.toISOString(),
    attempts: row.attempts.map((a) => ({
      attempted_at: a.attemptedAt.toISOString(),
      status_code: a.statusCode,
      latency_ms: a.latencyMs,
      response_excerpt: a.responseExcerpt,
      error: a.error,
    })),
  };
}

/** A stored envelope → the same envelope plus its id and time. */
export function presentEvent(row: WebhookEventRow): WebhookEventView {
  const envelope = JSON.parse(row.body) as Omit<WebhookEventView, "id" | "created_at">;
  return {
    id: row.id,
    created_at: row.createdAt.toISOString(),
    event_type: envelope.event_type,
    company_id: envelope.company_id ?? null,
    account_id: envelope.account_id ?? null,
    connection_id: envelope.connection_id ?? null,
    entity_id: envelope.entity_id ?? null,
    data: envelope.data ?? null,
  };
}

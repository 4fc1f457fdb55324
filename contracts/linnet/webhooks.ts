import { z } from "zod";
import { WEBHOOK_EVENT_TYPES } from "./webhook-event-types.js";

/** The developer dashboard's webhooks API and the `/linnet/events` pull API. */

/** An endpoint as the dashboard shows it (never its secret). */
export const WebhookEndpointSchema = z.object({
  id: z.string(),
  url: z.string(),
  /** Types received; empty means every type. */
  event_types: z.array(z.string()),
  enabled: z.boolean(),
  /** Why it is disabled (by a developer, or automatically after failing for 3 days). */
  disabled_reason: z.string().nullable(),
  /** Start of the current run of failures, if any. */
  failing_since: z.string().nullable(),
  /** Until when the previous secret still signs, during a rotation. */
  previous_secret_expires_at: z.string().nullable(),
  created_at: z.string(),
});
/** A webhook endpoint. */
export type WebhookEndpoint = z.infer<typeof WebhookEndpointSchema>;

/** An endpoint with its signing secret: answered only by creation and rotation. */
export const WebhookEndpointWithSecretSchema = WebhookEndpointSchema.extend({
  /** Plain base64 (24 bytes): pass it to the Finch SDK as `webhookSecret`. Shown once. */
  secret: z.string(),
});
/** An endpoint and its secret. */
export type WebhookEndpointWithSecret = z.infer<typeof WebhookEndpointWithSecretSchema>;

const EventTypesSchema = z.array(z.enum(WEBHOOK_EVENT_TYPES as [string, ...string[]])).max(100);

/** `POST /webhooks`. */
export const CreateWebhookEndpointSchema = z.object({
  url: z.string().min(1).max(2048),
  event_types: EventTypesSchema.default([]),
  enabled: z.boolean().default(true),
});

/** `PATCH /webhooks/:endpointId`. */
export const UpdateWebhookEndpointSchema = z.object({
  url: z.string().min(1).max(2048).optional(),
  event_types: EventTypesSchema.optional(),
  enabled: z.boolean().optional(),
});

/** One attempt of a delivery. */
export const WebhookAttemptSchema = z.object({
  attempted_at: z.string(),
  status_code: z.number().int().nullable(),
  latency_ms: z.number().int(),
  /** At most 1 KB of the response body. */
  response_excerpt: z.string().nullable(),
  error: z.string().nullable(),
});

/** One event sent to one endpoint, with every attempt (newest first). */
export const WebhookDeliverySchema = z.object({
  id: z.string(),
  event_id: z.string(),
  event_type: z.string(),
  state: z.enum(["pending", "delivered", "failed"]),
  attempt_count: z.number().int(),
  next_attempt_at: z.string().nullable(),
  last_status_code: z.number().int().nullable(),
  created_at: z.string(),
  attempts: z.array(WebhookAttemptSchema),
});
/** A delivery. */
export type WebhookDelivery = z.infer<typeof WebhookDeliverySchema>;

/** A page of deliveries, newest first. */
export const WebhookDeliveryPageSchema = z.object({ deliveries: z.array(WebhookDeliverySchema), next_cursor: z.string().nullable() });

/** A Finch webhook envelope with its stable id and time, as listed and pulled. */
export const WebhookEventSchema = z.object({
  id: z.string(),
  created_at: z.string(),
  event_type: z.string(),
  company_id: z.string().nullable(),
  account_id: z.string().nullable(),
  connection_id: z.string().nullable(),
  entity_id: z.string().nullable(),
  data: z.record(z.string(), z.unknown()).nullable(),
});
/** A listed event. */
export type WebhookEventView = z.infer<typeof WebhookEventSchema>;

/** A page of events; pass `next_cursor` back as `cursor` (null: nothing more now). */
export const WebhookEventPageSchema = z.object({ events: z.array(WebhookEventSchema), next_cursor: z.string().nullable() });

/** Paging query of the lists. */
export const CursorQuerySchema = z.object({
  // cursors are event sequence numbers: at most 15 digits keeps them exact in JS and inside PostgreSQL's bigint
  cursor: z
    .string()
    .regex(/^\d{1,15}$/, "must be a cursor returned by this API")
    .optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

/** `GET /linnet/events` query. */
export const PullEventsQuerySchema = CursorQuerySchema.extend({ type: z.string().max(100).optional() });

/** The answer of "send test event" and "redeliver". */
export const WebhookSendSchema = z.object({ delivery_id: z.string(), event_id: z.string() });

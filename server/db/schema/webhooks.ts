import { sql } from "drizzle-orm";
import { bigserial, boolean, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { oneOf } from "./types/check.js";
import { DELIVERY_STATES } from "./types/statuses.js";

/**
 * A developer's webhook endpoint for one application. The signing secret is stored encrypted (AES-256-GCM bound to
 * the endpoint id); during a rotation the previous secret keeps signing until `previous_secret_expires_at`.
 */
export const webhookEndpoints = pgTable(
  "webhook_endpoints",
  {
    id: uuid("id").primaryKey(),
    applicationId: uuid("application_id").notNull(),
    url: text("url").notNull(),
    /** Finch event types to receive; empty means every type. */
    eventTypes: jsonb("event_types").$type<string[]>().notNull(),
    enabled: boolean("enabled").notNull(),
    /** Why it is disabled (by the developer, or automatically after 3 days of failures). */
    disabledReason: text("disabled_reason"),
    secretSealed: text("secret_sealed").notNull(),
    previousSecretSealed: text("previous_secret_sealed"),
    previousSecretExpiresAt: timestamp("previous_secret_expires_at", { withTimezone: true }),
    /** Start of the current run of failed attempts (null after any success). */
    failingSince: timestamp("failing_since", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("webhook_endpoints_application_idx").on(t.applicationId)],
);

/**
 * The Finch-visible events of an application as webhook envelopes: one row per domain event (or test send), with a
 * stable `msg_…` id and the exact body every delivery signs. `seq` is assigned by the serialized fan-out, so it grows
 * in visibility order and a poller paging by it never misses an event.
 */
export const webhookEvents = pgTable(
  "webhook_events",
  {
    id: text("id").primaryKey(),
    seq: bigserial("seq", { mode: "number" }).notNull(),
    /** The domain event (`events.id`); null for test sends. */
    sourceEventId: uuid("source_event_id"),
    applicationId: uuid("application_id").notNull(),
    connectionId: uuid("connection_id"),
    eventType: text("event_type").notNull(),
    /** The envelope JSON, exactly as sent. */
    body: text("body").notNull(),
    /** Test sends are delivered but never listed. */
    isTest: boolean("is_test").notNull(),
    /** When the domain event happened. */
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("webhook_events_seq_idx").on(t.seq),
    uniqueIndex("webhook_events_source_idx").on(t.sourceEventId),
    index("webhook_events_application_idx").on(t.applicationId, t.seq),
    index("webhook_events_created_idx").on(t.createdAt),
  ],
);

/**
 * The outbox: one row per event and endpoint. States: `pending` (due at `next_attempt_at`; a claim pushes it forward
 * as a lease), `delivered`, `failed` (a 4xx other than 429: not retried). See domain/webhooks/delivery-machine.ts.
 */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: uuid("id").primaryKey(),
    eventId: text("event_id").notNull(),
    endpointId: uuid("endpoint_id").notNull(),
    applicationId: uuid("application_id").notNull(),
    state: text("state", { enum: DELIVERY_STATES }).notNull(),
    /** Attempts made so far (all time). */
    attempts: integer("attempts").notNull(),
    /** Position in the backoff schedule (reset by a manual redelivery). */
    step: integer("step").notNull(),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }),
    lastStatusCode: integer("last_status_code"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    check("webhook_deliveries_state_check", oneOf("state", DELIVERY_STATES)),
    index("webhook_deliveries_due_idx").on(t.nextAttemptAt).where(sql`${t.state} = 'pending'`),
    index("webhook_deliveries_endpoint_idx").on(t.endpointId, t.createdAt),
    // pruning finds an old event's deliveries by event
    index("webhook_deliveries_event_idx").on(t.eventId),
  ],
);

/** Every delivery attempt, for the dashboard's log. */
export const webhookAttempts = pgTable(
  "webhook_attempts",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    deliveryId: uuid("delivery_id").notNull(),
    attemptedAt: timestamp("attempted_at", { withTimezone: true }).notNull(),
    statusCode: integer("status_code"),
    latencyMs: integer("latency_ms").notNull(),
    /** At most 1 KB of the response body. */
    responseExcerpt: text("response_excerpt"),
    error: text("error"),
  },
  (t) => [index("webhook_attempts_delivery_idx").on(t.deliveryId, t.attemptedAt)],
);

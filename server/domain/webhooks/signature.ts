import { createHmac, randomBytes, randomUUID } from "node:crypto";

/**
 * Finch's webhook signature scheme, exactly as the official SDK verifies it: the secret is plain canonical base64
 * of random bytes; `finch-signature` is a space-separated list of `v1,<base64 HMAC-SHA256(decoded secret,
 * "<event id>.<timestamp seconds>.<raw body>")>`, one entry per secret in use (two during a rotation).
 */

/** A new endpoint secret: 24 random bytes, plain base64 (32 characters, no prefix). */
export function generateWebhookSecret(): string {
  return randomBytes(24).toString("base64");
}

/** A new stable event id, `msg_` and 32 hex characters. */
export function newWebhookEventId(): string {
  return `msg_${randomUUID().replaceAll("-", "")}`;
}

/** One `v1,…` signature of a body under one secret. */
export function signatureEntry(secret: string, eventId: string, timestampSeconds: number, body: string): string {
  const mac = createHmac("sha256", Buffer.from(secret, "base64")).update(`${eventId}.${timestampSeconds}.${body}`).digest("base64");
  return `v1,${mac}`;
}

/** The request headers of one delivery attempt, signed with every given secret. */
export function webhookHeaders(secrets: string[], eventId: string, timestampSeconds: number, body: string): Record<string, string> {
  return {
    "content-type": "application/json",
    "finch-event-id": eventId,
    "finch-timestamp": String(timestampSeconds),
    "finch-signature": secrets.map((s) => signatureEntry(s, eventId, timestampSeconds, body)).join(" "),
  };
}

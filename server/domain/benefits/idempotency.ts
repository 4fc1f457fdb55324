import { createHash } from "node:crypto";
import type { Db } from "../../db/client.js";
import {
  deleteIdempotencyKey,
  findIdempotencyKey,
  insertIdempotencyKey,
  type StoredWriteOutcome,
} from "../../db/repositories/benefits.repository.js";
import type { TokenContext } from "../connections/authenticate-token.js";
import { fail, ok, type Result } from "../errors.js";

/** How long a key is remembered. */
export const IDEMPOTENCY_TTL_MS = 24 * 3_600_000;

/** What a deduction write did: created or changed a benefit, or queued a job on one (enroll, unenroll). */
export type BenefitWriteOutcome = StoredWriteOutcome;

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

/** JSON with object keys sorted, so equal bodies hash equally whatever their key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

/** The fingerprint of a write: its operation, target and body. */
export function requestFingerprint(operation: string, target: string | null, body: unknown): string {
  return sha256(`${operation}\n${target ?? ""}\n${canonical(body)}`);
}

/** Key scope of a token: per application and connection; only the key's SHA-256 is kept. */
function scope(ctx: TokenContext, key: string) {
  return { applicationId: ctx.application.id, connectionId: ctx.connection.id, keyHash: sha256(key) };
}

/**
 * The outcome already given to this key, if any: the same body gets it again; another body is refused. An expired
 * key is forgotten.
 */
export async function replayed(
  db: Db,
  ctx: TokenContext,
  key: string,
  fingerprint: string,
  now: Date,
): Promise<Result<BenefitWriteOutcome | null>> {
  const s = scope(ctx, key);
  const row = await findIdempotencyKey(db, s.applicationId, s.connectionId, s.keyHash);
  if (!row) return ok(null);
  if (row.expiresAt <= now) {
    await deleteIdempotencyKey(db, row);
    return ok(null);
  }
  if (row.requestHash !== fingerprint) {
    return fail(
      "idempotency_key_reused",
      "Idempotency-Key: this key was already used with a different request; use a new key for a new write",
    );
  }
  return ok(row.outcome);
}

/** Remember a write's outcome under its key (in the write's transaction); false when a concurrent request took the key. */
export async function remember(
  db: Db,
  ctx: TokenContext,
  key: string,
  fingerprint: string,
  outcome: BenefitWriteOutcome,
  now: Date,
): Promise<boolean> {
  return insertIdempotencyKey(db, {
    ...scope(ctx, key),
    requestHash: fingerprint,
    outcome,
    jobId: outcome.jobId,
    createdAt: now,
    expiresAt: new Date(now.getTime() + IDEMPOTENCY_TTL_MS),
  });
}

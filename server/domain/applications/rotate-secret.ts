import { findApplication, updateApplication } from "../../db/repositories/applications.repository.js";
import type { Deps } from "../deps.js";
import { fail, ok, type Result } from "../errors.js";
import { hashSecret, newClientSecret } from "../security/secrets.js";
import { transactional } from "../transactional.js";
import { replaceDemoSecret } from "./demo-credentials.js";

/** A rotated secret: shown this once, never stored. */
export interface RotatedSecret {
  client_secret: string;
  /** Until when the replaced secret keeps working (null when the grace period is 0). */
  previous_secret_expires_at: Date | null;
}

/**
 * Mint a new client secret. The current one becomes the previous secret and keeps working for
 * `config.secretGraceMs`, so the developer can deploy the new one without downtime. A secret already in its grace
 * period from an earlier rotation stops working at once.
 */
export async function rotateClientSecret(deps: Deps, applicationId: string): Promise<Result<RotatedSecret>> {
  const secret = newClientSecret();
  const now = deps.clock.now();
  const expiresAt = deps.config.secretGraceMs > 0 ? new Date(now.getTime() + deps.config.secretGraceMs) : null;
  const result = await transactional(deps.db, async (tx) => {
    const app = await findApplication(tx, applicationId);
    if (!app) return fail("not_found", `application: ${applicationId} not found`);
    await updateApplication(tx, app.id, {
      secretHash: hashSecret(secret),
      previousSecretHash: expiresAt ? app.secretHash : null,
      previousSecretExpiresAt: expiresAt,
    });
    await replaceDemoSecret({ ...deps, db: tx }, app.id, secret);
    return ok({ client_secret: secret, previous_secret_expires_at: expiresAt });
  });
  if (result.ok)
    deps.log.info({ client_id: applicationId, previous_secret_expires_at: expiresAt?.toISOString() ?? null }, "client secret rotated");
  return result;
}

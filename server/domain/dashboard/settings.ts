import type { ApplicationSettings, ConnectLink, CreateConnectLink } from "../../../contracts/linnet/dashboard.js";
import type { ApplicationRow } from "../../db/repositories/applications.repository.js";
import { createSession } from "../connections/create-session.js";
import type { Deps } from "../deps.js";
import type { Result } from "../errors.js";

/** The settings tab: never a secret, only whether a rotated-out one still works and until when. */
export function presentSettings(deps: Pick<Deps, "config" | "clock">, app: ApplicationRow): ApplicationSettings {
  const expires = app.previousSecretExpiresAt;
  return {
    client_id: app.id,
    name: app.name,
    client_type: app.clientType,
    redirect_uris: app.redirectUris,
    created_at: app.createdAt.toISOString(),
    previous_secret_expires_at: expires && expires.getTime() > deps.clock.now().getTime() ? expires.toISOString() : null,
    secret_grace_hours: deps.config.secretGraceMs / 3_600_000,
    accepted_body: app.acceptedBody ?? null,
    accepted_body_default: deps.config.acceptedBody,
  };
}

/** A Connect link for a new employer, made from the dashboard: the same session `POST /connect/sessions` creates. */
export async function createConnectLink(deps: Deps, app: ApplicationRow, input: CreateConnectLink): Promise<Result<ConnectLink>> {
  return createSession(deps, app, {
    customer_id: input.customer_id,
    customer_name: input.customer_name,
    customer_email: input.customer_email ?? null,
    products: input.products,
    manual: input.manual,
    sandbox: input.sandbox ?? null,
    redirect_uri: input.redirect_uri || null,
  });
}

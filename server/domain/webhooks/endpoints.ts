import { randomUUID } from "node:crypto";
import {
  deleteWebhookEndpoint,
  findWebhookEndpoint,
  insertWebhookEndpoint,
  listWebhookEndpoints,
  resumeEndpointDeliveries,
  updateWebhookEndpoint,
  type WebhookEndpointRow,
} from "../../db/repositories/webhook-endpoints.repository.js";
import type { Deps } from "../deps.js";
import { fail, ok, type Result } from "../errors.js";
import { isUuid } from "../ids.js";
import { transactional } from "../transactional.js";
import { bareHost, isLocalHostName, isPrivateAddress } from "./private-addresses.js";
import { secretAad } from "./secrets.js";
import { generateWebhookSecret } from "./signature.js";

/** Hosts that may use plain http when private targets are allowed: this machine. */
const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|::1)$/i;

/** How long a rotated-out secret keeps signing. */
export const ROTATION_GRACE_MS = 86_400_000;

/**
 * An endpoint URL must be https, and must not name this machine or a private network unless the install allows
 * private targets (then plain http is fine for loopback hosts); plain http anywhere only when the config allows it.
 * Names that resolve to private addresses are refused again at every delivery (see private-addresses.ts).
 */
export function checkEndpointUrl(deps: Pick<Deps, "config">, url: string): Result<string> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return fail("invalid_request", "url: must be an absolute URL");
  }
  if (parsed.username || parsed.password) return fail("invalid_request", "url: must not contain credentials");
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return fail("invalid_request", "url: must use https");
  const host = bareHost(parsed.hostname);
  const local = isLocalHostName(host) || isPrivateAddress(host);
  if (local && !deps.config.webhookAllowPrivate)
    return fail(
      "invalid_request",
      `url: ${parsed.hostname} is a loopback or private address; such targets are allowed only with LINNET_WEBHOOK_ALLOW_PRIVATE=true`,
    );
  if (parsed.protocol === "https:") return ok(parsed.toString());
  if (deps.config.webhookAllowHttp || (local && LOOPBACK.test(host))) return ok(parsed.toString());
  return fail("invalid_request", "url: must use https (http is accepted only for localhost unless LINNET_WEBHOOK_ALLOW_HTTP=true)");
}

/** An application's endpoints. */
export function listEndpoints(deps: Pick<Deps, "db">, applicationId: string): Promise<WebhookEndpointRow[]> {
  return listWebhookEndpoints(deps.db, applicationId);
}

/** One endpoint of the application (not_found for another application's). */
export async function getEndpoint(deps: Pick<Deps, "db">, applicationId: string, endpointId: string): Promise<Result<WebhookEndpointRow>> {
  const row = isUuid(endpointId) ? await findWebhookEndpoint(deps.db, applicationId, endpointId) : undefined;
  return row ? ok(row) : fail("not_found", `webhook endpoint: ${endpointId} not found`);
}

/** Create an endpoint with a new secret; the secret is returned this once. */
export async function createEndpoint(
  deps: Pick<Deps, "db" | "clock" | "config" | "cipher">,
  applicationId: string,
  input: { url: string; event_types: string[]; enabled: boolean },
): Promise<Result<{ endpoint: WebhookEndpointRow; secret: string }>> {
  const url = checkEndpointUrl(deps, input.url);
  if (!url.ok) return url;
  const id = randomUUID();
  const secret = generateWebhookSecret();
  const now = deps.clock.now();
  const endpoint: WebhookEndpointRow = {
    id,
    applicationId,
    url: url.value,
    eventTypes: [...new Set(input.event_types)],
    enabled: input.enabled,
    disabledReason: input.enabled ? null : "Disabled by a developer",
    secretSealed: deps.cipher.encrypt(secret, secretAad(id)),
    previousSecretSealed: null,
    previousSecretExpiresAt: null,
    failingSince: null,
    createdAt: now,
    updatedAt: now,
  };
  await insertWebhookEndpoint(deps.db, endpoint);
  return ok({ endpoint, secret });
}

/** Change an endpoint's URL, types or enabled flag; re-enabling clears the reason and makes waiting deliveries due. */
export async function updateEndpoint(
  deps: Pick<Deps, "db" | "clock" | "config">,
  applicationId: string,
  endpointId: string,
  input: { url?: string; event_types?: string[]; enabled?: boolean },
): Promise<Result<WebhookEndpointRow>> {
  const found = await getEndpoint(deps, applicationId, endpointId);
  if (!found.ok) return found;
  const now = deps.clock.now();
  const patch: Partial<WebhookEndpointRow> = { updatedAt: now };
  if (input.url !== undefined) {
    const url = checkEndpointUrl(deps, input.url);
    if (!url.ok) return url;
    patch.url = url.value;
  }
  if (input.event_types !== undefined) patch.eventTypes = [...new Set(input.event_types)];
  if (input.enabled === true && !found.value.enabled) Object.assign(patch, { enabled: true, disabledReason: null, failingSince: null });
  if (input.enabled === false && found.value.enabled) Object.assign(patch, { enabled: false, disabledReason: "Disabled by a developer" });
  return transactional(deps.db, async (tx) => {
    await updateWebhookEndpoint(tx, endpointId, patch);
    if (patch.enabled === true) await resumeEndpointDeliveries(tx, endpointId, now);
    return ok({ ...found.value, ...patch });
  });
}

/** Delete an endpoint; its undelivered deliveries go with it. */
export async function deleteEndpoint(deps: Pick<Deps, "db">, applicationId: string, endpointId: string): Promise<Result<void>> {
  const found = await getEndpoint(deps, applicationId, endpointId);
  if (!found.ok) return found;
  return transactional(deps.db, async (tx) => {
    await deleteWebhookEndpoint(tx, endpointId);
    return ok(undefined);
  });
}

/** Rotate the secret: the new one is returned once; the old one keeps signing (a second signature) for 24 hours. */
export async function rotateEndpointSecret(
  deps: Pick<Deps, "db" | "clock" | "cipher">,
  applicationId: string,
  endpointId: string,
): Promise<Result<{ endpoint: WebhookEndpointRow; secret: string }>> {
  const found = await getEndpoint(deps, applicationId, endpointId);
  if (!found.ok) return found;
  const now = deps.clock.now();
  const secret = generateWebhookSecret();
  const patch = {
    secretSealed: deps.cipher.encrypt(secret, secretAad(endpointId)),
    previousSecretSealed: found.value.secretSealed,
    previousSecretExpiresAt: new Date(now.getTime() + ROTATION_GRACE_MS),
    updatedAt: now,
  };
  await updateWebhookEndpoint(deps.db, endpointId, patch);
  return ok({ endpoint: { ...found.value, ...patch }, secret });
}

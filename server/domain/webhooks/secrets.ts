import type { Deps } from "../deps.js";

/** Associated data binding an endpoint's sealed secret to that endpoint. */
export function secretAad(endpointId: string): string {
  return `webhook_endpoint:${endpointId}`;
}

/** The secrets an endpoint signs with now: its current one, plus the previous one during a rotation's grace period. */
export function endpointSecrets(
  deps: Pick<Deps, "clock" | "cipher">,
  endpoint: { id: string; secretSealed: string; previousSecretSealed: string | null; previousSecretExpiresAt: Date | null },
): string[] {
  const secrets = [deps.cipher.decrypt(endpoint.secretSealed, secretAad(endpoint.id))];
  if (endpoint.previousSecretSealed && endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > deps.clock.now()) {
    secrets.push(deps.cipher.decrypt(endpoint.previousSecretSealed, secretAad(endpoint.id)));
  }
  return secrets;
}

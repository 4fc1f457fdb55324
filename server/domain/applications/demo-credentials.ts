import { getSetting, putSetting } from "../../db/repositories/settings.repository.js";
import type { Deps } from "../deps.js";

const DEMO_KEY = "demo_app";

/** Keep the demo application's credentials, its secret sealed with the secrets key, for the /demo page's backend. */
export async function storeDemoCredentials(
  deps: Pick<Deps, "db" | "cipher" | "clock">,
  clientId: string,
  clientSecret: string,
): Promise<void> {
  await putSetting(
    deps.db,
    DEMO_KEY,
    { client_id: clientId, client_secret: deps.cipher.encrypt(clientSecret, `${DEMO_KEY}:${clientId}`) },
    deps.clock.now(),
  );
}

/** The demo application's credentials, decrypted, for the /demo page's backend. */
export async function demoCredentials(deps: Pick<Deps, "db" | "cipher">): Promise<{ clientId: string; clientSecret: string } | null> {
  const value = await getSetting(deps.db, DEMO_KEY);
  if (!value || typeof value.client_id !== "string" || typeof value.client_secret !== "string") return null;
  return { clientId: value.client_id, clientSecret: deps.cipher.decrypt(value.client_secret, `${DEMO_KEY}:${value.client_id}`) };
}

/** Keep the demo backend working after the demo application's secret is rotated (call in the rotation's transaction). */
export async function replaceDemoSecret(
  deps: Pick<Deps, "db" | "cipher" | "clock">,
  clientId: string,
  clientSecret: string,
): Promise<void> {
  const value = await getSetting(deps.db, DEMO_KEY);
  if (value?.client_id !== clientId) return;
  await storeDemoCredentials(deps, clientId, clientSecret);
}

import { randomBytes } from "node:crypto";
import { countApplications } from "../db/repositories/applications.repository.js";
import { getSetting, putSetting } from "../db/repositories/settings.repository.js";
import { createApplication } from "./applications/create-application.js";
import type { Deps } from "./deps.js";
import { createUser } from "./users/create-user.js";

/** Credentials made on first start, printed once. */
export interface FirstStartCredentials {
  application: { name: string; client_id: string; client_secret: string };
  admin: { email: string; password: string };
}

const DEMO_KEY = "demo_app";

/** On an empty database: create the demo application and an admin user. Returns null when data already exists. */
export async function bootstrapIfEmpty(deps: Deps): Promise<FirstStartCredentials | null> {
  if ((await countApplications(deps.db)) > 0) return null;
  const app = await createApplication(deps, {
    name: "Linnet Demo App",
    clientType: "development",
    redirectUris: [`${deps.config.publicUrl}/demo/callback`],
  });
  if (!app.ok) throw app.error;
  const password = randomBytes(12).toString("base64url");
  const admin = await createUser(deps, { email: "admin@linnet.local", password, role: "admin" });
  if (!admin.ok) throw admin.error;
  await putSetting(
    deps.db,
    DEMO_KEY,
    { client_id: app.value.client_id, client_secret: deps.cipher.encrypt(app.value.client_secret, `${DEMO_KEY}:${app.value.client_id}`) },
    deps.clock.now(),
  );
  return {
    application: { name: app.value.name, client_id: app.value.client_id, client_secret: app.value.client_secret },
    admin: { email: admin.value.email, password },
  };
}

/** The demo application's credentials, decrypted, for the /demo page's backend. */
export async function demoCredentials(deps: Pick<Deps, "db" | "cipher">): Promise<{ clientId: string; clientSecret: string } | null> {
  const value = await getSetting(deps.db, DEMO_KEY);
  if (!value || typeof value.client_id !== "string" || typeof value.client_secret !== "string") return null;
  return { clientId: value.client_id, clientSecret: deps.cipher.decrypt(value.client_secret, `${DEMO_KEY}:${value.client_id}`) };
}

/** Keep the demo backend working after the demo application's secret is rotated (call in the rotation's transaction). */
export async function replaceDemoSecret(deps: Pick<Deps, "db" | "cipher" | "clock">, clientId: string, clientSecret: string): Promise<void> {
  const value = await getSetting(deps.db, DEMO_KEY);
  if (value?.client_id !== clientId) return;
  await putSetting(deps.db, DEMO_KEY, { client_id: clientId, client_secret: deps.cipher.encrypt(clientSecret, `${DEMO_KEY}:${clientId}`) }, deps.clock.now());
}

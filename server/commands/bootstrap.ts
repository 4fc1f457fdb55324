import { randomBytes } from "node:crypto";
import { countApplications } from "../db/repositories/applications.repository.js";
import { createApplication } from "../domain/applications/create-application.js";
import { storeDemoCredentials } from "../domain/applications/demo-credentials.js";
import type { Deps } from "../domain/deps.js";
import { createUser } from "../domain/users/create-user.js";

/** Credentials made on first start, printed once. */
export interface FirstStartCredentials {
  application: { name: string; client_id: string; client_secret: string };
  admin: { email: string; password: string };
}

/**
 * Command: on an empty database, create the demo application (applications/), keep its secret sealed for the /demo
 * backend, and create an admin user (users/). Returns null when data already exists.
 */
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
  await storeDemoCredentials(deps, app.value.client_id, app.value.client_secret);
  return {
    application: { name: app.value.name, client_id: app.value.client_id, client_secret: app.value.client_secret },
    admin: { email: admin.value.email, password },
  };
}

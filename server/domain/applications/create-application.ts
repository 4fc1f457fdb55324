import { randomUUID } from "node:crypto";
import { insertApplication } from "../../db/repositories/applications.repository.js";
import type { Deps } from "../deps.js";
import { fail, ok, type Result } from "../errors.js";
import { hashSecret, newClientSecret } from "../security/secrets.js";

/** Input of createApplication. */
export interface CreateApplicationInput {
  name: string;
  redirectUris: string[];
  clientType?: "development" | "production" | "sandbox";
}

/** A new application's credentials; the secret is returned this once and never stored. */
export interface CreatedApplication {
  client_id: string;
  client_secret: string;
  name: string;
  client_type: "development" | "production" | "sandbox";
  redirect_uris: string[];
}

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** Why a redirect URI is unacceptable, or null when it is fine. Production apps need https outside loopback. */
export function redirectUriProblem(uri: string, clientType: string): string | null {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return `redirect_uri "${uri}" is not an absolute URL`;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return `redirect_uri "${uri}" must use http or https`;
  if (url.hash) return `redirect_uri "${uri}" must not contain a fragment`;
  if (clientType === "production" && url.protocol === "http:" && !LOOPBACK.has(url.hostname)) {
    return `redirect_uri "${uri}" must use https for a production application (http is allowed for localhost only)`;
  }
  return null;
}

/** Register an application and mint its client secret. */
export async function createApplication(deps: Deps, input: CreateApplicationInput): Promise<Result<CreatedApplication>> {
  const name = input.name.trim();
  if (!name || name.length > 200) return fail("invalid_request", "name: must be 1 to 200 characters");
  const clientType = input.clientType ?? "development";
  const redirectUris = [...new Set(input.redirectUris)];
  for (const uri of redirectUris) {
    const problem = redirectUriProblem(uri, clientType);
    if (problem) return fail("invalid_request", problem);
  }
  const id = randomUUID();
  const secret = newClientSecret();
  await insertApplication(deps.db, {
    id,
    name,
    clientType,
    secretHash: hashSecret(secret),
    redirectUris,
    createdAt: deps.clock.now(),
  });
  deps.log.info({ client_id: id, client_type: clientType }, "application created");
  return ok({ client_id: id, client_secret: secret, name, client_type: clientType, redirect_uris: redirectUris });
}

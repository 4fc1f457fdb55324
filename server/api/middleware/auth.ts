import type { FastifyRequest } from "fastify";
import type { ApplicationRow } from "../../db/repositories/applications.repository.js";
import { authenticateClient } from "../../domain/applications/authenticate-client.js";
import { authenticateToken, type TokenContext } from "../../domain/connections/authenticate-token.js";
import type { Deps } from "../../domain/deps.js";
import { unwrap } from "../errors.js";
import { basicCredentials, bearerToken } from "./credentials.js";

/** The application behind HTTP Basic client credentials, or a 401 invalid_client. */
export async function requireClient(deps: Deps, request: FastifyRequest): Promise<ApplicationRow> {
  const creds = basicCredentials(request);
  return unwrap(await authenticateClient(deps, creds?.clientId, creds?.clientSecret));
}

/** The token context behind a Bearer token, or a 401. */
export async function requireToken(deps: Deps, request: FastifyRequest): Promise<TokenContext> {
  return unwrap(await authenticateToken(deps, bearerToken(request)));
}

import { timingSafeEqual } from "node:crypto";
import { type ConnectionRow, findConnection } from "../../db/repositories/connections.repository.js";
import type { Deps } from "../deps.js";
import { fail, ok, type Result } from "../errors.js";

/** The employer status page is a capability link: the connection id plus an HMAC only this server can make. */
export function statusTokenFor(deps: Pick<Deps, "cipher">, connectionId: string): string {
  return `${connectionId}.${deps.cipher.sign(`status:${connectionId}`).slice(0, 32)}`;
}

/** The connection a status token names, or null when the token is forged or malformed. */
export function connectionIdFromStatusToken(deps: Pick<Deps, "cipher">, token: string): string | null {
  const [id, mac] = token.split(".");
  if (!id || !mac) return null;
  const expected = Buffer.from(statusTokenFor(deps, id));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given) ? id : null;
}

/** Absolute URL of the employer status page. */
export function statusUrlFor(deps: Pick<Deps, "cipher" | "config">, connectionId: string): string {
  return `${deps.config.publicUrl}/connect/status/${statusTokenFor(deps, connectionId)}`;
}

/** The assisted connection a status link names, or the one answer every invalid link gets. */
export async function connectionForStatusToken(deps: Pick<Deps, "db" | "cipher">, token: string): Promise<Result<ConnectionRow>> {
  const id = connectionIdFromStatusToken(deps, token);
  const connection = id ? await findConnection(deps.db, id) : undefined;
  if (connection?.authMethod !== "assisted") return fail("not_found", "This status link is not valid.");
  return ok(connection);
}

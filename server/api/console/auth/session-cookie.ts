import type { FastifyRequest } from "fastify";
import type { Config } from "../../../config.js";
import { SESSION_ABSOLUTE_MS } from "../../../domain/auth/tokens.js";

/** Name of the console session cookie. */
export const SESSION_COOKIE = "linnet_session";

/** The session token from the Cookie header, if any (parsed here: no cookie plugin needed for one cookie). */
export function readSessionToken(request: FastifyRequest): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0 || part.slice(0, eq).trim() !== SESSION_COOKIE) continue;
    const value = part
      .slice(eq + 1)
      .trim()
      .replace(/^"(.*)"$/, "$1");
    return value || undefined;
  }
  return undefined;
}

/** Attributes every session cookie carries; `Secure` whenever the public URL is https. */
function attributes(config: Pick<Config, "publicUrl">, maxAgeSeconds: number): string {
  const secure = config.publicUrl.startsWith("https:") ? "; Secure" : "";
  return `HttpOnly; SameSite=Strict; Path=/; Max-Age=${maxAgeSeconds}${secure}`;
}

/** `Set-Cookie` value that stores a new session for its whole absolute lifetime (7 days). */
export function sessionCookie(config: Pick<Config, "publicUrl">, sessionToken: string): string {
  return `${SESSION_COOKIE}=${sessionToken}; ${attributes(config, SESSION_ABSOLUTE_MS / 1000)}`;
}

/** `Set-Cookie` value that makes the browser forget the session. */
export function clearedSessionCookie(config: Pick<Config, "publicUrl">): string {
  return `${SESSION_COOKIE}=; ${attributes(config, 0)}`;
}

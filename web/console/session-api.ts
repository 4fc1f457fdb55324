import { ApiError } from "../ui/fetch-json.js";
import { consoleFetch, setCsrfToken } from "./console-fetch.js";
import type { ConsoleSession } from "./console-types.js";

/** The console's sign-in calls to `/console/api/session`. */

const SESSION = "/console/api/session";

/** The current session, or null when nobody is signed in (401). */
export async function getSession(): Promise<ConsoleSession | null> {
  try {
    const session = await consoleFetch<ConsoleSession>(SESSION, { expect401: true });
    setCsrfToken(session.csrf_token);
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

/** Signs in with email and password; throws the server's 401/429 error otherwise. */
export async function signIn(email: string, password: string): Promise<ConsoleSession> {
  const session = await consoleFetch<ConsoleSession>(SESSION, { json: { email, password }, expect401: true });
  setCsrfToken(session.csrf_token);
  return session;
}

/** Ends the session on the server; the token is forgotten even if the call fails. */
export async function signOut(): Promise<void> {
  try {
    await consoleFetch<void>(SESSION, { method: "DELETE", expect401: true });
  } finally {
    setCsrfToken(null);
  }
}

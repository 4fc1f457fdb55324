import type { UserRole } from "./policy.js";

/** Who is calling a console API: a signed-in person or one of their API keys. */
export interface ConsoleUser {
  userId: string;
  email: string;
  role: UserRole;
}

/** A person signed in through the browser (cookie session). */
export interface ConsoleActor extends ConsoleUser {
  kind: "session";
  /** The session's CSRF token: unsafe requests must echo it in `x-csrf-token`. */
  csrfToken: string;
  /** SHA-256 of the session token (the console_sessions key). */
  sessionIdHash: string;
}

/** A script using an operator API key (`Authorization: Bearer lop_…`). */
export interface ApiKeyActor extends ConsoleUser {
  kind: "api_key";
  apiKeyId: string;
}

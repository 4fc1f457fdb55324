import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { applications } from "./applications.js";
import { connectSessions } from "./connect-sessions.js";
import { connections } from "./connections.js";

/** Authorization codes: single use, valid 10 minutes, stored as SHA-256. */
export const authorizationCodes = pgTable("authorization_codes", {
  codeHash: text("code_hash").primaryKey(),
  applicationId: uuid("application_id")
    .notNull()
    .references(() => applications.id),
  connectionId: uuid("connection_id")
    .notNull()
    .references(() => connections.id),
  sessionId: uuid("session_id")
    .notNull()
    .references(() => connectSessions.id),
  /** The redirect URI the code was issued for, checked when the exchange names one. */
  redirectUri: text("redirect_uri"),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  usedAt: timestamp("used_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
});

/** Access tokens: opaque, stored as SHA-256, valid until the connection is disconnected. */
export const accessTokens = pgTable(
  "access_tokens",
  {
    /** The token's public id (introspect `id`). */
    id: uuid("id").primaryKey(),
    tokenHash: text("token_hash").notNull().unique(),
    applicationId: uuid("application_id")
      .notNull()
      .references(() => applications.id),
    connectionId: uuid("connection_id")
      .notNull()
      .references(() => connections.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [index("access_tokens_connection_idx").on(t.connectionId)],
);

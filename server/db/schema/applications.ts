import { jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** A developer's application: the holder of a client_id and client_secret. */
export const applications = pgTable("applications", {
  /** The client_id. */
  id: uuid("id").primaryKey(),
  name: text("name").notNull(),
  clientType: text("client_type", { enum: ["development", "production", "sandbox"] }).notNull(),
  /** SHA-256 of the client secret; the secret itself is shown once and never stored. */
  secretHash: text("secret_hash").notNull(),
  /** Registered redirect URIs, matched exactly. */
  redirectUris: jsonb("redirect_uris").$type<string[]>().notNull(),
  /** SHA-256 of the secret replaced by the last rotation: still accepted until previousSecretExpiresAt. */
  previousSecretHash: text("previous_secret_hash"),
  /** End of the rotation grace period of previousSecretHash. */
  previousSecretExpiresAt: timestamp("previous_secret_expires_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  /** The body of this application's 202 answers (`empty` | `finch`); null follows LINNET_ACCEPTED_BODY. */
  acceptedBody: text("accepted_body", { enum: ["empty", "finch"] }),
});

import { integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** A person who signs in to the operations console or the developer dashboard. */
export const users = pgTable("users", {
  id: uuid("id").primaryKey(),
  email: text("email").notNull().unique(),
  /** argon2id hash. */
  passwordHash: text("password_hash").notNull(),
  role: text("role", { enum: ["admin", "operator", "developer"] }).notNull(),
  /** Consecutive failed sign-ins; reset on success. */
  failedLogins: integer("failed_logins").notNull().default(0),
  /** Sign-in refused until then (lockout after repeated failures). */
  lockedUntil: timestamp("locked_until", { withTimezone: true }),
  lastLoginAt: timestamp("last_login_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
});

/**
 * Failed sign-ins for email addresses that have no account, counted and locked exactly like an account's, so the
 * lockout answer cannot tell an attacker which addresses exist. Only a SHA-256 of the normalized address is kept;
 * rows idle for a day are purged by the hourly housekeeping job.
 */
export const signInFailures = pgTable("sign_in_failures", {
  emailHash: text("email_hash").primaryKey(),
  failedLogins: integer("failed_logins").notNull(),
  lockedUntil: timestamp("locked_until", { withTimezone: true }),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
});

import { integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** A person who signs in to the operations console or the developer dashboard. */
export const users = pgTable("users", {
  id: uuid("id").primaryKey(),
  email: text("email").notNull().unique(),
  /** argon2id hash. */
  passwordHash: text("password_hash").notNull(),
  role: text("role", { enum: ["admin", "operator", "developer"] }).notNull(),
  lastLoginAt: timestamp("last_login_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
});

/**
 * Sign-in throttling counters (domain/auth/sign-in-throttle.ts), one row per key: an account address seen from one
 * client address (`SHA-256("account" ‖ email ‖ client)`, whether an account exists or not, so the answers cannot
 * tell which do), or a client address alone (`SHA-256("client" ‖ client)`). Only hashes are kept; rows idle for a
 * day are purged by the hourly housekeeping job.
 */
export const signInFailures = pgTable("sign_in_failures", {
  keyHash: text("key_hash").primaryKey(),
  /** Failures counted since windowStartedAt. */
  failedLogins: integer("failed_logins").notNull(),
  /** When the current counting window began. */
  windowStartedAt: timestamp("window_started_at", { withTimezone: true }).notNull().defaultNow(),
  lockedUntil: timestamp("locked_until", { withTimezone: true }),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
});

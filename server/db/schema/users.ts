import { pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** A person who signs in to the operations console or the developer dashboard. */
export const users = pgTable("users", {
  id: uuid("id").primaryKey(),
  email: text("email").notNull().unique(),
  /** argon2id hash. */
  passwordHash: text("password_hash").notNull(),
  role: text("role", { enum: ["admin", "operator", "developer"] }).notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
});

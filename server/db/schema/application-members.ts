import { pgTable, primaryKey, timestamp, uuid } from "drizzle-orm/pg-core";

/** Which developer users may see and manage which applications in the developer dashboard (admins see all). */
export const applicationMembers = pgTable(
  "application_members",
  {
    applicationId: uuid("application_id").notNull(),
    userId: uuid("user_id").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.applicationId] })],
);

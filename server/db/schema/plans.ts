import { index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * Benefit plans (`/employer/plans*`, beta in Finch): what a connection's carriers offer, who is enrolled with which
 * tier and contributions, and the dependents covered. Stored rows come from an operator's benefits-enrollment export
 * or the sandbox generator and are replaced as a whole on each publish; deductions Linnet keeps without a stored plan
 * are presented as plans at read time (see domain/plans).
 */
export const benefitPlans = pgTable(
  "benefit_plans",
  {
    /** The plan_id (stable across publishes, minted from the source key). */
    id: uuid("id").primaryKey(),
    connectionId: uuid("connection_id").notNull(),
    /** The deduction (benefits row) this plan's contributions are taken through, when known. */
    benefitId: uuid("benefit_id"),
    /** Order in lists. */
    position: integer("position").notNull(),
    name: text("name").notNull(),
    /** PlanType or null. */
    type: text("type"),
    description: text("description"),
    /** PlanNetworkType or null. */
    networkType: text("network_type"),
    carrierId: text("carrier_id"),
    carrierName: text("carrier_name"),
    /** YYYY-MM-DD. */
    startDate: text("start_date").notNull(),
    endDate: text("end_date"),
    coverageTiers: jsonb("coverage_tiers").$type<string[] | null>(),
    deductionCodes: jsonb("deduction_codes").$type<string[] | null>(),
  },
  (t) => [index("benefit_plans_connection_idx").on(t.connectionId, t.position)],
);

/** One individual's enrollment in a plan. */
export const planEnrollments = pgTable(
  "plan_enrollments",
  {
    id: uuid("id").primaryKey(),
    connectionId: uuid("connection_id").notNull(),
    planId: uuid("plan_id").notNull(),
    individualId: uuid("individual_id").notNull(),
    position: integer("position").notNull(),
    coverageTier: text("coverage_tier"),
    coverageStartDate: text("coverage_start_date"),
    coverageEndDate: text("coverage_end_date"),
    /** `EnrollmentContributions` as served (amounts in cents) or null. */
    contributions: jsonb("contributions").$type<Record<string, unknown> | null>(),
    dependentIds: jsonb("dependent_ids").$type<string[]>().notNull(),
    /** active | inactive | … */
    status: text("status"),
  },
  (t) => [index("plan_enrollments_connection_idx").on(t.connectionId, t.position)],
);

/** A dependent covered under enrollments. SSN and date of birth are sealed (AES-256-GCM bound to the dependent). */
export const planDependents = pgTable(
  "plan_dependents",
  {
    id: uuid("id").primaryKey(),
    connectionId: uuid("connection_id").notNull(),
    position: integer("position").notNull(),
    firstName: text("first_name").notNull(),
    lastName: text("last_name").notNull(),
    middleName: text("middle_name"),
    gender: text("gender"),
    /** `{ ssn, date_of_birth }` sealed with the secrets key, or null when neither is known. */
    sealed: text("sealed"),
    /** `DependentCoverage[]` as served. */
    coverage: jsonb("coverage").$type<Record<string, unknown>[]>().notNull(),
  },
  (t) => [index("plan_dependents_connection_idx").on(t.connectionId, t.position)],
);

/** The latest plans publish of a connection: where from, when the data was retrieved. Its presence makes plans ready. */
export const planPublications = pgTable("plan_publications", {
  connectionId: uuid("connection_id").primaryKey(),
  /** sandbox | upload */
  source: text("source").notNull(),
  fileName: text("file_name"),
  retrievedAt: timestamp("retrieved_at", { withTimezone: true }).notNull(),
  publishedAt: timestamp("published_at", { withTimezone: true }).notNull(),
});

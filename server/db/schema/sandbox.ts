import { bigserial, check, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { oneOf } from "./types/check.js";
import type { SandboxEditBody } from "./types/sandbox.js";
import { AUTOMATED_JOB_STATUSES, type AutomatedJobStatus } from "./types/statuses.js";

/**
 * A sandbox company: its data is regenerated deterministically from (seed, size, as_of) and then the edits made
 * through the sandbox API are applied on top, so nothing large is stored and every re-sync yields the same people.
 */
export const sandboxCompanies = pgTable("sandbox_companies", {
  /** Also the company_id of its connections. */
  id: uuid("id").primaryKey(),
  applicationId: uuid("application_id").notNull(),
  seed: text("seed").notNull(),
  employeeSize: integer("employee_size").notNull(),
  /** The generator's "today": pay history ends here. */
  asOf: timestamp("as_of", { withTimezone: true }).notNull(),
  /** How the next data_sync_all job ends: complete | reauth_error | permissions_error | error. */
  syncOutcome: text("sync_outcome").notNull().default("complete"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
});

/** Edits made through the sandbox API, applied in order on top of the generated data. */
export const sandboxEdits = pgTable(
  "sandbox_edits",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    companyId: uuid("company_id").notNull(),
    /** company | person | new_person | payment */
    kind: text("kind").notNull(),
    /** The person or payment source id the edit targets. */
    sourceId: text("source_id"),
    body: jsonb("body").$type<SandboxEditBody>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("sandbox_edits_company_idx").on(t.companyId, t.id)],
);

/** Automated jobs (`/jobs/automated`): data syncs run by pg-boss workers. */
export const automatedJobs = pgTable(
  "automated_jobs",
  {
    id: uuid("id").primaryKey(),
    connectionId: uuid("connection_id").notNull(),
    type: text("type", { enum: ["data_sync_all", "w4_form_employee_sync"] }).notNull(),
    /** The job machine's state (`domain/data-syncs/automated-job-machine.ts`); a CHECK constraint holds it to these values. */
    status: text("status").$type<AutomatedJobStatus>().notNull(),
    params: jsonb("params").$type<Record<string, unknown>>(),
    error: text("error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    scheduledAt: timestamp("scheduled_at", { withTimezone: true }),
    startedAt: timestamp("started_at", { withTimezone: true }),
    completedAt: timestamp("completed_at", { withTimezone: true }),
  },
  (t) => [
    index("automated_jobs_connection_idx").on(t.connectionId, t.createdAt),
    check("automated_jobs_status_check", oneOf("status", AUTOMATED_JOB_STATUSES)),
  ],
);

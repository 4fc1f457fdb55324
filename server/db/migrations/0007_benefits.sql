CREATE TABLE "benefit_enrollments" (
	"benefit_id" uuid NOT NULL,
	"individual_id" uuid NOT NULL,
	"connection_id" uuid NOT NULL,
	"employee_deduction" jsonb,
	"company_contribution" jsonb,
	"annual_maximum" bigint,
	"catch_up" boolean,
	"hsa_contribution_limit" text,
	"effective_date" text,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "benefit_enrollments_benefit_id_individual_id_pk" PRIMARY KEY("benefit_id","individual_id")
);
--> statement-breakpoint
CREATE TABLE "benefit_idempotency_keys" (
	"application_id" uuid NOT NULL,
	"connection_id" uuid NOT NULL,
	"key_hash" text NOT NULL,
	"request_hash" text NOT NULL,
	"status_code" integer NOT NULL,
	"response" jsonb NOT NULL,
	"job_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "benefit_idempotency_keys_application_id_connection_id_key_hash_pk" PRIMARY KEY("application_id","connection_id","key_hash")
);
--> statement-breakpoint
CREATE TABLE "benefit_jobs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"connection_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"type" text NOT NULL,
	"mode" text NOT NULL,
	"benefit_id" uuid NOT NULL,
	"status" text NOT NULL,
	"request" jsonb NOT NULL,
	"body" jsonb,
	"verification_state" text,
	"verification" jsonb,
	"created_at" timestamp with time zone NOT NULL,
	"completed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "benefits" (
	"id" uuid PRIMARY KEY NOT NULL,
	"connection_id" uuid NOT NULL,
	"type" text,
	"description" text,
	"frequency" text,
	"company_contribution" jsonb,
	"state" text NOT NULL,
	"origin" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sandbox_benefit_outcomes" (
	"company_id" uuid NOT NULL,
	"job_type" text NOT NULL,
	"completion_status" text NOT NULL,
	CONSTRAINT "sandbox_benefit_outcomes_company_id_job_type_pk" PRIMARY KEY("company_id","job_type")
);
--> statement-breakpoint
CREATE TABLE "sandbox_benefit_seeds" (
	"connection_id" uuid PRIMARY KEY NOT NULL,
	"seeded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "benefit_enrollments_connection_idx" ON "benefit_enrollments" USING btree ("connection_id");--> statement-breakpoint
CREATE INDEX "benefit_jobs_connection_idx" ON "benefit_jobs" USING btree ("connection_id","created_at");--> statement-breakpoint
CREATE INDEX "benefit_jobs_verification_idx" ON "benefit_jobs" USING btree ("connection_id","verification_state");--> statement-breakpoint
CREATE INDEX "benefits_connection_idx" ON "benefits" USING btree ("connection_id","created_at");
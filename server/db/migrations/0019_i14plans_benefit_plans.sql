CREATE TABLE "benefit_plans" (
	"id" uuid PRIMARY KEY NOT NULL,
	"connection_id" uuid NOT NULL,
	"benefit_id" uuid,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"type" text,
	"description" text,
	"network_type" text,
	"carrier_id" text,
	"carrier_name" text,
	"start_date" text NOT NULL,
	"end_date" text,
	"coverage_tiers" jsonb,
	"deduction_codes" jsonb
);
--> statement-breakpoint
CREATE TABLE "plan_dependents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"connection_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"middle_name" text,
	"gender" text,
	"sealed" text,
	"coverage" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_enrollments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"connection_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"individual_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"coverage_tier" text,
	"coverage_start_date" text,
	"coverage_end_date" text,
	"contributions" jsonb,
	"dependent_ids" jsonb NOT NULL,
	"status" text
);
--> statement-breakpoint
CREATE TABLE "plan_publications" (
	"connection_id" uuid PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"file_name" text,
	"retrieved_at" timestamp with time zone NOT NULL,
	"published_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "benefit_plans_connection_idx" ON "benefit_plans" USING btree ("connection_id","position");--> statement-breakpoint
CREATE INDEX "plan_dependents_connection_idx" ON "plan_dependents" USING btree ("connection_id","position");--> statement-breakpoint
CREATE INDEX "plan_enrollments_connection_idx" ON "plan_enrollments" USING btree ("connection_id","position");
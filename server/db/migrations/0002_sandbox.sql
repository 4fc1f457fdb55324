CREATE TABLE "automated_jobs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"connection_id" uuid NOT NULL,
	"type" text NOT NULL,
	"status" text NOT NULL,
	"params" jsonb,
	"error" text,
	"created_at" timestamp with time zone NOT NULL,
	"scheduled_at" timestamp with time zone,
	"started_at" timestamp with time zone,
	"completed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sandbox_companies" (
	"id" uuid PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"seed" text NOT NULL,
	"employee_size" integer NOT NULL,
	"as_of" timestamp with time zone NOT NULL,
	"sync_outcome" text DEFAULT 'complete' NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sandbox_edits" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"source_id" text,
	"body" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "automated_jobs_connection_idx" ON "automated_jobs" USING btree ("connection_id","created_at");--> statement-breakpoint
CREATE INDEX "sandbox_edits_company_idx" ON "sandbox_edits" USING btree ("company_id","id");
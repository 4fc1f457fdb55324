CREATE TABLE "intake_late_episodes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"connection_id" uuid NOT NULL,
	"product_group" text NOT NULL,
	"expected_at" timestamp with time zone NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"task_id" uuid,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "intake_pull_sources" (
	"connection_id" uuid PRIMARY KEY NOT NULL,
	"host" text NOT NULL,
	"port" integer NOT NULL,
	"username" text NOT NULL,
	"credentials_sealed" text NOT NULL,
	"folder" text NOT NULL,
	"pattern" text NOT NULL,
	"host_key_fingerprint" text,
	"poll_minutes" integer NOT NULL,
	"cadence_days" integer,
	"polling_until" timestamp with time zone,
	"last_polled_at" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "intake_pulled_files" (
	"connection_id" uuid NOT NULL,
	"remote_name" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"mtime" bigint NOT NULL,
	"sha256" text NOT NULL,
	"file_id" uuid,
	"pulled_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "intake_late_episodes_open" ON "intake_late_episodes" USING btree ("connection_id","product_group") WHERE "intake_late_episodes"."closed_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "intake_pulled_files_key" ON "intake_pulled_files" USING btree ("connection_id","remote_name","size_bytes","mtime");--> statement-breakpoint
CREATE INDEX "intake_pulled_files_sha_idx" ON "intake_pulled_files" USING btree ("connection_id","sha256");
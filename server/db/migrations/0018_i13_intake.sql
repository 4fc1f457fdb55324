CREATE TABLE "intake_files" (
	"id" uuid PRIMARY KEY NOT NULL,
	"connection_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"file_name" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"sha256" text NOT NULL,
	"content_sealed" text NOT NULL,
	"status" text NOT NULL,
	"product_group" text,
	"verdict" jsonb,
	"report" jsonb,
	"diff" jsonb,
	"snapshot_id" uuid,
	"review_task_id" uuid,
	"decided_by" text,
	"decision_reason" text,
	"received_at" timestamp with time zone NOT NULL,
	"processed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "intake_inboxes" (
	"connection_id" uuid PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"password_hash" text,
	"public_keys" jsonb NOT NULL,
	"cadence_days" integer,
	"gate" jsonb,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "intake_inboxes_username_unique" UNIQUE("username")
);
--> statement-breakpoint
CREATE TABLE "intake_recipes" (
	"connection_id" uuid NOT NULL,
	"product_group" text NOT NULL,
	"name" text NOT NULL,
	"mapping" jsonb NOT NULL,
	"known_headers" jsonb NOT NULL,
	"identity" jsonb,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "intake_recipes_connection_id_product_group_pk" PRIMARY KEY("connection_id","product_group")
);
--> statement-breakpoint
CREATE INDEX "intake_files_connection_idx" ON "intake_files" USING btree ("connection_id","received_at");--> statement-breakpoint
CREATE INDEX "intake_files_status_idx" ON "intake_files" USING btree ("status");--> statement-breakpoint
CREATE INDEX "intake_files_sha_idx" ON "intake_files" USING btree ("connection_id","sha256");
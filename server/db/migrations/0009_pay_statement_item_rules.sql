CREATE TABLE "pay_statement_item_rules" (
	"id" uuid PRIMARY KEY NOT NULL,
	"connection_id" uuid NOT NULL,
	"priority" integer NOT NULL,
	"effective_start_date" text,
	"effective_end_date" text,
	"conditions" jsonb NOT NULL,
	"metadata" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "pay_statement_item_rules_connection_idx" ON "pay_statement_item_rules" USING btree ("connection_id","priority");
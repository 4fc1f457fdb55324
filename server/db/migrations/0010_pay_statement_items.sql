CREATE TABLE "pay_statement_item_sets" (
	"snapshot_id" uuid PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pay_statement_items" (
	"snapshot_id" uuid NOT NULL,
	"payment_id" uuid NOT NULL,
	"pay_date" text,
	"category" text NOT NULL,
	"name" text NOT NULL,
	"type" text,
	"pre_tax" text,
	"employer" text,
	"metadata" text
);
--> statement-breakpoint
CREATE INDEX "pay_statement_items_snapshot_idx" ON "pay_statement_items" USING btree ("snapshot_id");
CREATE TABLE "snapshot_records" (
	"snapshot_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"position" integer NOT NULL,
	"id" uuid,
	"parent_id" uuid,
	"sort_key" text,
	"json" text NOT NULL,
	"sealed" text,
	CONSTRAINT "snapshot_records_snapshot_id_kind_position_pk" PRIMARY KEY("snapshot_id","kind","position")
);
--> statement-breakpoint
CREATE TABLE "snapshots" (
	"id" uuid PRIMARY KEY NOT NULL,
	"connection_id" uuid NOT NULL,
	"product_group" text NOT NULL,
	"version" integer NOT NULL,
	"source" text NOT NULL,
	"retrieved_at" timestamp with time zone NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"counts" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "source_ids" (
	"connection_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"source_id" text NOT NULL,
	"id" uuid NOT NULL,
	CONSTRAINT "source_ids_connection_id_kind_source_id_pk" PRIMARY KEY("connection_id","kind","source_id")
);
--> statement-breakpoint
ALTER TABLE "connections" ADD COLUMN "org_snapshot_id" uuid;--> statement-breakpoint
ALTER TABLE "connections" ADD COLUMN "pay_snapshot_id" uuid;--> statement-breakpoint
CREATE UNIQUE INDEX "snapshot_records_id_idx" ON "snapshot_records" USING btree ("snapshot_id","kind","id") WHERE "snapshot_records"."id" is not null;--> statement-breakpoint
CREATE INDEX "snapshot_records_parent_idx" ON "snapshot_records" USING btree ("snapshot_id","kind","parent_id","position");--> statement-breakpoint
CREATE INDEX "snapshot_records_sort_idx" ON "snapshot_records" USING btree ("snapshot_id","kind","sort_key");--> statement-breakpoint
CREATE UNIQUE INDEX "snapshots_connection_group_version_idx" ON "snapshots" USING btree ("connection_id","product_group","version");
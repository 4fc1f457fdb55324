ALTER TABLE "connections" ADD COLUMN "parent_connection_id" uuid;--> statement-breakpoint
ALTER TABLE "connections" ADD COLUMN "entity_name" text;--> statement-breakpoint
ALTER TABLE "connections" ADD COLUMN "entity_source_id" text;--> statement-breakpoint
ALTER TABLE "connections" ADD COLUMN "entity_disconnected_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "connections_parent_idx" ON "connections" USING btree ("parent_connection_id") WHERE "connections"."parent_connection_id" is not null;
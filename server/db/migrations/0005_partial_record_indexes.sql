DROP INDEX "snapshot_records_parent_idx";--> statement-breakpoint
DROP INDEX "snapshot_records_sort_idx";--> statement-breakpoint
CREATE INDEX "snapshot_records_parent_idx" ON "snapshot_records" USING btree ("snapshot_id","kind","parent_id","position") WHERE "snapshot_records"."parent_id" is not null;--> statement-breakpoint
CREATE INDEX "snapshot_records_sort_idx" ON "snapshot_records" USING btree ("snapshot_id","kind","sort_key") WHERE "snapshot_records"."sort_key" is not null;
ALTER TABLE "connections" ADD COLUMN "org_attempted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "connections" ADD COLUMN "org_attempt_result" text;--> statement-breakpoint
ALTER TABLE "connections" ADD COLUMN "pay_attempted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "connections" ADD COLUMN "pay_attempt_result" text;--> statement-breakpoint
-- Hand-written: connections published before this migration count their current snapshots as successful attempts.
UPDATE "connections" SET "org_attempted_at" = s."retrieved_at", "org_attempt_result" = 'success' FROM "snapshots" s WHERE s."id" = "connections"."org_snapshot_id";--> statement-breakpoint
UPDATE "connections" SET "pay_attempted_at" = s."retrieved_at", "pay_attempt_result" = 'success' FROM "snapshots" s WHERE s."id" = "connections"."pay_snapshot_id";

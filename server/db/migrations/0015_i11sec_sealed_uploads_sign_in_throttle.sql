ALTER TABLE "sign_in_failures" RENAME COLUMN "email_hash" TO "key_hash";--> statement-breakpoint
ALTER TABLE "ingestion_uploads" ALTER COLUMN "content" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "ingestion_uploads" ADD COLUMN "content_sealed" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "ingestion_uploads" ADD COLUMN "purged_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "sign_in_failures" ADD COLUMN "window_started_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "failed_logins";--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "locked_until";
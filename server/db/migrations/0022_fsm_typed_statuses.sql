CREATE TABLE "status_transitions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"entity" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"from_status" text NOT NULL,
	"to_status" text NOT NULL,
	"actor" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"reason" text,
	CONSTRAINT "status_transitions_entity_check" CHECK ("entity" in ('upload', 'automated_job', 'benefit_job'))
);
--> statement-breakpoint
CREATE INDEX "status_transitions_entity_idx" ON "status_transitions" USING btree ("entity","entity_id","at");--> statement-breakpoint
ALTER TABLE "connections" ADD CONSTRAINT "connections_status_check" CHECK ("status" in ('pending', 'processing', 'connected', 'error_no_account_setup', 'error_permissions', 'reauth', 'disconnected'));--> statement-breakpoint
ALTER TABLE "assisted_tasks" ADD CONSTRAINT "assisted_tasks_status_check" CHECK ("status" in ('open', 'in_progress', 'done', 'cancelled'));--> statement-breakpoint
ALTER TABLE "manual_jobs" ADD CONSTRAINT "manual_jobs_status_check" CHECK ("status" in ('pending', 'in_progress', 'complete', 'error'));--> statement-breakpoint
ALTER TABLE "automated_jobs" ADD CONSTRAINT "automated_jobs_status_check" CHECK ("status" in ('pending', 'in_progress', 'complete', 'error', 'reauth_error', 'permissions_error'));--> statement-breakpoint
ALTER TABLE "benefit_jobs" ADD CONSTRAINT "benefit_jobs_status_check" CHECK ("status" in ('pending', 'in_progress', 'complete', 'error'));--> statement-breakpoint
ALTER TABLE "benefit_jobs" ADD CONSTRAINT "benefit_jobs_verification_state_check" CHECK ("verification_state" is null or "verification_state" in ('pending', 'verified', 'not_yet_visible', 'mismatch'));--> statement-breakpoint
ALTER TABLE "benefits" ADD CONSTRAINT "benefits_state_check" CHECK ("state" in ('pending', 'active', 'failed'));--> statement-breakpoint
ALTER TABLE "sandbox_benefit_outcomes" ADD CONSTRAINT "sandbox_benefit_outcomes_completion_status_check" CHECK ("completion_status" in ('complete', 'error'));--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_state_check" CHECK ("state" in ('pending', 'delivered', 'failed'));--> statement-breakpoint
ALTER TABLE "intake_files" ADD CONSTRAINT "intake_files_status_check" CHECK ("status" in ('received', 'published', 'held', 'rejected', 'duplicate'));
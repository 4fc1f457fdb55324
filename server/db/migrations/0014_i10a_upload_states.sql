-- Custom SQL migration file, put your code below! --
-- hand-written (i10a)
-- Uploads get an explicit state machine (domain/ops/upload-machine.ts). Earlier states map as the stored analysis says:
-- "uploaded" without a mapping needs one; "uploaded"/"validated" with a report are valid or invalid by its `ok`.
UPDATE "ingestion_uploads" SET "status" = CASE
  WHEN "status" IN ('published', 'discarded') THEN "status"
  WHEN "mapping" IS NULL OR "report" IS NULL THEN 'needs_mapping'
  WHEN ("report"->>'ok')::boolean THEN 'valid'
  ELSE 'invalid'
END
WHERE "status" NOT IN ('needs_mapping', 'invalid', 'valid', 'published', 'discarded');--> statement-breakpoint
ALTER TABLE "ingestion_uploads" ADD CONSTRAINT "ingestion_uploads_status_check" CHECK ("status" IN ('needs_mapping', 'invalid', 'valid', 'published', 'discarded'));

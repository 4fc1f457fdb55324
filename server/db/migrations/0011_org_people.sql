CREATE TABLE "org_people" (
	"snapshot_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"id" uuid NOT NULL,
	"directory" text NOT NULL,
	"individual" text NOT NULL,
	"employment" text NOT NULL,
	"sealed" text,
	CONSTRAINT "org_people_snapshot_id_position_pk" PRIMARY KEY("snapshot_id","position")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "org_people_id_idx" ON "org_people" USING btree ("snapshot_id","id");--> statement-breakpoint
-- carry existing org snapshots forward: their three records per person become one row
INSERT INTO "org_people" ("snapshot_id", "position", "id", "directory", "individual", "employment", "sealed")
SELECT d."snapshot_id", d."position", d."id", d."json", i."json", e."json", i."sealed"
FROM "snapshot_records" d
JOIN "snapshot_records" i ON i."snapshot_id" = d."snapshot_id" AND i."kind" = 'individual' AND i."id" = d."id"
JOIN "snapshot_records" e ON e."snapshot_id" = d."snapshot_id" AND e."kind" = 'employment' AND e."id" = d."id"
WHERE d."kind" = 'directory';--> statement-breakpoint
DELETE FROM "snapshot_records" WHERE "kind" IN ('directory', 'individual', 'employment');

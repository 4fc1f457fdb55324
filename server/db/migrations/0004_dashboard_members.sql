CREATE TABLE "application_members" (
	"application_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "application_members_user_id_application_id_pk" PRIMARY KEY("user_id","application_id")
);

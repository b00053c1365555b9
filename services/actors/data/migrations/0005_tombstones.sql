CREATE TABLE "actors"."tombstones" (
	"kind" text NOT NULL,
	"id" text NOT NULL,
	"deleted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_by" text,
	CONSTRAINT "tombstones_pkey" PRIMARY KEY("kind","id"),
	CONSTRAINT "tombstones_kind_check" CHECK ("actors"."tombstones"."kind" in ('actor'))
);
--> statement-breakpoint
ALTER TABLE "actors"."actor_redirects" DROP CONSTRAINT "actor_redirects_to_id_actors_id_fk";

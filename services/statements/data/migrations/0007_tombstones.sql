CREATE TABLE "statements"."tombstones" (
	"kind" text NOT NULL,
	"id" text NOT NULL,
	"deleted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_by" text,
	CONSTRAINT "tombstones_pkey" PRIMARY KEY("kind","id"),
	CONSTRAINT "tombstones_kind_check" CHECK ("statements"."tombstones"."kind" in ('source', 'claim', 'statement'))
);

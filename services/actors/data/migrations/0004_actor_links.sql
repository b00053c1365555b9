CREATE TABLE "actors"."actor_links" (
	"scheme" text NOT NULL,
	"value" text NOT NULL,
	"actor_id" text NOT NULL,
	"method" text NOT NULL,
	"confidence" double precision NOT NULL,
	"rule" text NOT NULL,
	"status" text DEFAULT 'PROPOSED' NOT NULL,
	"own_actor_id" text NOT NULL,
	"own_name" text NOT NULL,
	"own_kind" text NOT NULL,
	"own_country" text,
	"made_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	CONSTRAINT "actor_links_pkey" PRIMARY KEY("scheme","value","actor_id"),
	CONSTRAINT "actor_links_method_check" CHECK ("actors"."actor_links"."method" in ('SAME_CODE', 'CROSSWALK', 'NAME_AND_COUNTRY', 'EDITOR')),
	CONSTRAINT "actor_links_status_check" CHECK ("actors"."actor_links"."status" in ('PROPOSED', 'CONFIRMED', 'REJECTED', 'SPLIT')),
	CONSTRAINT "actor_links_confidence_check" CHECK ("actors"."actor_links"."confidence" between 0 and 1)
);
--> statement-breakpoint
ALTER TABLE "actors"."actor_links" ADD CONSTRAINT "actor_links_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "actors"."actors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "actor_links_in_force_key" ON "actors"."actor_links" USING btree ("scheme","value") WHERE "actors"."actor_links"."status" in ('PROPOSED', 'CONFIRMED');--> statement-breakpoint
CREATE INDEX "actor_links_actor_idx" ON "actors"."actor_links" USING btree ("actor_id");--> statement-breakpoint
CREATE INDEX "actor_links_status_confidence_idx" ON "actors"."actor_links" USING btree ("status","confidence","scheme","value");
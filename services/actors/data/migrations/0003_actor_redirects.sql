CREATE TABLE "actors"."actor_redirects" (
	"from_id" text PRIMARY KEY NOT NULL,
	"to_id" text NOT NULL,
	"merged_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "actors"."actor_redirects" ADD CONSTRAINT "actor_redirects_to_id_actors_id_fk" FOREIGN KEY ("to_id") REFERENCES "actors"."actors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "actor_redirects_to_id_idx" ON "actors"."actor_redirects" USING btree ("to_id");
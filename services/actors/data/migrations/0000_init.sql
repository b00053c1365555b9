CREATE SCHEMA "actors";
--> statement-breakpoint
CREATE TABLE "actors"."actor_relations" (
	"id" text PRIMARY KEY NOT NULL,
	"subject_id" text NOT NULL,
	"predicate" text NOT NULL,
	"object_id" text NOT NULL,
	"valid_from" date,
	"valid_to" date,
	"source_id" text,
	CONSTRAINT "actor_relations_predicate_check" CHECK ("actors"."actor_relations"."predicate" in ('LEADER_OF', 'SPOKESPERSON_FOR', 'MEMBER_OF', 'CITIZEN_OF', 'SERVES_IN', 'PART_OF', 'FIGHTS_FOR'))
);
--> statement-breakpoint
CREATE TABLE "actors"."actors" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"country" text,
	"description" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "actors_kind_check" CHECK ("actors"."actors"."kind" in ('PERSON', 'STATE', 'GOVERNMENT_BODY', 'ARMED_FORCE', 'ARMED_GROUP', 'ORGANIZATION', 'POPULATION_GROUP'))
);
--> statement-breakpoint
CREATE TABLE "actors"."aliases" (
	"actor_id" text NOT NULL,
	"scheme" text NOT NULL,
	"value" text NOT NULL,
	"normalized_value" text NOT NULL,
	"valid_from" date,
	"valid_to" date,
	CONSTRAINT "aliases_scheme_check" CHECK ("actors"."aliases"."scheme" in ('FREE', 'TITLE', 'ACLED', 'CAMEO', 'WIKIDATA'))
);
--> statement-breakpoint
ALTER TABLE "actors"."actor_relations" ADD CONSTRAINT "actor_relations_subject_id_actors_id_fk" FOREIGN KEY ("subject_id") REFERENCES "actors"."actors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actors"."actor_relations" ADD CONSTRAINT "actor_relations_object_id_actors_id_fk" FOREIGN KEY ("object_id") REFERENCES "actors"."actors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actors"."aliases" ADD CONSTRAINT "aliases_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "actors"."actors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "actor_relations_subject_idx" ON "actors"."actor_relations" USING btree ("subject_id","predicate");--> statement-breakpoint
CREATE INDEX "actor_relations_object_idx" ON "actors"."actor_relations" USING btree ("object_id","predicate");--> statement-breakpoint
CREATE INDEX "actors_name_id_idx" ON "actors"."actors" USING btree ("name","id");--> statement-breakpoint
CREATE INDEX "actors_kind_name_id_idx" ON "actors"."actors" USING btree ("kind","name","id");--> statement-breakpoint
CREATE INDEX "actors_country_name_id_idx" ON "actors"."actors" USING btree ("country","name","id");--> statement-breakpoint
CREATE UNIQUE INDEX "aliases_actor_scheme_value_key" ON "actors"."aliases" USING btree ("actor_id","scheme","value");--> statement-breakpoint
CREATE INDEX "aliases_scheme_value_idx" ON "actors"."aliases" USING btree ("scheme","value");--> statement-breakpoint
CREATE INDEX "aliases_normalized_value_idx" ON "actors"."aliases" USING btree ("normalized_value");
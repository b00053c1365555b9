CREATE SCHEMA "statements";
--> statement-breakpoint
CREATE TABLE "statements"."claims" (
	"id" text PRIMARY KEY NOT NULL,
	"text" text NOT NULL,
	"subject_id" text,
	"predicate" text,
	"object_id" text,
	"quantity" integer,
	"incident_id" text
);
--> statement-breakpoint
CREATE TABLE "statements"."sources" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"url" text,
	"publisher" text,
	"published_on" date,
	"published_precision" text,
	"retrieved_at" timestamp with time zone,
	CONSTRAINT "sources_published_precision_check" CHECK ("statements"."sources"."published_precision" in ('DAY', 'MONTH', 'YEAR', 'ON_OR_BEFORE')),
	CONSTRAINT "sources_kind_check" CHECK ("statements"."sources"."kind" in ('ARTICLE', 'PRESS_BRIEFING', 'OFFICIAL_STATEMENT', 'SOCIAL_POST', 'DATASET_RECORD'))
);
--> statement-breakpoint
CREATE TABLE "statements"."stances" (
	"statement_id" text NOT NULL,
	"claim_id" text NOT NULL,
	"stance" text NOT NULL,
	CONSTRAINT "stances_statement_id_claim_id_pk" PRIMARY KEY("statement_id","claim_id"),
	CONSTRAINT "stances_stance_check" CHECK ("statements"."stances"."stance" in ('ASSERTS', 'SUPPORTS', 'DISPUTES', 'DENIES', 'QUESTIONS', 'COMMENTS'))
);
--> statement-breakpoint
CREATE TABLE "statements"."statement_incidents" (
	"statement_id" text NOT NULL,
	"incident_id" text NOT NULL,
	CONSTRAINT "statement_incidents_statement_id_incident_id_pk" PRIMARY KEY("statement_id","incident_id")
);
--> statement-breakpoint
CREATE TABLE "statements"."statements" (
	"id" text PRIMARY KEY NOT NULL,
	"speaker_id" text NOT NULL,
	"on_behalf_of_id" text,
	"said_on" date NOT NULL,
	"said_precision" text NOT NULL,
	"venue" text,
	"modality" text NOT NULL,
	"text" text NOT NULL,
	"language" text NOT NULL,
	"source_id" text NOT NULL,
	"responds_to_id" text,
	CONSTRAINT "statements_said_precision_check" CHECK ("statements"."statements"."said_precision" in ('DAY', 'MONTH', 'YEAR', 'ON_OR_BEFORE')),
	CONSTRAINT "statements_modality_check" CHECK ("statements"."statements"."modality" in ('DIRECT_QUOTE', 'PARAPHRASE', 'POST'))
);
--> statement-breakpoint
ALTER TABLE "statements"."stances" ADD CONSTRAINT "stances_statement_id_statements_id_fk" FOREIGN KEY ("statement_id") REFERENCES "statements"."statements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statements"."stances" ADD CONSTRAINT "stances_claim_id_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "statements"."claims"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statements"."statement_incidents" ADD CONSTRAINT "statement_incidents_statement_id_statements_id_fk" FOREIGN KEY ("statement_id") REFERENCES "statements"."statements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statements"."statements" ADD CONSTRAINT "statements_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "statements"."sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "claims_subject_idx" ON "statements"."claims" USING btree ("subject_id");--> statement-breakpoint
CREATE INDEX "claims_object_idx" ON "statements"."claims" USING btree ("object_id");--> statement-breakpoint
CREATE INDEX "claims_incident_idx" ON "statements"."claims" USING btree ("incident_id");--> statement-breakpoint
CREATE INDEX "sources_url_idx" ON "statements"."sources" USING btree ("url");--> statement-breakpoint
CREATE INDEX "stances_claim_idx" ON "statements"."stances" USING btree ("claim_id");--> statement-breakpoint
CREATE INDEX "statement_incidents_incident_idx" ON "statements"."statement_incidents" USING btree ("incident_id");--> statement-breakpoint
CREATE INDEX "statements_said_on_id_idx" ON "statements"."statements" USING btree ("said_on","id");--> statement-breakpoint
CREATE INDEX "statements_speaker_said_on_id_idx" ON "statements"."statements" USING btree ("speaker_id","said_on","id");--> statement-breakpoint
CREATE INDEX "statements_responds_to_idx" ON "statements"."statements" USING btree ("responds_to_id");--> statement-breakpoint
CREATE INDEX "statements_source_idx" ON "statements"."statements" USING btree ("source_id");
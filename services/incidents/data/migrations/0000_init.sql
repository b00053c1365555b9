CREATE SCHEMA "incidents";
--> statement-breakpoint
CREATE TABLE "incidents"."incident_sources" (
	"incident_id" text NOT NULL,
	"source_id" text NOT NULL,
	CONSTRAINT "incident_sources_incident_id_source_id_pk" PRIMARY KEY("incident_id","source_id")
);
--> statement-breakpoint
CREATE TABLE "incidents"."incidents" (
	"id" text PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"title" text NOT NULL,
	"summary" text,
	"start_on" date NOT NULL,
	"start_precision" text NOT NULL,
	"end_on" date,
	"end_precision" text,
	"status" text NOT NULL,
	"fatalities_low" integer,
	"fatalities_best" integer,
	"fatalities_high" integer,
	"dataset" text NOT NULL,
	"acled_disorder_type" text,
	"acled_event_type" text,
	"acled_sub_event_type" text,
	"cameo_code" text,
	CONSTRAINT "incidents_type_check" CHECK ("incidents"."incidents"."type" in ('CAPTURE', 'RECRUITMENT', 'TRAINING', 'DEPLOYMENT', 'ARMED_CLASH', 'ATTACK', 'REMOTE_VIOLENCE', 'PROTEST', 'RIOT', 'ARREST', 'AGREEMENT', 'OTHER')),
	CONSTRAINT "incidents_start_precision_check" CHECK ("incidents"."incidents"."start_precision" in ('DAY', 'MONTH', 'YEAR', 'ON_OR_BEFORE')),
	CONSTRAINT "incidents_end_precision_check" CHECK ("incidents"."incidents"."end_precision" in ('DAY', 'MONTH', 'YEAR', 'ON_OR_BEFORE')),
	CONSTRAINT "incidents_status_check" CHECK ("incidents"."incidents"."status" in ('ALLEGED', 'REPORTED', 'CONFIRMED', 'DISPUTED'))
);
--> statement-breakpoint
CREATE TABLE "incidents"."participants" (
	"incident_id" text NOT NULL,
	"actor_id" text NOT NULL,
	"role" text NOT NULL,
	"count" integer,
	CONSTRAINT "participants_incident_id_actor_id_role_pk" PRIMARY KEY("incident_id","actor_id","role"),
	CONSTRAINT "participants_role_check" CHECK ("incidents"."participants"."role" in ('CAPTOR', 'CAPTIVE', 'RECRUITER', 'RECRUIT', 'TRAINER', 'PERPETRATOR', 'TARGET', 'ASSOCIATE', 'SIDE_A', 'SIDE_B'))
);
--> statement-breakpoint
CREATE TABLE "incidents"."places" (
	"id" text PRIMARY KEY NOT NULL,
	"incident_id" text NOT NULL,
	"name" text NOT NULL,
	"admin1" text,
	"admin2" text,
	"admin3" text,
	"country" text,
	"latitude" double precision,
	"longitude" double precision,
	"geo_precision" integer,
	"is_primary" boolean NOT NULL,
	"is_disputed" boolean DEFAULT false NOT NULL,
	"source_id" text,
	"note" text
);
--> statement-breakpoint
ALTER TABLE "incidents"."incident_sources" ADD CONSTRAINT "incident_sources_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "incidents"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents"."participants" ADD CONSTRAINT "participants_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "incidents"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents"."places" ADD CONSTRAINT "places_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "incidents"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "incidents_start_on_id_idx" ON "incidents"."incidents" USING btree ("start_on","id");--> statement-breakpoint
CREATE INDEX "incidents_type_start_on_id_idx" ON "incidents"."incidents" USING btree ("type","start_on","id");--> statement-breakpoint
CREATE INDEX "participants_actor_idx" ON "incidents"."participants" USING btree ("actor_id","incident_id");--> statement-breakpoint
CREATE INDEX "places_incident_idx" ON "incidents"."places" USING btree ("incident_id");
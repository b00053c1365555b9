DROP INDEX "incidents"."participants_actor_idx";--> statement-breakpoint
ALTER TABLE "incidents"."incidents" ADD COLUMN "country" text;--> statement-breakpoint
ALTER TABLE "incidents"."incidents" ADD COLUMN "admin1" text;--> statement-breakpoint
ALTER TABLE "incidents"."incidents" ADD COLUMN "latitude" double precision;--> statement-breakpoint
ALTER TABLE "incidents"."incidents" ADD COLUMN "longitude" double precision;--> statement-breakpoint
ALTER TABLE "incidents"."incidents" ADD COLUMN "search_document" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english', coalesce("title", '')), 'A') || setweight(to_tsvector('english', coalesce("summary", '')), 'B')) STORED;--> statement-breakpoint
CREATE INDEX "incidents_status_start_on_id_idx" ON "incidents"."incidents" USING btree ("status","start_on","id");--> statement-breakpoint
CREATE INDEX "incidents_country_start_on_id_idx" ON "incidents"."incidents" USING btree ("country","start_on","id");--> statement-breakpoint
CREATE INDEX "incidents_admin1_start_on_id_idx" ON "incidents"."incidents" USING btree ("admin1","start_on","id");--> statement-breakpoint
CREATE INDEX "incidents_dataset_start_on_id_idx" ON "incidents"."incidents" USING btree ("dataset","start_on","id");--> statement-breakpoint
CREATE INDEX "incidents_with_fatalities_start_on_id_idx" ON "incidents"."incidents" USING btree ("start_on","id") WHERE "incidents"."incidents"."fatalities_best" > 0;--> statement-breakpoint
CREATE INDEX "incidents_fatalities_best_idx" ON "incidents"."incidents" USING btree ("fatalities_best");--> statement-breakpoint
CREATE INDEX "incidents_location_idx" ON "incidents"."incidents" USING gist (point("longitude", "latitude"));--> statement-breakpoint
CREATE INDEX "incidents_search_idx" ON "incidents"."incidents" USING gin ("search_document");--> statement-breakpoint
CREATE INDEX "participants_actor_role_incident_idx" ON "incidents"."participants" USING btree ("actor_id","role","incident_id");
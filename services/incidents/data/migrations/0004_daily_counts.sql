CREATE TABLE "incidents"."incident_country_day_counts" (
	"country" text NOT NULL,
	"start_on" date NOT NULL,
	"incidents" integer NOT NULL,
	"fatalities" bigint NOT NULL,
	CONSTRAINT "incident_country_day_counts_country_start_on_pk" PRIMARY KEY("country","start_on")
);
--> statement-breakpoint
CREATE TABLE "incidents"."incident_day_counts" (
	"start_on" date PRIMARY KEY NOT NULL,
	"incidents" integer NOT NULL,
	"fatalities" bigint NOT NULL
);
--> statement-breakpoint
-- Keeps the daily tallies in step with incidents, once per statement (a 100,000-row import
-- costs one grouped upsert per table, not one per row). UPDATE takes the old rows away and
-- adds the new ones, so a changed date, country or death toll moves between days. Rows are
-- upserted in key order, so two writers touching the same days take their locks in one order.
CREATE FUNCTION "incidents"."tally_incident_changes"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO "incidents"."incident_day_counts" AS tally ("start_on", "incidents", "fatalities")
      SELECT "start_on", count(*), coalesce(sum("fatalities_best"), 0) FROM new_rows GROUP BY "start_on" ORDER BY "start_on"
      ON CONFLICT ("start_on") DO UPDATE SET "incidents" = tally."incidents" + excluded."incidents", "fatalities" = tally."fatalities" + excluded."fatalities";
    INSERT INTO "incidents"."incident_country_day_counts" AS tally ("country", "start_on", "incidents", "fatalities")
      SELECT "country", "start_on", count(*), coalesce(sum("fatalities_best"), 0) FROM new_rows WHERE "country" IS NOT NULL
      GROUP BY "country", "start_on" ORDER BY "country", "start_on"
      ON CONFLICT ("country", "start_on") DO UPDATE SET "incidents" = tally."incidents" + excluded."incidents", "fatalities" = tally."fatalities" + excluded."fatalities";
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    INSERT INTO "incidents"."incident_day_counts" AS tally ("start_on", "incidents", "fatalities")
      SELECT "start_on", -count(*), -coalesce(sum("fatalities_best"), 0) FROM old_rows GROUP BY "start_on" ORDER BY "start_on"
      ON CONFLICT ("start_on") DO UPDATE SET "incidents" = tally."incidents" + excluded."incidents", "fatalities" = tally."fatalities" + excluded."fatalities";
    INSERT INTO "incidents"."incident_country_day_counts" AS tally ("country", "start_on", "incidents", "fatalities")
      SELECT "country", "start_on", -count(*), -coalesce(sum("fatalities_best"), 0) FROM old_rows WHERE "country" IS NOT NULL
      GROUP BY "country", "start_on" ORDER BY "country", "start_on"
      ON CONFLICT ("country", "start_on") DO UPDATE SET "incidents" = tally."incidents" + excluded."incidents", "fatalities" = tally."fatalities" + excluded."fatalities";
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "incidents_tally_inserts" AFTER INSERT ON "incidents"."incidents"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "incidents"."tally_incident_changes"();
--> statement-breakpoint
CREATE TRIGGER "incidents_tally_updates" AFTER UPDATE ON "incidents"."incidents"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "incidents"."tally_incident_changes"();
--> statement-breakpoint
CREATE TRIGGER "incidents_tally_deletes" AFTER DELETE ON "incidents"."incidents"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "incidents"."tally_incident_changes"();
--> statement-breakpoint
-- The incidents already stored, counted once.
INSERT INTO "incidents"."incident_day_counts" ("start_on", "incidents", "fatalities")
  SELECT "start_on", count(*), coalesce(sum("fatalities_best"), 0) FROM "incidents"."incidents" GROUP BY "start_on";
--> statement-breakpoint
INSERT INTO "incidents"."incident_country_day_counts" ("country", "start_on", "incidents", "fatalities")
  SELECT "country", "start_on", count(*), coalesce(sum("fatalities_best"), 0) FROM "incidents"."incidents" WHERE "country" IS NOT NULL GROUP BY "country", "start_on";

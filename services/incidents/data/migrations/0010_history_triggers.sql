-- Each change's rows with their values before and after (services/kit/history/history-migration.ts).
-- A row's key as a JSON object of its key columns.
CREATE FUNCTION "incidents"."row_key"("row" jsonb, "columns" text[]) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT jsonb_object_agg("column", "row" -> "column") FROM unnest("columns") AS "column"
$$;
--> statement-breakpoint
-- Records the rows a statement wrote under the change named by the setting meridian.incidents_change; writes outside a change are not recorded.
-- Arguments: the entity kind (or "@column" to read it from the row), the entity's ID column, then the key columns.
CREATE FUNCTION "incidents"."record_row_changes"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  change bigint := nullif(current_setting('meridian.incidents_change', true), '')::bigint;
  key_columns text[] := TG_ARGV[2:];
BEGIN
  IF change IS NULL THEN RETURN NULL; END IF;
  IF TG_LEVEL = 'ROW' THEN
    IF OLD IS NOT DISTINCT FROM NEW THEN RETURN NULL; END IF;
    INSERT INTO "incidents"."row_changes" ("change_id", "table_name", "operation", "entity_kind", "entity_id", "row_key", "prior_key", "before", "after")
      SELECT change, TG_TABLE_NAME, 'UPDATE',
        CASE WHEN left(TG_ARGV[0], 1) = '@' THEN r."after" ->> substr(TG_ARGV[0], 2) ELSE TG_ARGV[0] END,
        r."after" ->> TG_ARGV[1], "incidents"."row_key"(r."after", key_columns),
        nullif("incidents"."row_key"(r."before", key_columns), "incidents"."row_key"(r."after", key_columns)), r."before", r."after"
      FROM (SELECT to_jsonb(OLD) - 'search_document' AS "before", to_jsonb(NEW) - 'search_document' AS "after") r;
  ELSIF TG_OP = 'INSERT' THEN
    INSERT INTO "incidents"."row_changes" ("change_id", "table_name", "operation", "entity_kind", "entity_id", "row_key", "before", "after")
      SELECT change, TG_TABLE_NAME, 'INSERT',
        CASE WHEN left(TG_ARGV[0], 1) = '@' THEN r."row" ->> substr(TG_ARGV[0], 2) ELSE TG_ARGV[0] END,
        r."row" ->> TG_ARGV[1], "incidents"."row_key"(r."row", key_columns), NULL, r."row"
      FROM (SELECT to_jsonb(n) - 'search_document' AS "row" FROM new_rows n) r;
  ELSE
    INSERT INTO "incidents"."row_changes" ("change_id", "table_name", "operation", "entity_kind", "entity_id", "row_key", "before", "after")
      SELECT change, TG_TABLE_NAME, 'DELETE',
        CASE WHEN left(TG_ARGV[0], 1) = '@' THEN r."row" ->> substr(TG_ARGV[0], 2) ELSE TG_ARGV[0] END,
        r."row" ->> TG_ARGV[1], "incidents"."row_key"(r."row", key_columns), r."row", NULL
      FROM (SELECT to_jsonb(o) - 'search_document' AS "row" FROM old_rows o) r;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "incidents_history_inserts" AFTER INSERT ON "incidents"."incidents" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "incidents"."record_row_changes"('incident', 'id', 'id');
--> statement-breakpoint
CREATE TRIGGER "incidents_history_updates" AFTER UPDATE ON "incidents"."incidents" FOR EACH ROW EXECUTE FUNCTION "incidents"."record_row_changes"('incident', 'id', 'id');
--> statement-breakpoint
CREATE TRIGGER "incidents_history_deletes" AFTER DELETE ON "incidents"."incidents" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "incidents"."record_row_changes"('incident', 'id', 'id');
--> statement-breakpoint
CREATE TRIGGER "places_history_inserts" AFTER INSERT ON "incidents"."places" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "incidents"."record_row_changes"('incident', 'incident_id', 'id');
--> statement-breakpoint
CREATE TRIGGER "places_history_updates" AFTER UPDATE ON "incidents"."places" FOR EACH ROW EXECUTE FUNCTION "incidents"."record_row_changes"('incident', 'incident_id', 'id');
--> statement-breakpoint
CREATE TRIGGER "places_history_deletes" AFTER DELETE ON "incidents"."places" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "incidents"."record_row_changes"('incident', 'incident_id', 'id');
--> statement-breakpoint
CREATE TRIGGER "participants_history_inserts" AFTER INSERT ON "incidents"."participants" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "incidents"."record_row_changes"('incident', 'incident_id', 'incident_id', 'actor_id', 'role', 'associated_with');
--> statement-breakpoint
CREATE TRIGGER "participants_history_updates" AFTER UPDATE ON "incidents"."participants" FOR EACH ROW EXECUTE FUNCTION "incidents"."record_row_changes"('incident', 'incident_id', 'incident_id', 'actor_id', 'role', 'associated_with');
--> statement-breakpoint
CREATE TRIGGER "participants_history_deletes" AFTER DELETE ON "incidents"."participants" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "incidents"."record_row_changes"('incident', 'incident_id', 'incident_id', 'actor_id', 'role', 'associated_with');
--> statement-breakpoint
CREATE TRIGGER "incident_sources_history_inserts" AFTER INSERT ON "incidents"."incident_sources" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "incidents"."record_row_changes"('incident', 'incident_id', 'incident_id', 'source_id');
--> statement-breakpoint
CREATE TRIGGER "incident_sources_history_updates" AFTER UPDATE ON "incidents"."incident_sources" FOR EACH ROW EXECUTE FUNCTION "incidents"."record_row_changes"('incident', 'incident_id', 'incident_id', 'source_id');
--> statement-breakpoint
CREATE TRIGGER "incident_sources_history_deletes" AFTER DELETE ON "incidents"."incident_sources" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "incidents"."record_row_changes"('incident', 'incident_id', 'incident_id', 'source_id');
--> statement-breakpoint
CREATE TRIGGER "tombstones_history_inserts" AFTER INSERT ON "incidents"."tombstones" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "incidents"."record_row_changes"('@kind', 'id', 'kind', 'id');
--> statement-breakpoint
CREATE TRIGGER "tombstones_history_updates" AFTER UPDATE ON "incidents"."tombstones" FOR EACH ROW EXECUTE FUNCTION "incidents"."record_row_changes"('@kind', 'id', 'kind', 'id');
--> statement-breakpoint
CREATE TRIGGER "tombstones_history_deletes" AFTER DELETE ON "incidents"."tombstones" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "incidents"."record_row_changes"('@kind', 'id', 'kind', 'id');
--> statement-breakpoint
-- A day whose incidents are all deleted (or reverted) leaves no tally row behind, so that a
-- reverted import leaves the tallies as they were before it, row for row.
CREATE OR REPLACE FUNCTION "incidents"."tally_incident_changes"() RETURNS trigger LANGUAGE plpgsql AS $$
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
    DELETE FROM "incidents"."incident_day_counts" tally USING (SELECT DISTINCT "start_on" FROM old_rows) day
      WHERE tally."start_on" = day."start_on" AND tally."incidents" = 0;
    DELETE FROM "incidents"."incident_country_day_counts" tally USING (SELECT DISTINCT "country", "start_on" FROM old_rows WHERE "country" IS NOT NULL) day
      WHERE tally."country" = day."country" AND tally."start_on" = day."start_on" AND tally."incidents" = 0;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
DELETE FROM "incidents"."incident_day_counts" WHERE "incidents" = 0;
--> statement-breakpoint
DELETE FROM "incidents"."incident_country_day_counts" WHERE "incidents" = 0;

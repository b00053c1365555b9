-- Each change's rows with their values before and after (services/kit/history/history-migration.ts).
-- Records the rows written to incidents under the change named by meridian.incidents_change; writes outside a change are not recorded.
CREATE FUNCTION "incidents"."record_incidents_changes"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  change bigint := nullif(current_setting('meridian.incidents_change', true), '')::bigint;
BEGIN
  IF change IS NULL THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "incidents"."row_changes" ("change_id", "table_name", "operation", "entity_kind", "entity_id", "row_key", "prior_key", "before", "after")
      SELECT change, 'incidents', 'INSERT', 'incident', n."id", jsonb_build_object('id', n."id"), NULL, NULL, NULL FROM new_rows n;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO "incidents"."row_changes" ("change_id", "table_name", "operation", "entity_kind", "entity_id", "row_key", "prior_key", "before", "after")
      SELECT change, 'incidents', 'DELETE', 'incident', o."id", jsonb_build_object('id', o."id"), NULL, to_jsonb(o) - 'search_document', NULL FROM old_rows o;
  ELSIF OLD IS DISTINCT FROM NEW THEN
    INSERT INTO "incidents"."row_changes" ("change_id", "table_name", "operation", "entity_kind", "entity_id", "row_key", "prior_key", "before", "after")
      VALUES (change, 'incidents', 'UPDATE', 'incident', NEW."id", jsonb_build_object('id', NEW."id"),
        nullif(jsonb_build_object('id', OLD."id"), jsonb_build_object('id', NEW."id")), to_jsonb(OLD) - 'search_document', to_jsonb(NEW) - 'search_document');
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "incidents_history_inserts" AFTER INSERT ON "incidents"."incidents" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "incidents"."record_incidents_changes"();
--> statement-breakpoint
CREATE TRIGGER "incidents_history_updates" AFTER UPDATE ON "incidents"."incidents" FOR EACH ROW EXECUTE FUNCTION "incidents"."record_incidents_changes"();
--> statement-breakpoint
CREATE TRIGGER "incidents_history_deletes" AFTER DELETE ON "incidents"."incidents" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "incidents"."record_incidents_changes"();
--> statement-breakpoint
-- Records the rows written to places under the change named by meridian.incidents_change; writes outside a change are not recorded.
CREATE FUNCTION "incidents"."record_places_changes"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  change bigint := nullif(current_setting('meridian.incidents_change', true), '')::bigint;
BEGIN
  IF change IS NULL THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "incidents"."row_changes" ("change_id", "table_name", "operation", "entity_kind", "entity_id", "row_key", "prior_key", "before", "after")
      SELECT change, 'places', 'INSERT', 'incident', n."incident_id", jsonb_build_object('id', n."id"), NULL, NULL, NULL FROM new_rows n;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO "incidents"."row_changes" ("change_id", "table_name", "operation", "entity_kind", "entity_id", "row_key", "prior_key", "before", "after")
      SELECT change, 'places', 'DELETE', 'incident', o."incident_id", jsonb_build_object('id', o."id"), NULL, to_jsonb(o) - 'search_document', NULL FROM old_rows o;
  ELSIF OLD IS DISTINCT FROM NEW THEN
    INSERT INTO "incidents"."row_changes" ("change_id", "table_name", "operation", "entity_kind", "entity_id", "row_key", "prior_key", "before", "after")
      VALUES (change, 'places', 'UPDATE', 'incident', NEW."incident_id", jsonb_build_object('id', NEW."id"),
        nullif(jsonb_build_object('id', OLD."id"), jsonb_build_object('id', NEW."id")), to_jsonb(OLD) - 'search_document', to_jsonb(NEW) - 'search_document');
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "places_history_inserts" AFTER INSERT ON "incidents"."places" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "incidents"."record_places_changes"();
--> statement-breakpoint
CREATE TRIGGER "places_history_updates" AFTER UPDATE ON "incidents"."places" FOR EACH ROW EXECUTE FUNCTION "incidents"."record_places_changes"();
--> statement-breakpoint
CREATE TRIGGER "places_history_deletes" AFTER DELETE ON "incidents"."places" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "incidents"."record_places_changes"();
--> statement-breakpoint
-- Records the rows written to participants under the change named by meridian.incidents_change; writes outside a change are not recorded.
CREATE FUNCTION "incidents"."record_participants_changes"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  change bigint := nullif(current_setting('meridian.incidents_change', true), '')::bigint;
BEGIN
  IF change IS NULL THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "incidents"."row_changes" ("change_id", "table_name", "operation", "entity_kind", "entity_id", "row_key", "prior_key", "before", "after")
      SELECT change, 'participants', 'INSERT', 'incident', n."incident_id", jsonb_build_object('incident_id', n."incident_id", 'actor_id', n."actor_id", 'role', n."role", 'associated_with', n."associated_with"), NULL, NULL, NULL FROM new_rows n;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO "incidents"."row_changes" ("change_id", "table_name", "operation", "entity_kind", "entity_id", "row_key", "prior_key", "before", "after")
      SELECT change, 'participants', 'DELETE', 'incident', o."incident_id", jsonb_build_object('incident_id', o."incident_id", 'actor_id', o."actor_id", 'role', o."role", 'associated_with', o."associated_with"), NULL, to_jsonb(o) - 'search_document', NULL FROM old_rows o;
  ELSIF OLD IS DISTINCT FROM NEW THEN
    INSERT INTO "incidents"."row_changes" ("change_id", "table_name", "operation", "entity_kind", "entity_id", "row_key", "prior_key", "before", "after")
      VALUES (change, 'participants', 'UPDATE', 'incident', NEW."incident_id", jsonb_build_object('incident_id', NEW."incident_id", 'actor_id', NEW."actor_id", 'role', NEW."role", 'associated_with', NEW."associated_with"),
        nullif(jsonb_build_object('incident_id', OLD."incident_id", 'actor_id', OLD."actor_id", 'role', OLD."role", 'associated_with', OLD."associated_with"), jsonb_build_object('incident_id', NEW."incident_id", 'actor_id', NEW."actor_id", 'role', NEW."role", 'associated_with', NEW."associated_with")), to_jsonb(OLD) - 'search_document', to_jsonb(NEW) - 'search_document');
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "participants_history_inserts" AFTER INSERT ON "incidents"."participants" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "incidents"."record_participants_changes"();
--> statement-breakpoint
CREATE TRIGGER "participants_history_updates" AFTER UPDATE ON "incidents"."participants" FOR EACH ROW EXECUTE FUNCTION "incidents"."record_participants_changes"();
--> statement-breakpoint
CREATE TRIGGER "participants_history_deletes" AFTER DELETE ON "incidents"."participants" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "incidents"."record_participants_changes"();
--> statement-breakpoint
-- Records the rows written to incident_sources under the change named by meridian.incidents_change; writes outside a change are not recorded.
CREATE FUNCTION "incidents"."record_incident_sources_changes"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  change bigint := nullif(current_setting('meridian.incidents_change', true), '')::bigint;
BEGIN
  IF change IS NULL THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "incidents"."row_changes" ("change_id", "table_name", "operation", "entity_kind", "entity_id", "row_key", "prior_key", "before", "after")
      SELECT change, 'incident_sources', 'INSERT', 'incident', n."incident_id", jsonb_build_object('incident_id', n."incident_id", 'source_id', n."source_id"), NULL, NULL, NULL FROM new_rows n;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO "incidents"."row_changes" ("change_id", "table_name", "operation", "entity_kind", "entity_id", "row_key", "prior_key", "before", "after")
      SELECT change, 'incident_sources', 'DELETE', 'incident', o."incident_id", jsonb_build_object('incident_id', o."incident_id", 'source_id', o."source_id"), NULL, to_jsonb(o) - 'search_document', NULL FROM old_rows o;
  ELSIF OLD IS DISTINCT FROM NEW THEN
    INSERT INTO "incidents"."row_changes" ("change_id", "table_name", "operation", "entity_kind", "entity_id", "row_key", "prior_key", "before", "after")
      VALUES (change, 'incident_sources', 'UPDATE', 'incident', NEW."incident_id", jsonb_build_object('incident_id', NEW."incident_id", 'source_id', NEW."source_id"),
        nullif(jsonb_build_object('incident_id', OLD."incident_id", 'source_id', OLD."source_id"), jsonb_build_object('incident_id', NEW."incident_id", 'source_id', NEW."source_id")), to_jsonb(OLD) - 'search_document', to_jsonb(NEW) - 'search_document');
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "incident_sources_history_inserts" AFTER INSERT ON "incidents"."incident_sources" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "incidents"."record_incident_sources_changes"();
--> statement-breakpoint
CREATE TRIGGER "incident_sources_history_updates" AFTER UPDATE ON "incidents"."incident_sources" FOR EACH ROW EXECUTE FUNCTION "incidents"."record_incident_sources_changes"();
--> statement-breakpoint
CREATE TRIGGER "incident_sources_history_deletes" AFTER DELETE ON "incidents"."incident_sources" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "incidents"."record_incident_sources_changes"();
--> statement-breakpoint
-- Records the rows written to tombstones under the change named by meridian.incidents_change; writes outside a change are not recorded.
CREATE FUNCTION "incidents"."record_tombstones_changes"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  change bigint := nullif(current_setting('meridian.incidents_change', true), '')::bigint;
BEGIN
  IF change IS NULL THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "incidents"."row_changes" ("change_id", "table_name", "operation", "entity_kind", "entity_id", "row_key", "prior_key", "before", "after")
      SELECT change, 'tombstones', 'INSERT', n."kind", n."id", jsonb_build_object('kind', n."kind", 'id', n."id"), NULL, NULL, NULL FROM new_rows n;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO "incidents"."row_changes" ("change_id", "table_name", "operation", "entity_kind", "entity_id", "row_key", "prior_key", "before", "after")
      SELECT change, 'tombstones', 'DELETE', o."kind", o."id", jsonb_build_object('kind', o."kind", 'id', o."id"), NULL, to_jsonb(o) - 'search_document', NULL FROM old_rows o;
  ELSIF OLD IS DISTINCT FROM NEW THEN
    INSERT INTO "incidents"."row_changes" ("change_id", "table_name", "operation", "entity_kind", "entity_id", "row_key", "prior_key", "before", "after")
      VALUES (change, 'tombstones', 'UPDATE', NEW."kind", NEW."id", jsonb_build_object('kind', NEW."kind", 'id', NEW."id"),
        nullif(jsonb_build_object('kind', OLD."kind", 'id', OLD."id"), jsonb_build_object('kind', NEW."kind", 'id', NEW."id")), to_jsonb(OLD) - 'search_document', to_jsonb(NEW) - 'search_document');
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "tombstones_history_inserts" AFTER INSERT ON "incidents"."tombstones" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "incidents"."record_tombstones_changes"();
--> statement-breakpoint
CREATE TRIGGER "tombstones_history_updates" AFTER UPDATE ON "incidents"."tombstones" FOR EACH ROW EXECUTE FUNCTION "incidents"."record_tombstones_changes"();
--> statement-breakpoint
CREATE TRIGGER "tombstones_history_deletes" AFTER DELETE ON "incidents"."tombstones" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "incidents"."record_tombstones_changes"();
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

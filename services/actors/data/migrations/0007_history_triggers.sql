-- Each change's rows with their values before and after (services/kit/history/history-migration.ts).
-- A row's key as a JSON object of its key columns.
CREATE FUNCTION "actors"."row_key"("row" jsonb, "columns" text[]) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT jsonb_object_agg("column", "row" -> "column") FROM unnest("columns") AS "column"
$$;
--> statement-breakpoint
-- Records the rows a statement wrote under the change named by the setting meridian.actors_change; writes outside a change are not recorded.
-- Arguments: the entity kind (or "@column" to read it from the row), the entity's ID column, then the key columns.
CREATE FUNCTION "actors"."record_row_changes"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  change bigint := nullif(current_setting('meridian.actors_change', true), '')::bigint;
  key_columns text[] := TG_ARGV[2:];
BEGIN
  IF change IS NULL THEN RETURN NULL; END IF;
  IF TG_LEVEL = 'ROW' THEN
    IF OLD IS NOT DISTINCT FROM NEW THEN RETURN NULL; END IF;
    INSERT INTO "actors"."row_changes" ("change_id", "table_name", "operation", "entity_kind", "entity_id", "row_key", "prior_key", "before", "after")
      SELECT change, TG_TABLE_NAME, 'UPDATE',
        CASE WHEN left(TG_ARGV[0], 1) = '@' THEN r."after" ->> substr(TG_ARGV[0], 2) ELSE TG_ARGV[0] END,
        r."after" ->> TG_ARGV[1], "actors"."row_key"(r."after", key_columns),
        nullif("actors"."row_key"(r."before", key_columns), "actors"."row_key"(r."after", key_columns)), r."before", r."after"
      FROM (SELECT to_jsonb(OLD) AS "before", to_jsonb(NEW) AS "after") r;
  ELSIF TG_OP = 'INSERT' THEN
    INSERT INTO "actors"."row_changes" ("change_id", "table_name", "operation", "entity_kind", "entity_id", "row_key", "before", "after")
      SELECT change, TG_TABLE_NAME, 'INSERT',
        CASE WHEN left(TG_ARGV[0], 1) = '@' THEN r."row" ->> substr(TG_ARGV[0], 2) ELSE TG_ARGV[0] END,
        r."row" ->> TG_ARGV[1], "actors"."row_key"(r."row", key_columns), NULL, r."row"
      FROM (SELECT to_jsonb(n) AS "row" FROM new_rows n) r;
  ELSE
    INSERT INTO "actors"."row_changes" ("change_id", "table_name", "operation", "entity_kind", "entity_id", "row_key", "before", "after")
      SELECT change, TG_TABLE_NAME, 'DELETE',
        CASE WHEN left(TG_ARGV[0], 1) = '@' THEN r."row" ->> substr(TG_ARGV[0], 2) ELSE TG_ARGV[0] END,
        r."row" ->> TG_ARGV[1], "actors"."row_key"(r."row", key_columns), r."row", NULL
      FROM (SELECT to_jsonb(o) AS "row" FROM old_rows o) r;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "actors_history_inserts" AFTER INSERT ON "actors"."actors" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "actors"."record_row_changes"('actor', 'id', 'id');
--> statement-breakpoint
CREATE TRIGGER "actors_history_updates" AFTER UPDATE ON "actors"."actors" FOR EACH ROW EXECUTE FUNCTION "actors"."record_row_changes"('actor', 'id', 'id');
--> statement-breakpoint
CREATE TRIGGER "actors_history_deletes" AFTER DELETE ON "actors"."actors" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "actors"."record_row_changes"('actor', 'id', 'id');
--> statement-breakpoint
CREATE TRIGGER "aliases_history_inserts" AFTER INSERT ON "actors"."aliases" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "actors"."record_row_changes"('actor', 'actor_id', 'actor_id', 'scheme', 'value');
--> statement-breakpoint
CREATE TRIGGER "aliases_history_updates" AFTER UPDATE ON "actors"."aliases" FOR EACH ROW EXECUTE FUNCTION "actors"."record_row_changes"('actor', 'actor_id', 'actor_id', 'scheme', 'value');
--> statement-breakpoint
CREATE TRIGGER "aliases_history_deletes" AFTER DELETE ON "actors"."aliases" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "actors"."record_row_changes"('actor', 'actor_id', 'actor_id', 'scheme', 'value');
--> statement-breakpoint
CREATE TRIGGER "actor_relations_history_inserts" AFTER INSERT ON "actors"."actor_relations" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "actors"."record_row_changes"('actor', 'subject_id', 'id');
--> statement-breakpoint
CREATE TRIGGER "actor_relations_history_updates" AFTER UPDATE ON "actors"."actor_relations" FOR EACH ROW EXECUTE FUNCTION "actors"."record_row_changes"('actor', 'subject_id', 'id');
--> statement-breakpoint
CREATE TRIGGER "actor_relations_history_deletes" AFTER DELETE ON "actors"."actor_relations" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "actors"."record_row_changes"('actor', 'subject_id', 'id');
--> statement-breakpoint
CREATE TRIGGER "actor_redirects_history_inserts" AFTER INSERT ON "actors"."actor_redirects" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "actors"."record_row_changes"('actor', 'to_id', 'from_id');
--> statement-breakpoint
CREATE TRIGGER "actor_redirects_history_updates" AFTER UPDATE ON "actors"."actor_redirects" FOR EACH ROW EXECUTE FUNCTION "actors"."record_row_changes"('actor', 'to_id', 'from_id');
--> statement-breakpoint
CREATE TRIGGER "actor_redirects_history_deletes" AFTER DELETE ON "actors"."actor_redirects" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "actors"."record_row_changes"('actor', 'to_id', 'from_id');
--> statement-breakpoint
CREATE TRIGGER "actor_links_history_inserts" AFTER INSERT ON "actors"."actor_links" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "actors"."record_row_changes"('actor', 'actor_id', 'scheme', 'value', 'actor_id');
--> statement-breakpoint
CREATE TRIGGER "actor_links_history_updates" AFTER UPDATE ON "actors"."actor_links" FOR EACH ROW EXECUTE FUNCTION "actors"."record_row_changes"('actor', 'actor_id', 'scheme', 'value', 'actor_id');
--> statement-breakpoint
CREATE TRIGGER "actor_links_history_deletes" AFTER DELETE ON "actors"."actor_links" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "actors"."record_row_changes"('actor', 'actor_id', 'scheme', 'value', 'actor_id');
--> statement-breakpoint
CREATE TRIGGER "tombstones_history_inserts" AFTER INSERT ON "actors"."tombstones" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "actors"."record_row_changes"('@kind', 'id', 'kind', 'id');
--> statement-breakpoint
CREATE TRIGGER "tombstones_history_updates" AFTER UPDATE ON "actors"."tombstones" FOR EACH ROW EXECUTE FUNCTION "actors"."record_row_changes"('@kind', 'id', 'kind', 'id');
--> statement-breakpoint
CREATE TRIGGER "tombstones_history_deletes" AFTER DELETE ON "actors"."tombstones" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "actors"."record_row_changes"('@kind', 'id', 'kind', 'id');

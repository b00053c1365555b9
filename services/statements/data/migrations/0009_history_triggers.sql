-- Each change's rows with their values before and after (services/kit/history/history-migration.ts).
-- A row's key as a JSON object of its key columns.
CREATE FUNCTION "statements"."row_key"("row" jsonb, "columns" text[]) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT jsonb_object_agg("column", "row" -> "column") FROM unnest("columns") AS "column"
$$;
--> statement-breakpoint
-- Records the rows a statement wrote under the change named by the setting meridian.statements_change; writes outside a change are not recorded.
-- Arguments: the entity kind (or "@column" to read it from the row), the entity's ID column, then the key columns.
CREATE FUNCTION "statements"."record_row_changes"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  change bigint := nullif(current_setting('meridian.statements_change', true), '')::bigint;
  key_columns text[] := TG_ARGV[2:];
BEGIN
  IF change IS NULL THEN RETURN NULL; END IF;
  IF TG_LEVEL = 'ROW' THEN
    IF OLD IS NOT DISTINCT FROM NEW THEN RETURN NULL; END IF;
    INSERT INTO "statements"."row_changes" ("change_id", "table_name", "operation", "entity_kind", "entity_id", "row_key", "prior_key", "before", "after")
      SELECT change, TG_TABLE_NAME, 'UPDATE',
        CASE WHEN left(TG_ARGV[0], 1) = '@' THEN r."after" ->> substr(TG_ARGV[0], 2) ELSE TG_ARGV[0] END,
        r."after" ->> TG_ARGV[1], "statements"."row_key"(r."after", key_columns),
        nullif("statements"."row_key"(r."before", key_columns), "statements"."row_key"(r."after", key_columns)), r."before", r."after"
      FROM (SELECT to_jsonb(OLD) - 'search_document' AS "before", to_jsonb(NEW) - 'search_document' AS "after") r;
  ELSIF TG_OP = 'INSERT' THEN
    INSERT INTO "statements"."row_changes" ("change_id", "table_name", "operation", "entity_kind", "entity_id", "row_key", "before", "after")
      SELECT change, TG_TABLE_NAME, 'INSERT',
        CASE WHEN left(TG_ARGV[0], 1) = '@' THEN r."row" ->> substr(TG_ARGV[0], 2) ELSE TG_ARGV[0] END,
        r."row" ->> TG_ARGV[1], "statements"."row_key"(r."row", key_columns), NULL, r."row"
      FROM (SELECT to_jsonb(n) - 'search_document' AS "row" FROM new_rows n) r;
  ELSE
    INSERT INTO "statements"."row_changes" ("change_id", "table_name", "operation", "entity_kind", "entity_id", "row_key", "before", "after")
      SELECT change, TG_TABLE_NAME, 'DELETE',
        CASE WHEN left(TG_ARGV[0], 1) = '@' THEN r."row" ->> substr(TG_ARGV[0], 2) ELSE TG_ARGV[0] END,
        r."row" ->> TG_ARGV[1], "statements"."row_key"(r."row", key_columns), r."row", NULL
      FROM (SELECT to_jsonb(o) - 'search_document' AS "row" FROM old_rows o) r;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "sources_history_inserts" AFTER INSERT ON "statements"."sources" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "statements"."record_row_changes"('source', 'id', 'id');
--> statement-breakpoint
CREATE TRIGGER "sources_history_updates" AFTER UPDATE ON "statements"."sources" FOR EACH ROW EXECUTE FUNCTION "statements"."record_row_changes"('source', 'id', 'id');
--> statement-breakpoint
CREATE TRIGGER "sources_history_deletes" AFTER DELETE ON "statements"."sources" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "statements"."record_row_changes"('source', 'id', 'id');
--> statement-breakpoint
CREATE TRIGGER "claims_history_inserts" AFTER INSERT ON "statements"."claims" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "statements"."record_row_changes"('claim', 'id', 'id');
--> statement-breakpoint
CREATE TRIGGER "claims_history_updates" AFTER UPDATE ON "statements"."claims" FOR EACH ROW EXECUTE FUNCTION "statements"."record_row_changes"('claim', 'id', 'id');
--> statement-breakpoint
CREATE TRIGGER "claims_history_deletes" AFTER DELETE ON "statements"."claims" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "statements"."record_row_changes"('claim', 'id', 'id');
--> statement-breakpoint
CREATE TRIGGER "statements_history_inserts" AFTER INSERT ON "statements"."statements" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "statements"."record_row_changes"('statement', 'id', 'id');
--> statement-breakpoint
CREATE TRIGGER "statements_history_updates" AFTER UPDATE ON "statements"."statements" FOR EACH ROW EXECUTE FUNCTION "statements"."record_row_changes"('statement', 'id', 'id');
--> statement-breakpoint
CREATE TRIGGER "statements_history_deletes" AFTER DELETE ON "statements"."statements" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "statements"."record_row_changes"('statement', 'id', 'id');
--> statement-breakpoint
CREATE TRIGGER "stances_history_inserts" AFTER INSERT ON "statements"."stances" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "statements"."record_row_changes"('statement', 'statement_id', 'statement_id', 'claim_id');
--> statement-breakpoint
CREATE TRIGGER "stances_history_updates" AFTER UPDATE ON "statements"."stances" FOR EACH ROW EXECUTE FUNCTION "statements"."record_row_changes"('statement', 'statement_id', 'statement_id', 'claim_id');
--> statement-breakpoint
CREATE TRIGGER "stances_history_deletes" AFTER DELETE ON "statements"."stances" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "statements"."record_row_changes"('statement', 'statement_id', 'statement_id', 'claim_id');
--> statement-breakpoint
CREATE TRIGGER "statement_incidents_history_inserts" AFTER INSERT ON "statements"."statement_incidents" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "statements"."record_row_changes"('statement', 'statement_id', 'statement_id', 'incident_id');
--> statement-breakpoint
CREATE TRIGGER "statement_incidents_history_updates" AFTER UPDATE ON "statements"."statement_incidents" FOR EACH ROW EXECUTE FUNCTION "statements"."record_row_changes"('statement', 'statement_id', 'statement_id', 'incident_id');
--> statement-breakpoint
CREATE TRIGGER "statement_incidents_history_deletes" AFTER DELETE ON "statements"."statement_incidents" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "statements"."record_row_changes"('statement', 'statement_id', 'statement_id', 'incident_id');
--> statement-breakpoint
CREATE TRIGGER "tombstones_history_inserts" AFTER INSERT ON "statements"."tombstones" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "statements"."record_row_changes"('@kind', 'id', 'kind', 'id');
--> statement-breakpoint
CREATE TRIGGER "tombstones_history_updates" AFTER UPDATE ON "statements"."tombstones" FOR EACH ROW EXECUTE FUNCTION "statements"."record_row_changes"('@kind', 'id', 'kind', 'id');
--> statement-breakpoint
CREATE TRIGGER "tombstones_history_deletes" AFTER DELETE ON "statements"."tombstones" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "statements"."record_row_changes"('@kind', 'id', 'kind', 'id');

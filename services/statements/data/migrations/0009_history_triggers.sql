-- Each change's rows with their values before and after (services/kit/history/history-migration.ts).
-- Records the rows written to sources under the change named by meridian.statements_change; writes outside a change are not recorded.
CREATE FUNCTION "statements"."record_sources_changes"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  change bigint := nullif(current_setting('meridian.statements_change', true), '')::bigint;
BEGIN
  IF change IS NULL THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "statements"."row_changes" ("change_id", "table_name", "operation", "entity_kind", "entity_id", "row_key", "prior_key", "before", "after")
      SELECT change, 'sources', 'INSERT', 'source', n."id", jsonb_build_object('id', n."id"), NULL, NULL, NULL FROM new_rows n;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO "statements"."row_changes" ("change_id", "table_name", "operation", "entity_kind", "entity_id", "row_key", "prior_key", "before", "after")
      SELECT change, 'sources', 'DELETE', 'source', o."id", jsonb_build_object('id', o."id"), NULL, to_jsonb(o) - 'search_document', NULL FROM old_rows o;
  ELSIF OLD IS DISTINCT FROM NEW THEN
    INSERT INTO "statements"."row_changes" ("change_id", "table_name", "operation", "entity_kind", "entity_id", "row_key", "prior_key", "before", "after")
      VALUES (change, 'sources', 'UPDATE', 'source', NEW."id", jsonb_build_object('id', NEW."id"),
        nullif(jsonb_build_object('id', OLD."id"), jsonb_build_object('id', NEW."id")), to_jsonb(OLD) - 'search_document', to_jsonb(NEW) - 'search_document');
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "sources_history_inserts" AFTER INSERT ON "statements"."sources" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "statements"."record_sources_changes"();
--> statement-breakpoint
CREATE TRIGGER "sources_history_updates" AFTER UPDATE ON "statements"."sources" FOR EACH ROW EXECUTE FUNCTION "statements"."record_sources_changes"();
--> statement-breakpoint
CREATE TRIGGER "sources_history_deletes" AFTER DELETE ON "statements"."sources" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "statements"."record_sources_changes"();
--> statement-breakpoint
-- Records the rows written to claims under the change named by meridian.statements_change; writes outside a change are not recorded.
CREATE FUNCTION "statements"."record_claims_changes"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  change bigint := nullif(current_setting('meridian.statements_change', true), '')::bigint;
BEGIN
  IF change IS NULL THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "statements"."row_changes" ("change_id", "table_name", "operation", "entity_kind", "entity_id", "row_key", "prior_key", "before", "after")
      SELECT change, 'claims', 'INSERT', 'claim', n."id", jsonb_build_object('id', n."id"), NULL, NULL, NULL FROM new_rows n;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO "statements"."row_changes" ("change_id", "table_name", "operation", "entity_kind", "entity_id", "row_key", "prior_key", "before", "after")
      SELECT change, 'claims', 'DELETE', 'claim', o."id", jsonb_build_object('id', o."id"), NULL, to_jsonb(o) - 'search_document', NULL FROM old_rows o;
  ELSIF OLD IS DISTINCT FROM NEW THEN
    INSERT INTO "statements"."row_changes" ("change_id", "table_name", "operation", "entity_kind", "entity_id", "row_key", "prior_key", "before", "after")
      VALUES (change, 'claims', 'UPDATE', 'claim', NEW."id", jsonb_build_object('id', NEW."id"),
        nullif(jsonb_build_object('id', OLD."id"), jsonb_build_object('id', NEW."id")), to_jsonb(OLD) - 'search_document', to_jsonb(NEW) - 'search_document');
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "claims_history_inserts" AFTER INSERT ON "statements"."claims" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "statements"."record_claims_changes"();
--> statement-breakpoint
CREATE TRIGGER "claims_history_updates" AFTER UPDATE ON "statements"."claims" FOR EACH ROW EXECUTE FUNCTION "statements"."record_claims_changes"();
--> statement-breakpoint
CREATE TRIGGER "claims_history_deletes" AFTER DELETE ON "statements"."claims" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "statements"."record_claims_changes"();
--> statement-breakpoint
-- Records the rows written to statements under the change named by meridian.statements_change; writes outside a change are not recorded.
CREATE FUNCTION "statements"."record_statements_changes"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  change bigint := nullif(current_setting('meridian.statements_change', true), '')::bigint;
BEGIN
  IF change IS NULL THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "statements"."row_changes" ("change_id", "table_name", "operation", "entity_kind", "entity_id", "row_key", "prior_key", "before", "after")
      SELECT change, 'statements', 'INSERT', 'statement', n."id", jsonb_build_object('id', n."id"), NULL, NULL, NULL FROM new_rows n;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO "statements"."row_changes" ("change_id", "table_name", "operation", "entity_kind", "entity_id", "row_key", "prior_key", "before", "after")
      SELECT change, 'statements', 'DELETE', 'statement', o."id", jsonb_build_object('id', o."id"), NULL, to_jsonb(o) - 'search_document', NULL FROM old_rows o;
  ELSIF OLD IS DISTINCT FROM NEW THEN
    INSERT INTO "statements"."row_changes" ("change_id", "table_name", "operation", "entity_kind", "entity_id", "row_key", "prior_key", "before", "after")
      VALUES (change, 'statements', 'UPDATE', 'statement', NEW."id", jsonb_build_object('id', NEW."id"),
        nullif(jsonb_build_object('id', OLD."id"), jsonb_build_object('id', NEW."id")), to_jsonb(OLD) - 'search_document', to_jsonb(NEW) - 'search_document');
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "statements_history_inserts" AFTER INSERT ON "statements"."statements" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "statements"."record_statements_changes"();
--> statement-breakpoint
CREATE TRIGGER "statements_history_updates" AFTER UPDATE ON "statements"."statements" FOR EACH ROW EXECUTE FUNCTION "statements"."record_statements_changes"();
--> statement-breakpoint
CREATE TRIGGER "statements_history_deletes" AFTER DELETE ON "statements"."statements" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "statements"."record_statements_changes"();
--> statement-breakpoint
-- Records the rows written to stances under the change named by meridian.statements_change; writes outside a change are not recorded.
CREATE FUNCTION "statements"."record_stances_changes"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  change bigint := nullif(current_setting('meridian.statements_change', true), '')::bigint;
BEGIN
  IF change IS NULL THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "statements"."row_changes" ("change_id", "table_name", "operation", "entity_kind", "entity_id", "row_key", "prior_key", "before", "after")
      SELECT change, 'stances', 'INSERT', 'statement', n."statement_id", jsonb_build_object('statement_id', n."statement_id", 'claim_id', n."claim_id"), NULL, NULL, NULL FROM new_rows n;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO "statements"."row_changes" ("change_id", "table_name", "operation", "entity_kind", "entity_id", "row_key", "prior_key", "before", "after")
      SELECT change, 'stances', 'DELETE', 'statement', o."statement_id", jsonb_build_object('statement_id', o."statement_id", 'claim_id', o."claim_id"), NULL, to_jsonb(o) - 'search_document', NULL FROM old_rows o;
  ELSIF OLD IS DISTINCT FROM NEW THEN
    INSERT INTO "statements"."row_changes" ("change_id", "table_name", "operation", "entity_kind", "entity_id", "row_key", "prior_key", "before", "after")
      VALUES (change, 'stances', 'UPDATE', 'statement', NEW."statement_id", jsonb_build_object('statement_id', NEW."statement_id", 'claim_id', NEW."claim_id"),
        nullif(jsonb_build_object('statement_id', OLD."statement_id", 'claim_id', OLD."claim_id"), jsonb_build_object('statement_id', NEW."statement_id", 'claim_id', NEW."claim_id")), to_jsonb(OLD) - 'search_document', to_jsonb(NEW) - 'search_document');
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "stances_history_inserts" AFTER INSERT ON "statements"."stances" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "statements"."record_stances_changes"();
--> statement-breakpoint
CREATE TRIGGER "stances_history_updates" AFTER UPDATE ON "statements"."stances" FOR EACH ROW EXECUTE FUNCTION "statements"."record_stances_changes"();
--> statement-breakpoint
CREATE TRIGGER "stances_history_deletes" AFTER DELETE ON "statements"."stances" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "statements"."record_stances_changes"();
--> statement-breakpoint
-- Records the rows written to statement_incidents under the change named by meridian.statements_change; writes outside a change are not recorded.
CREATE FUNCTION "statements"."record_statement_incidents_changes"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  change bigint := nullif(current_setting('meridian.statements_change', true), '')::bigint;
BEGIN
  IF change IS NULL THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "statements"."row_changes" ("change_id", "table_name", "operation", "entity_kind", "entity_id", "row_key", "prior_key", "before", "after")
      SELECT change, 'statement_incidents', 'INSERT', 'statement', n."statement_id", jsonb_build_object('statement_id', n."statement_id", 'incident_id', n."incident_id"), NULL, NULL, NULL FROM new_rows n;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO "statements"."row_changes" ("change_id", "table_name", "operation", "entity_kind", "entity_id", "row_key", "prior_key", "before", "after")
      SELECT change, 'statement_incidents', 'DELETE', 'statement', o."statement_id", jsonb_build_object('statement_id', o."statement_id", 'incident_id', o."incident_id"), NULL, to_jsonb(o) - 'search_document', NULL FROM old_rows o;
  ELSIF OLD IS DISTINCT FROM NEW THEN
    INSERT INTO "statements"."row_changes" ("change_id", "table_name", "operation", "entity_kind", "entity_id", "row_key", "prior_key", "before", "after")
      VALUES (change, 'statement_incidents', 'UPDATE', 'statement', NEW."statement_id", jsonb_build_object('statement_id', NEW."statement_id", 'incident_id', NEW."incident_id"),
        nullif(jsonb_build_object('statement_id', OLD."statement_id", 'incident_id', OLD."incident_id"), jsonb_build_object('statement_id', NEW."statement_id", 'incident_id', NEW."incident_id")), to_jsonb(OLD) - 'search_document', to_jsonb(NEW) - 'search_document');
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "statement_incidents_history_inserts" AFTER INSERT ON "statements"."statement_incidents" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "statements"."record_statement_incidents_changes"();
--> statement-breakpoint
CREATE TRIGGER "statement_incidents_history_updates" AFTER UPDATE ON "statements"."statement_incidents" FOR EACH ROW EXECUTE FUNCTION "statements"."record_statement_incidents_changes"();
--> statement-breakpoint
CREATE TRIGGER "statement_incidents_history_deletes" AFTER DELETE ON "statements"."statement_incidents" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "statements"."record_statement_incidents_changes"();
--> statement-breakpoint
-- Records the rows written to tombstones under the change named by meridian.statements_change; writes outside a change are not recorded.
CREATE FUNCTION "statements"."record_tombstones_changes"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  change bigint := nullif(current_setting('meridian.statements_change', true), '')::bigint;
BEGIN
  IF change IS NULL THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "statements"."row_changes" ("change_id", "table_name", "operation", "entity_kind", "entity_id", "row_key", "prior_key", "before", "after")
      SELECT change, 'tombstones', 'INSERT', n."kind", n."id", jsonb_build_object('kind', n."kind", 'id', n."id"), NULL, NULL, NULL FROM new_rows n;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO "statements"."row_changes" ("change_id", "table_name", "operation", "entity_kind", "entity_id", "row_key", "prior_key", "before", "after")
      SELECT change, 'tombstones', 'DELETE', o."kind", o."id", jsonb_build_object('kind', o."kind", 'id', o."id"), NULL, to_jsonb(o) - 'search_document', NULL FROM old_rows o;
  ELSIF OLD IS DISTINCT FROM NEW THEN
    INSERT INTO "statements"."row_changes" ("change_id", "table_name", "operation", "entity_kind", "entity_id", "row_key", "prior_key", "before", "after")
      VALUES (change, 'tombstones', 'UPDATE', NEW."kind", NEW."id", jsonb_build_object('kind', NEW."kind", 'id', NEW."id"),
        nullif(jsonb_build_object('kind', OLD."kind", 'id', OLD."id"), jsonb_build_object('kind', NEW."kind", 'id', NEW."id")), to_jsonb(OLD) - 'search_document', to_jsonb(NEW) - 'search_document');
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "tombstones_history_inserts" AFTER INSERT ON "statements"."tombstones" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "statements"."record_tombstones_changes"();
--> statement-breakpoint
CREATE TRIGGER "tombstones_history_updates" AFTER UPDATE ON "statements"."tombstones" FOR EACH ROW EXECUTE FUNCTION "statements"."record_tombstones_changes"();
--> statement-breakpoint
CREATE TRIGGER "tombstones_history_deletes" AFTER DELETE ON "statements"."tombstones" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "statements"."record_tombstones_changes"();

-- Each change's rows with their values before and after (services/kit/history/history-migration.ts).
-- Records the rows written to actors under the change named by meridian.actors_change; writes outside a change are not recorded.
CREATE FUNCTION "actors"."record_actors_changes"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  change bigint := nullif(current_setting('meridian.actors_change', true), '')::bigint;
BEGIN
  IF change IS NULL THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "actors"."row_changes" ("change_id", "table_name", "operation", "entity_kind", "entity_id", "row_key", "prior_key", "before", "after")
      SELECT change, 'actors', 'INSERT', 'actor', n."id", jsonb_build_object('id', n."id"), NULL, NULL, NULL FROM new_rows n;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO "actors"."row_changes" ("change_id", "table_name", "operation", "entity_kind", "entity_id", "row_key", "prior_key", "before", "after")
      SELECT change, 'actors', 'DELETE', 'actor', o."id", jsonb_build_object('id', o."id"), NULL, to_jsonb(o), NULL FROM old_rows o;
  ELSIF OLD IS DISTINCT FROM NEW THEN
    INSERT INTO "actors"."row_changes" ("change_id", "table_name", "operation", "entity_kind", "entity_id", "row_key", "prior_key", "before", "after")
      VALUES (change, 'actors', 'UPDATE', 'actor', NEW."id", jsonb_build_object('id', NEW."id"),
        nullif(jsonb_build_object('id', OLD."id"), jsonb_build_object('id', NEW."id")), to_jsonb(OLD), to_jsonb(NEW));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "actors_history_inserts" AFTER INSERT ON "actors"."actors" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "actors"."record_actors_changes"();
--> statement-breakpoint
CREATE TRIGGER "actors_history_updates" AFTER UPDATE ON "actors"."actors" FOR EACH ROW EXECUTE FUNCTION "actors"."record_actors_changes"();
--> statement-breakpoint
CREATE TRIGGER "actors_history_deletes" AFTER DELETE ON "actors"."actors" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "actors"."record_actors_changes"();
--> statement-breakpoint
-- Records the rows written to aliases under the change named by meridian.actors_change; writes outside a change are not recorded.
CREATE FUNCTION "actors"."record_aliases_changes"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  change bigint := nullif(current_setting('meridian.actors_change', true), '')::bigint;
BEGIN
  IF change IS NULL THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "actors"."row_changes" ("change_id", "table_name", "operation", "entity_kind", "entity_id", "row_key", "prior_key", "before", "after")
      SELECT change, 'aliases', 'INSERT', 'actor', n."actor_id", jsonb_build_object('actor_id', n."actor_id", 'scheme', n."scheme", 'value', n."value"), NULL, NULL, NULL FROM new_rows n;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO "actors"."row_changes" ("change_id", "table_name", "operation", "entity_kind", "entity_id", "row_key", "prior_key", "before", "after")
      SELECT change, 'aliases', 'DELETE', 'actor', o."actor_id", jsonb_build_object('actor_id', o."actor_id", 'scheme', o."scheme", 'value', o."value"), NULL, to_jsonb(o), NULL FROM old_rows o;
  ELSIF OLD IS DISTINCT FROM NEW THEN
    INSERT INTO "actors"."row_changes" ("change_id", "table_name", "operation", "entity_kind", "entity_id", "row_key", "prior_key", "before", "after")
      VALUES (change, 'aliases', 'UPDATE', 'actor', NEW."actor_id", jsonb_build_object('actor_id', NEW."actor_id", 'scheme', NEW."scheme", 'value', NEW."value"),
        nullif(jsonb_build_object('actor_id', OLD."actor_id", 'scheme', OLD."scheme", 'value', OLD."value"), jsonb_build_object('actor_id', NEW."actor_id", 'scheme', NEW."scheme", 'value', NEW."value")), to_jsonb(OLD), to_jsonb(NEW));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "aliases_history_inserts" AFTER INSERT ON "actors"."aliases" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "actors"."record_aliases_changes"();
--> statement-breakpoint
CREATE TRIGGER "aliases_history_updates" AFTER UPDATE ON "actors"."aliases" FOR EACH ROW EXECUTE FUNCTION "actors"."record_aliases_changes"();
--> statement-breakpoint
CREATE TRIGGER "aliases_history_deletes" AFTER DELETE ON "actors"."aliases" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "actors"."record_aliases_changes"();
--> statement-breakpoint
-- Records the rows written to actor_relations under the change named by meridian.actors_change; writes outside a change are not recorded.
CREATE FUNCTION "actors"."record_actor_relations_changes"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  change bigint := nullif(current_setting('meridian.actors_change', true), '')::bigint;
BEGIN
  IF change IS NULL THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "actors"."row_changes" ("change_id", "table_name", "operation", "entity_kind", "entity_id", "row_key", "prior_key", "before", "after")
      SELECT change, 'actor_relations', 'INSERT', 'actor', n."subject_id", jsonb_build_object('id', n."id"), NULL, NULL, NULL FROM new_rows n;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO "actors"."row_changes" ("change_id", "table_name", "operation", "entity_kind", "entity_id", "row_key", "prior_key", "before", "after")
      SELECT change, 'actor_relations', 'DELETE', 'actor', o."subject_id", jsonb_build_object('id', o."id"), NULL, to_jsonb(o), NULL FROM old_rows o;
  ELSIF OLD IS DISTINCT FROM NEW THEN
    INSERT INTO "actors"."row_changes" ("change_id", "table_name", "operation", "entity_kind", "entity_id", "row_key", "prior_key", "before", "after")
      VALUES (change, 'actor_relations', 'UPDATE', 'actor', NEW."subject_id", jsonb_build_object('id', NEW."id"),
        nullif(jsonb_build_object('id', OLD."id"), jsonb_build_object('id', NEW."id")), to_jsonb(OLD), to_jsonb(NEW));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "actor_relations_history_inserts" AFTER INSERT ON "actors"."actor_relations" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "actors"."record_actor_relations_changes"();
--> statement-breakpoint
CREATE TRIGGER "actor_relations_history_updates" AFTER UPDATE ON "actors"."actor_relations" FOR EACH ROW EXECUTE FUNCTION "actors"."record_actor_relations_changes"();
--> statement-breakpoint
CREATE TRIGGER "actor_relations_history_deletes" AFTER DELETE ON "actors"."actor_relations" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "actors"."record_actor_relations_changes"();
--> statement-breakpoint
-- Records the rows written to actor_redirects under the change named by meridian.actors_change; writes outside a change are not recorded.
CREATE FUNCTION "actors"."record_actor_redirects_changes"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  change bigint := nullif(current_setting('meridian.actors_change', true), '')::bigint;
BEGIN
  IF change IS NULL THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "actors"."row_changes" ("change_id", "table_name", "operation", "entity_kind", "entity_id", "row_key", "prior_key", "before", "after")
      SELECT change, 'actor_redirects', 'INSERT', 'actor', n."to_id", jsonb_build_object('from_id', n."from_id"), NULL, NULL, NULL FROM new_rows n;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO "actors"."row_changes" ("change_id", "table_name", "operation", "entity_kind", "entity_id", "row_key", "prior_key", "before", "after")
      SELECT change, 'actor_redirects', 'DELETE', 'actor', o."to_id", jsonb_build_object('from_id', o."from_id"), NULL, to_jsonb(o), NULL FROM old_rows o;
  ELSIF OLD IS DISTINCT FROM NEW THEN
    INSERT INTO "actors"."row_changes" ("change_id", "table_name", "operation", "entity_kind", "entity_id", "row_key", "prior_key", "before", "after")
      VALUES (change, 'actor_redirects', 'UPDATE', 'actor', NEW."to_id", jsonb_build_object('from_id', NEW."from_id"),
        nullif(jsonb_build_object('from_id', OLD."from_id"), jsonb_build_object('from_id', NEW."from_id")), to_jsonb(OLD), to_jsonb(NEW));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "actor_redirects_history_inserts" AFTER INSERT ON "actors"."actor_redirects" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "actors"."record_actor_redirects_changes"();
--> statement-breakpoint
CREATE TRIGGER "actor_redirects_history_updates" AFTER UPDATE ON "actors"."actor_redirects" FOR EACH ROW EXECUTE FUNCTION "actors"."record_actor_redirects_changes"();
--> statement-breakpoint
CREATE TRIGGER "actor_redirects_history_deletes" AFTER DELETE ON "actors"."actor_redirects" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "actors"."record_actor_redirects_changes"();
--> statement-breakpoint
-- Records the rows written to actor_links under the change named by meridian.actors_change; writes outside a change are not recorded.
CREATE FUNCTION "actors"."record_actor_links_changes"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  change bigint := nullif(current_setting('meridian.actors_change', true), '')::bigint;
BEGIN
  IF change IS NULL THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "actors"."row_changes" ("change_id", "table_name", "operation", "entity_kind", "entity_id", "row_key", "prior_key", "before", "after")
      SELECT change, 'actor_links', 'INSERT', 'actor', n."actor_id", jsonb_build_object('scheme', n."scheme", 'value', n."value", 'actor_id', n."actor_id"), NULL, NULL, NULL FROM new_rows n;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO "actors"."row_changes" ("change_id", "table_name", "operation", "entity_kind", "entity_id", "row_key", "prior_key", "before", "after")
      SELECT change, 'actor_links', 'DELETE', 'actor', o."actor_id", jsonb_build_object('scheme', o."scheme", 'value', o."value", 'actor_id', o."actor_id"), NULL, to_jsonb(o), NULL FROM old_rows o;
  ELSIF OLD IS DISTINCT FROM NEW THEN
    INSERT INTO "actors"."row_changes" ("change_id", "table_name", "operation", "entity_kind", "entity_id", "row_key", "prior_key", "before", "after")
      VALUES (change, 'actor_links', 'UPDATE', 'actor', NEW."actor_id", jsonb_build_object('scheme', NEW."scheme", 'value', NEW."value", 'actor_id', NEW."actor_id"),
        nullif(jsonb_build_object('scheme', OLD."scheme", 'value', OLD."value", 'actor_id', OLD."actor_id"), jsonb_build_object('scheme', NEW."scheme", 'value', NEW."value", 'actor_id', NEW."actor_id")), to_jsonb(OLD), to_jsonb(NEW));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "actor_links_history_inserts" AFTER INSERT ON "actors"."actor_links" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "actors"."record_actor_links_changes"();
--> statement-breakpoint
CREATE TRIGGER "actor_links_history_updates" AFTER UPDATE ON "actors"."actor_links" FOR EACH ROW EXECUTE FUNCTION "actors"."record_actor_links_changes"();
--> statement-breakpoint
CREATE TRIGGER "actor_links_history_deletes" AFTER DELETE ON "actors"."actor_links" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "actors"."record_actor_links_changes"();
--> statement-breakpoint
-- Records the rows written to tombstones under the change named by meridian.actors_change; writes outside a change are not recorded.
CREATE FUNCTION "actors"."record_tombstones_changes"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  change bigint := nullif(current_setting('meridian.actors_change', true), '')::bigint;
BEGIN
  IF change IS NULL THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "actors"."row_changes" ("change_id", "table_name", "operation", "entity_kind", "entity_id", "row_key", "prior_key", "before", "after")
      SELECT change, 'tombstones', 'INSERT', n."kind", n."id", jsonb_build_object('kind', n."kind", 'id', n."id"), NULL, NULL, NULL FROM new_rows n;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO "actors"."row_changes" ("change_id", "table_name", "operation", "entity_kind", "entity_id", "row_key", "prior_key", "before", "after")
      SELECT change, 'tombstones', 'DELETE', o."kind", o."id", jsonb_build_object('kind', o."kind", 'id', o."id"), NULL, to_jsonb(o), NULL FROM old_rows o;
  ELSIF OLD IS DISTINCT FROM NEW THEN
    INSERT INTO "actors"."row_changes" ("change_id", "table_name", "operation", "entity_kind", "entity_id", "row_key", "prior_key", "before", "after")
      VALUES (change, 'tombstones', 'UPDATE', NEW."kind", NEW."id", jsonb_build_object('kind', NEW."kind", 'id', NEW."id"),
        nullif(jsonb_build_object('kind', OLD."kind", 'id', OLD."id"), jsonb_build_object('kind', NEW."kind", 'id', NEW."id")), to_jsonb(OLD), to_jsonb(NEW));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "tombstones_history_inserts" AFTER INSERT ON "actors"."tombstones" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "actors"."record_tombstones_changes"();
--> statement-breakpoint
CREATE TRIGGER "tombstones_history_updates" AFTER UPDATE ON "actors"."tombstones" FOR EACH ROW EXECUTE FUNCTION "actors"."record_tombstones_changes"();
--> statement-breakpoint
CREATE TRIGGER "tombstones_history_deletes" AFTER DELETE ON "actors"."tombstones" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "actors"."record_tombstones_changes"();

// The SQL of a subgraph's history triggers, from its tracked tables (tracked-tables.ts). The
// migration of each subgraph holds this text (written by `npm run history:migration`); a test
// compares the two, so that a table added to the tracked list gets its triggers.
//
// Inserts and deletes are recorded once per statement from its transition table: an import
// of 1,000 rows costs one INSERT … SELECT, not 1,000. Updates are recorded per row, because
// only a row trigger pairs each row's old values with its new ones (an update may change the
// key that would pair them: an alias moved to a merge's survivor).
import { getTableConfig } from "drizzle-orm/pg-core";
import { type SubgraphHistoryTracking, changeSetting, generatedColumnNames, tableName } from "./tracked-tables.js";

export function historyTriggersSql({ schema, tracked }: SubgraphHistoryTracking): string {
  const q = (name: string) => `"${name}"`;
  const s = q(schema);
  const dropped = generatedColumnNames(tracked)
    .map((name) => ` - '${name}'`)
    .join("");
  const statements: string[] = [
    `-- A row's key as a JSON object of its key columns.
CREATE FUNCTION ${s}."row_key"("row" jsonb, "columns" text[]) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT jsonb_object_agg("column", "row" -> "column") FROM unnest("columns") AS "column"
$$`,
    `-- Records the rows a statement wrote under the change named by the setting ${changeSetting(schema)}; writes outside a change are not recorded.
-- Arguments: the entity kind (or "@column" to read it from the row), the entity's ID column, then the key columns.
CREATE FUNCTION ${s}."record_row_changes"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  change bigint := nullif(current_setting('${changeSetting(schema)}', true), '')::bigint;
  key_columns text[] := TG_ARGV[2:];
BEGIN
  IF change IS NULL THEN RETURN NULL; END IF;
  IF TG_LEVEL = 'ROW' THEN
    IF OLD IS NOT DISTINCT FROM NEW THEN RETURN NULL; END IF;
    INSERT INTO ${s}."row_changes" ("change_id", "table_name", "operation", "entity_kind", "entity_id", "row_key", "prior_key", "before", "after")
      SELECT change, TG_TABLE_NAME, 'UPDATE',
        CASE WHEN left(TG_ARGV[0], 1) = '@' THEN r."after" ->> substr(TG_ARGV[0], 2) ELSE TG_ARGV[0] END,
        r."after" ->> TG_ARGV[1], ${s}."row_key"(r."after", key_columns),
        nullif(${s}."row_key"(r."before", key_columns), ${s}."row_key"(r."after", key_columns)), r."before", r."after"
      FROM (SELECT to_jsonb(OLD)${dropped} AS "before", to_jsonb(NEW)${dropped} AS "after") r;
  ELSIF TG_OP = 'INSERT' THEN
    INSERT INTO ${s}."row_changes" ("change_id", "table_name", "operation", "entity_kind", "entity_id", "row_key", "before", "after")
      SELECT change, TG_TABLE_NAME, 'INSERT',
        CASE WHEN left(TG_ARGV[0], 1) = '@' THEN r."row" ->> substr(TG_ARGV[0], 2) ELSE TG_ARGV[0] END,
        r."row" ->> TG_ARGV[1], ${s}."row_key"(r."row", key_columns), NULL, r."row"
      FROM (SELECT to_jsonb(n)${dropped} AS "row" FROM new_rows n) r;
  ELSE
    INSERT INTO ${s}."row_changes" ("change_id", "table_name", "operation", "entity_kind", "entity_id", "row_key", "before", "after")
      SELECT change, TG_TABLE_NAME, 'DELETE',
        CASE WHEN left(TG_ARGV[0], 1) = '@' THEN r."row" ->> substr(TG_ARGV[0], 2) ELSE TG_ARGV[0] END,
        r."row" ->> TG_ARGV[1], ${s}."row_key"(r."row", key_columns), r."row", NULL
      FROM (SELECT to_jsonb(o)${dropped} AS "row" FROM old_rows o) r;
  END IF;
  RETURN NULL;
END
$$`,
  ];
  for (const { table, entityKind, entityId, key } of tracked) {
    const name = tableName(table);
    const kindArgument = typeof entityKind === "string" ? entityKind : `@${entityKind.name}`;
    const args = [kindArgument, entityId.name, ...key.map((column) => column.name)].map((value) => `'${value}'`).join(", ");
    const target = `${q(getTableConfig(table).schema ?? schema)}.${q(name)}`;
    const fn = `${s}."record_row_changes"(${args})`;
    statements.push(
      `CREATE TRIGGER "${name}_history_inserts" AFTER INSERT ON ${target} REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}`,
      `CREATE TRIGGER "${name}_history_updates" AFTER UPDATE ON ${target} FOR EACH ROW EXECUTE FUNCTION ${fn}`,
      `CREATE TRIGGER "${name}_history_deletes" AFTER DELETE ON ${target} REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}`,
    );
  }
  return `${statements.join(";\n--> statement-breakpoint\n")};\n`;
}

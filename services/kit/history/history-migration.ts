// The SQL of a subgraph's history triggers, from its tracked tables (tracked-tables.ts). The
// migration of each subgraph holds this text (written by `npx tsx scripts/history-migration.ts
// <subgraph>`); a test compares the two, so that a table added to the tracked list gets its triggers.
//
// Each table gets a function of its own, so that a row's key and entity are read straight from
// its columns. Inserts and deletes are recorded once per statement from its transition table:
// an import batch of 1,000 rows costs one INSERT … SELECT, not 1,000 calls. An insert records
// only the row's key: its values are the next change's "before", or the row as stored (the
// history reader puts them back), and undoing it needs only the key; that keeps the history of
// a large import small. Updates are recorded per row, because only a row trigger pairs each
// row's old values with its new ones (an update may change the key that would pair them: an
// alias moved to a merge's survivor).
import type { PgColumn } from "drizzle-orm/pg-core";
import { type SubgraphHistoryTracking, type TrackedTable, changeSetting, generatedColumnNames, tableName } from "./tracked-tables.js";

const q = (name: string) => `"${name}"`;

export function historyTriggersSql({ schema, tracked }: SubgraphHistoryTracking): string {
  const dropped = generatedColumnNames(tracked)
    .map((name) => ` - '${name}'`)
    .join("");
  const statements: string[] = [];
  for (const table of tracked) statements.push(...tableTriggers(schema, table, dropped));
  return `${statements.join(";\n--> statement-breakpoint\n")};\n`;
}

function tableTriggers(schema: string, { table, entityKind, entityId, key }: TrackedTable, dropped: string): string[] {
  const s = q(schema);
  const name = tableName(table);
  const target = `${s}.${q(name)}`;
  const fn = `${s}.${q(`record_${name}_changes`)}`;
  const kind = (row: string) => (typeof entityKind === "string" ? `'${entityKind}'` : `${row}.${q(entityKind.name)}`);
  const keyOf = (row: string) => `jsonb_build_object(${key.map((column: PgColumn) => `'${column.name}', ${row}.${q(column.name)}`).join(", ")})`;
  const columns = `"change_id", "table_name", "operation", "entity_kind", "entity_id", "row_key", "prior_key", "before", "after"`;
  const rowChanges = `${s}."row_changes"`;
  const body = `CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  change bigint := nullif(current_setting('${changeSetting(schema)}', true), '')::bigint;
BEGIN
  IF change IS NULL THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    INSERT INTO ${rowChanges} (${columns})
      SELECT change, '${name}', 'INSERT', ${kind("n")}, n.${q(entityId.name)}, ${keyOf("n")}, NULL, NULL, NULL FROM new_rows n;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO ${rowChanges} (${columns})
      SELECT change, '${name}', 'DELETE', ${kind("o")}, o.${q(entityId.name)}, ${keyOf("o")}, NULL, to_jsonb(o)${dropped}, NULL FROM old_rows o;
  ELSIF OLD IS DISTINCT FROM NEW THEN
    INSERT INTO ${rowChanges} (${columns})
      VALUES (change, '${name}', 'UPDATE', ${kind("NEW")}, NEW.${q(entityId.name)}, ${keyOf("NEW")},
        nullif(${keyOf("OLD")}, ${keyOf("NEW")}), to_jsonb(OLD)${dropped}, to_jsonb(NEW)${dropped});
  END IF;
  RETURN NULL;
END
$$`;
  return [
    `-- Records the rows written to ${name} under the change named by ${changeSetting(schema)}; writes outside a change are not recorded.\n${body}`,
    `CREATE TRIGGER "${name}_history_inserts" AFTER INSERT ON ${target} REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`,
    `CREATE TRIGGER "${name}_history_updates" AFTER UPDATE ON ${target} FOR EACH ROW EXECUTE FUNCTION ${fn}()`,
    `CREATE TRIGGER "${name}_history_deletes" AFTER DELETE ON ${target} REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`,
  ];
}

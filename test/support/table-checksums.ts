// A checksum of every data table of the three subgraphs' schemas, each read in a fixed order:
// two states compare equal when every row of every table is the same. The history's own
// tables (changes, row_changes, import_runs) are left out: a revert adds to them.
import { sql } from "drizzle-orm";
import type { SubgraphHandles } from "../../ingest/documents/subgraph-handles.js";
import { resultRows } from "../../db/result-rows.js";
import { SUBGRAPH_NAMES } from "../../services/registry.js";

const HISTORY_TABLES = ["changes", "row_changes", "import_runs"];

/** The columns stamped with the time a row was written: two databases given the same writes differ only in them. */
export const WRITE_TIME_COLUMNS = ["created_at", "updated_at", "made_at", "decided_at", "merged_at"];

/** `ignoring`: columns left out of every row (WRITE_TIME_COLUMNS, to compare two databases). */
export async function tableChecksums(handles: SubgraphHandles, ignoring: readonly string[] = []): Promise<Record<string, string>> {
  const text = ignoring.length === 0 ? sql`t::text` : sql`(to_jsonb(t) - ${sql.raw(`array[${ignoring.map((name) => `'${name}'`).join(", ")}]`)})::text`;
  const checksums: Record<string, string> = {};
  for (const schema of SUBGRAPH_NAMES) {
    const db = handles[schema].db;
    const tables = resultRows<{ table_name: string }>(
      await db.execute(sql`select table_name from information_schema.tables where table_schema = ${schema} and table_type = 'BASE TABLE' order by table_name`),
    )
      .map((row) => row.table_name)
      .filter((name) => !HISTORY_TABLES.includes(name));
    for (const table of tables) {
      const [row] = resultRows<{ rows: string; checksum: string | null }>(
        await db.execute(
          sql`select count(*)::text as "rows", md5(string_agg(${text}, E'\\n' order by ${text})) as "checksum" from ${sql.identifier(schema)}.${sql.identifier(table)} t`,
        ),
      );
      checksums[`${schema}.${table}`] = `${row!.rows}:${row!.checksum ?? "-"}`;
    }
  }
  return checksums;
}

// What the history of every change costs an import, for bench/import.ts: turning the history
// triggers off in a throwaway database (to time the same import without them; Meridian has no
// such switch, on purpose), counting and sizing what the history kept of a run, and timing the
// revert of the run. Works on PGlite and Postgres alike.
import { sql } from "drizzle-orm";
import type { Database, DatabaseHandle } from "../db/client.js";
import { resultRows } from "../db/result-rows.js";
import { revertImportRun } from "../ingest/history/revert-import.js";
import { SUBGRAPH_HISTORIES } from "../services/histories.js";
import { forEverySubgraph } from "../services/registry.js";

/** The triggers services/kit/history/history-migration.ts writes: "<table>_history_inserts", "_updates", "_deletes". */
const HISTORY_TRIGGER = "_history_(inserts|updates|deletes)$";

/** The schemas that keep a history, each with its own row_changes table. */
const HISTORY_SCHEMAS = [...new Set(Object.values(SUBGRAPH_HISTORIES).map((history) => history.schema))];
const HISTORY_TABLES = ["changes", "row_changes", "import_runs"];

/** Disables every history trigger of the database: writes are then made as before the history existed. Returns how many. */
export async function disableHistoryTriggers(db: Database): Promise<number> {
  const triggers = resultRows<{ schema: string; table: string; trigger: string }>(
    await db.execute(sql`
      select n.nspname as "schema", c.relname as "table", t.tgname as "trigger"
      from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
      where not t.tgisinternal and t.tgname ~ ${HISTORY_TRIGGER}`),
  );
  // None found would time the import with its history and call it without.
  if (triggers.length === 0) throw new Error("bench:import: no history trigger (*_history_inserts/_updates/_deletes) to disable");
  for (const { schema, table, trigger } of triggers) {
    await db.execute(sql`alter table ${sql.identifier(schema)}.${sql.identifier(table)} disable trigger ${sql.identifier(trigger)}`);
  }
  return triggers.length;
}

export interface HistoryStorage {
  /** Rows in every row_changes table, by operation. */
  rowChanges: Record<string, number>;
  /** row_changes on disk, with its indexes and TOAST, summed over the schemas. */
  rowChangesBytes: number;
  /** Every other table of the subgraphs' schemas (the graph's own data), with indexes and TOAST. */
  graphBytes: number;
  /** Rows in the graph's own tables. */
  graphRows: number;
}

export async function historyStorage(db: Database): Promise<HistoryStorage> {
  const rowChanges: Record<string, number> = {};
  let rowChangesBytes = 0;
  for (const schema of HISTORY_SCHEMAS) {
    const table = sql`${sql.identifier(schema)}."row_changes"`;
    for (const { operation, rows } of resultRows<{ operation: string; rows: number }>(
      await db.execute(sql`select "operation", count(*)::int as "rows" from ${table} group by "operation"`),
    )) {
      rowChanges[operation] = (rowChanges[operation] ?? 0) + Number(rows);
    }
    const [size] = resultRows<{ bytes: string }>(
      await db.execute(sql`select pg_total_relation_size(${`"${schema}"."row_changes"`}::regclass)::text as "bytes"`),
    );
    rowChangesBytes += Number(size!.bytes);
  }
  const tables = resultRows<{ schema: string; table: string }>(
    await db.execute(sql`
      select schemaname as "schema", tablename as "table" from pg_tables
      where schemaname = any(${sql.param(HISTORY_SCHEMAS)}::text[]) and not (tablename = any(${sql.param(HISTORY_TABLES)}::text[]))`),
  );
  let graphBytes = 0;
  let graphRows = 0;
  for (const { schema, table } of tables) {
    const qualified = `"${schema}"."${table}"`;
    const [row] = resultRows<{ bytes: string; rows: number }>(
      await db.execute(
        sql`select pg_total_relation_size(${qualified}::regclass)::text as "bytes", (select count(*)::int from ${sql.identifier(schema)}.${sql.identifier(table)}) as "rows"`,
      ),
    );
    graphBytes += Number(row!.bytes);
    graphRows += Number(row!.rows);
  }
  return { rowChanges, rowChangesBytes, graphBytes, graphRows };
}

/**
 * How many times the history triggers' function ran, as counted with track_functions on (set
 * by the caller before the import); undefined when nothing was counted. Inserts are recorded
 * by a statement trigger, so an import of a batch of 1,000 rows into a table calls it once.
 */
export async function historyTriggerCalls(db: Database): Promise<number | undefined> {
  const [row] = resultRows<{ calls: number; functions: number }>(
    await db.execute(
      sql`select coalesce(sum(calls), 0)::int as "calls", count(*)::int as "functions" from pg_stat_user_functions where funcname like 'record\_%\_changes'`,
    ),
  );
  return row && Number(row.functions) > 0 ? Number(row.calls) : undefined;
}

export interface TimedRevert {
  seconds: number;
  /** Rows put back, over every subgraph. */
  rows: number;
  /** Incidents left after it: none, if the revert put back every row the import inserted. */
  incidentsLeft: number;
}

/** Times `npm run revert-import -- RUN_ID`'s work (revertImportRun) on the run, and checks that it emptied the incidents table. */
export async function timeRevert(handle: DatabaseHandle, runId: string): Promise<TimedRevert> {
  const startedAt = performance.now();
  const reverted = await revertImportRun(forEverySubgraph(handle), runId, "bench:import");
  const seconds = (performance.now() - startedAt) / 1000;
  const rows = Object.values(reverted.rows).reduce((total, count) => total + (count ?? 0), 0);
  const [left] = resultRows<{ rows: number }>(await handle.db.execute(sql`select count(*)::int as "rows" from "incidents"."incidents"`));
  return { seconds, rows, incidentsLeft: Number(left!.rows) };
}

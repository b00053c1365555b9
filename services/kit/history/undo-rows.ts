// Undoes a change's rows: each row it inserted is deleted, each it updated is set back, each it
// deleted is inserted again, newest first (a stretch of deletes parents first), so that every
// step passes through a state that existed (no key or foreign key is broken on the way). Consecutive rows of one table and one
// operation are undone by one statement, so reverting an import of 100,000 rows costs a few
// statements per batch the import wrote, not one per row.
import { type SQL, sql } from "drizzle-orm";
import { getTableConfig, type PgTable } from "drizzle-orm/pg-core";
import type { Database } from "../../../db/client.js";
import { affectedRows } from "../../../db/result-rows.js";
import type { SubgraphHistory } from "./subgraph-history.js";
import { type TrackedTable, keyMatch, qualifiedTable, tableName, writableColumns } from "./tracked-tables.js";

interface RecordedRow {
  id: number;
  tableName: string;
  operation: "INSERT" | "UPDATE" | "DELETE";
  rowKey: string;
}

interface Run {
  tracked: TrackedTable;
  operation: RecordedRow["operation"];
  firstId: number;
  lastId: number;
  rows: number;
}

/** Thrown when a row is no longer as the change left it (a write not recorded in the history changed it). */
export class RowChangedSince extends Error {}

export async function undoRows(db: Database, history: SubgraphHistory, changeId: number): Promise<number> {
  const { rowChanges } = history.tables;
  const recorded = (await db
    .select({ id: rowChanges.id, tableName: rowChanges.tableName, operation: rowChanges.operation, rowKey: sql<string>`${rowChanges.rowKey}::text` })
    .from(rowChanges)
    .where(sql`${rowChanges.changeId} = ${changeId}`)
    .orderBy(sql`${rowChanges.id} desc`)) as RecordedRow[];
  for (const run of parentsFirst(runsOf(recorded, history))) {
    const undone = await undoRun(db, history, changeId, run);
    if (undone !== run.rows) {
      throw new RowChangedSince(
        `${run.rows - undone} ${run.tracked === undefined ? "" : tableName(run.tracked.table)} row(s) are no longer as change ${changeId} left them`,
      );
    }
  }
  return recorded.length;
}

// Newest first, split where the table or the operation changes, or where an update run would
// set one row twice (a single UPDATE … FROM may apply either of two source rows for one target).
function runsOf(recorded: RecordedRow[], history: SubgraphHistory): Run[] {
  const byName = new Map(history.tracked.map((tracked) => [tableName(tracked.table), tracked]));
  const runs: Run[] = [];
  let keys = new Set<string>();
  for (const row of recorded) {
    const last = runs.at(-1);
    const repeats = row.operation === "UPDATE" && keys.has(row.rowKey);
    if (last && last.tracked === byName.get(row.tableName) && last.operation === row.operation && !repeats) {
      last.firstId = row.id;
      last.rows += 1;
    } else {
      const tracked = byName.get(row.tableName);
      if (!tracked) throw new Error(`the history of ${history.schema} records a table it does not track: ${row.tableName}`);
      runs.push({ tracked, operation: row.operation, firstId: row.id, lastId: row.id, rows: 1 });
      keys = new Set();
    }
    keys.add(row.rowKey);
  }
  return runs;
}

// A delete's cascade (an actor's aliases) is recorded after the deleted row itself: the parent
// table's statement trigger fires before those of the deletes its foreign keys cascade to, so
// newest first would put the aliases back before their actor. Rows deleted one after another
// all existed together just before, so each stretch of deletes is put back parents first, and
// otherwise in the order the rows were deleted.
function parentsFirst(runs: Run[]): Run[] {
  const ordered: Run[] = [];
  let deletes: Run[] = [];
  const flush = () => {
    // A stable sort: runs of one table keep the order of their deletion.
    ordered.push(...deletes.reverse().sort((a, b) => foreignKeyDepth(a.tracked.table) - foreignKeyDepth(b.tracked.table)));
    deletes = [];
  };
  for (const run of runs) {
    if (run.operation === "DELETE") {
      deletes.push(run);
    } else {
      flush();
      ordered.push(run);
    }
  }
  flush();
  return ordered;
}

/** 0 for a table that references no other, else one more than the deepest table it references. */
function foreignKeyDepth(table: PgTable, seen: ReadonlySet<PgTable> = new Set()): number {
  const referenced = getTableConfig(table)
    .foreignKeys.map((key) => key.reference().foreignTable)
    .filter((parent) => parent !== table && !seen.has(parent));
  return referenced.length === 0 ? 0 : 1 + Math.max(...referenced.map((parent) => foreignKeyDepth(parent, new Set([...seen, table]))));
}

async function undoRun(db: Database, history: SubgraphHistory, changeId: number, run: Run): Promise<number> {
  const { table, key } = run.tracked;
  const target = qualifiedTable(table, history.schema);
  const rowChanges = sql`${sql.identifier(history.schema)}."row_changes"`;
  const inRun = sql`rc."change_id" = ${changeId} and rc."id" between ${run.firstId} and ${run.lastId}`;
  const columns = writableColumns(table);
  const columnList = sql.join(
    columns.map((column) => sql.identifier(column.name)),
    sql`, `,
  );
  let statement: SQL;
  if (run.operation === "INSERT") {
    statement = sql`delete from ${target} as t using (select rc."row_key" as "__key" from ${rowChanges} rc where ${inRun}) b where ${keyMatch(key, sql`b."__key"`)}`;
  } else if (run.operation === "UPDATE") {
    const assignments = sql.join(
      columns.map((column) => sql`${sql.identifier(column.name)} = b.${sql.identifier(column.name)}`),
      sql`, `,
    );
    statement = sql`update ${target} as t set ${assignments}
      from (select rc."row_key" as "__key", p.* from ${rowChanges} rc cross join lateral jsonb_populate_record(null::${target}, rc."before") p where ${inRun}) b
      where ${keyMatch(key, sql`b."__key"`)}`;
  } else {
    // In the order they were deleted (they all existed together): a list read without an order
    // of its own (a statement's stances) comes back as it was, not reversed.
    statement = sql`insert into ${target} (${columnList})
      select ${sql.join(
        columns.map((column) => sql`p.${sql.identifier(column.name)}`),
        sql`, `,
      )} from ${rowChanges} rc cross join lateral jsonb_populate_record(null::${target}, rc."before") p where ${inRun} order by rc."id"`;
  }
  const result = await db.execute(statement);
  return affectedRows(result);
}

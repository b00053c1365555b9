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

/**
 * Row changes read per statement, by a window of their IDs, newest first: a million-row import
 * writes about eight million, which held at once (about 160 bytes each) would take gigabytes.
 */
export const UNDO_PAGE_ROWS = 10_000;

export async function undoRows(db: Database, history: SubgraphHistory, changeId: number, pageRows = UNDO_PAGE_ROWS): Promise<number> {
  const { rowChanges } = history.tables;
  const ofChange = sql`${rowChanges.changeId} = ${changeId}`;
  const [bounds] = await db
    .select({ first: sql<number | null>`min(${rowChanges.id})`.mapWith(Number), last: sql<number | null>`max(${rowChanges.id})`.mapWith(Number) })
    .from(rowChanges)
    .where(ofChange);
  if (!bounds || bounds.first === null || bounds.last === null) return 0;
  const runs = new RunFolder(history);
  const undo = new RunUndoer(db, history, changeId);
  let rows = 0;
  // A change's rows are mostly one stretch of IDs (those of one transaction), so a window of
  // IDs is read through the primary key, not the whole change's rows again for every page.
  for (let high = bounds.last; high >= bounds.first; high -= pageRows) {
    const low = Math.max(bounds.first, high - pageRows + 1);
    const page = (await db
      .select({ id: rowChanges.id, tableName: rowChanges.tableName, operation: rowChanges.operation, rowKey: sql<string>`${rowChanges.rowKey}::text` })
      .from(rowChanges)
      .where(sql`${ofChange} and ${rowChanges.id} between ${low} and ${high}`)
      .orderBy(sql`${rowChanges.id} desc`)) as RecordedRow[];
    rows += page.length;
    for (const row of page) {
      const finished = runs.add(row);
      if (finished) await undo.next(finished);
    }
  }
  const last = runs.finish();
  if (last) await undo.next(last);
  await undo.finish();
  return rows;
}

/**
 * Folds rows, newest first, into runs: split where the table or the operation changes, or where
 * an update run would set one row twice (a single UPDATE … FROM may apply either of two source
 * rows for one target). `add` gives back the run a row ended.
 */
class RunFolder {
  private readonly byName: Map<string, TrackedTable>;
  private current: Run | undefined;
  /** The keys of the current run, when it is an update run: only those can repeat. */
  private keys = new Set<string>();

  constructor(private readonly history: SubgraphHistory) {
    this.byName = new Map(history.tracked.map((tracked) => [tableName(tracked.table), tracked]));
  }

  add(row: RecordedRow): Run | undefined {
    const current = this.current;
    const tracked = this.byName.get(row.tableName);
    if (!tracked) throw new Error(`the history of ${this.history.schema} records a table it does not track: ${row.tableName}`);
    const repeats = row.operation === "UPDATE" && this.keys.has(row.rowKey);
    if (current && current.tracked === tracked && current.operation === row.operation && !repeats) {
      current.firstId = row.id;
      current.rows += 1;
      if (row.operation === "UPDATE") this.keys.add(row.rowKey);
      return undefined;
    }
    this.current = { tracked, operation: row.operation, firstId: row.id, lastId: row.id, rows: 1 };
    this.keys = row.operation === "UPDATE" ? new Set([row.rowKey]) : new Set();
    return current;
  }

  finish(): Run | undefined {
    return this.current;
  }
}

/**
 * Undoes runs in the order they come, newest first, but a delete's cascade (an actor's aliases)
 * is recorded after the deleted row itself: the parent table's statement trigger fires before
 * those of the deletes its foreign keys cascade to, so newest first would put the aliases back
 * before their actor. Rows deleted one after another all existed together just before, so each
 * stretch of delete runs is held until it ends and put back parents first, and otherwise in the
 * order the rows were deleted.
 */
class RunUndoer {
  private deletes: Run[] = [];

  constructor(
    private readonly db: Database,
    private readonly history: SubgraphHistory,
    private readonly changeId: number,
  ) {}

  async next(run: Run): Promise<void> {
    if (run.operation === "DELETE") {
      this.deletes.push(run);
      return;
    }
    await this.finish();
    await this.undo(run);
  }

  /** Puts back the stretch of deletes held. */
  async finish(): Promise<void> {
    // A stable sort: runs of one table keep the order of their deletion.
    const ordered = this.deletes.reverse().sort((a, b) => foreignKeyDepth(a.tracked.table) - foreignKeyDepth(b.tracked.table));
    this.deletes = [];
    for (const run of ordered) await this.undo(run);
  }

  private async undo(run: Run): Promise<void> {
    const undone = await undoRun(this.db, this.history, this.changeId, run);
    if (undone !== run.rows) {
      throw new RowChangedSince(`${run.rows - undone} ${tableName(run.tracked.table)} row(s) are no longer as change ${this.changeId} left them`);
    }
  }
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

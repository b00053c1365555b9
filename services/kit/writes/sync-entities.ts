// Makes stored entities match a document: each entity row with its child rows (an actor's
// aliases, an incident's places). Entities are compared with what is stored first, so that
// loading the same document twice writes nothing and the counts say what changed.
import { type SQL, getTableColumns } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { anyOfIds } from "../../../db/any-of-ids.js";
import type { Database } from "../../../db/client.js";
import { chunks } from "../../../db/bulk/chunks.js";
import { insertJsonRows } from "../../../db/bulk/json-rows.js";
import { type RetiredIds, retirementText } from "../records/tombstones.js";

export interface EntityCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

export interface EntityTables {
  table: PgTable;
  id: PgColumn;
  /** Columns the database maintains (timestamps): neither compared nor written. */
  maintainedColumns?: readonly string[];
  /** Extra assignments when a stored row changes. */
  onUpdate?: Record<string, SQL>;
  /** The IDs of this kind that may not be given again (deleted, merged away): a write that would create one is refused. */
  retired?: RetiredIds;
  /** Tables of rows that belong to the entity and are replaced with it. */
  children: readonly { table: PgTable; parentId: PgColumn }[];
}

type Row = Record<string, unknown>;

export interface EntityWrite {
  id: string;
  row: Row;
  /** The rows of each child table, in the order of `EntityTables.children`. */
  children: readonly (readonly Row[])[];
}

export async function syncEntities(db: Database, tables: EntityTables, writes: readonly EntityWrite[]): Promise<EntityCounts> {
  const counts: EntityCounts = { inserted: 0, updated: 0, unchanged: 0 };
  const stored = await storedFingerprints(
    db,
    tables,
    writes.map((write) => write.id),
  );
  const changed: EntityWrite[] = [];
  const updatedIds: string[] = [];
  for (const write of writes) {
    const before = stored.get(write.id);
    if (before === undefined) {
      counts.inserted += 1;
      changed.push(write);
    } else if (before !== fingerprint(tables, write.row, write.children)) {
      counts.updated += 1;
      changed.push(write);
      updatedIds.push(write.id);
    } else {
      counts.unchanged += 1;
    }
  }
  await refuseRetiredIds(
    db,
    tables,
    writes.filter((write) => !stored.has(write.id)).map((write) => write.id),
  );
  await upsert(
    db,
    tables,
    changed.map((write) => write.row),
  );
  for (const [index, child] of tables.children.entries()) {
    for (const ids of chunks(updatedIds)) await db.delete(child.table).where(anyOfIds(child.parentId, ids));
    for (const rows of chunks(changed.flatMap((write) => write.children[index]!))) await insertJsonRows(db, child.table, rows);
  }
  return counts;
}

/**
 * The last guard against giving a deleted or merged ID again: the writers' callers check first
 * and say so at the field (a mutation's argument, a document's key) or keep the record deleted
 * (imports), so reaching this is a bug of theirs; it throws before anything is written.
 */
async function refuseRetiredIds(db: Database, tables: EntityTables, newIds: readonly string[]): Promise<void> {
  if (!tables.retired || newIds.length === 0) return;
  const retired = [...(await tables.retired(db, newIds)).values()];
  if (retired.length > 0) throw new Error(`refused to create entities with retired IDs: ${retired.map(retirementText).join("; ")}`);
}

/** Fingerprints of the stored entities among `ids`, in the form `fingerprint` gives. */
async function storedFingerprints(db: Database, tables: EntityTables, ids: readonly string[]): Promise<Map<string, string>> {
  const rows: Row[] = [];
  const childRows = tables.children.map(() => new Map<string, Row[]>());
  for (const chunk of chunks(ids)) {
    rows.push(...(await db.select().from(tables.table).where(anyOfIds(tables.id, chunk))));
    for (const [index, child] of tables.children.entries()) {
      const parentKey = columnKey(child.table, child.parentId);
      for (const row of (await db.select().from(child.table).where(anyOfIds(child.parentId, chunk))) as Row[]) {
        const parentId = row[parentKey] as string;
        childRows[index]!.set(parentId, [...(childRows[index]!.get(parentId) ?? []), row]);
      }
    }
  }
  const idKey = columnKey(tables.table, tables.id);
  return new Map(
    rows.map((row) => {
      const id = row[idKey] as string;
      return [
        id,
        fingerprint(
          tables,
          row,
          childRows.map((byParent) => byParent.get(id) ?? []),
        ),
      ];
    }),
  );
}

// The entity's compared columns and its child rows as one string; child rows are sorted,
// as their order in the database means nothing.
function fingerprint(tables: EntityTables, row: Row, children: readonly (readonly Row[])[]): string {
  const childKeys = tables.children.map((child) => Object.keys(getTableColumns(child.table)));
  return JSON.stringify([
    comparableValues(row, comparedKeys(tables)),
    ...children.map((rows, index) => rows.map((child) => comparableValues(child, childKeys[index]!)).sort()),
  ]);
}

function comparableValues(row: Row, keys: readonly string[]): string {
  return JSON.stringify(
    keys.map((key) => {
      const value = row[key];
      if (value instanceof Date) return value.toISOString();
      return value ?? null;
    }),
  );
}

function comparedKeys(tables: EntityTables): string[] {
  return Object.keys(getTableColumns(tables.table)).filter((key) => !tables.maintainedColumns?.includes(key));
}

async function upsert(db: Database, tables: EntityTables, rows: readonly Row[]): Promise<void> {
  const idKey = columnKey(tables.table, tables.id);
  const updateKeys = comparedKeys(tables).filter((key) => key !== idKey);
  for (const chunk of chunks(rows)) {
    await insertJsonRows(db, tables.table, chunk, { conflictTarget: tables.id, updateKeys, extraSet: tables.onUpdate });
  }
}

function columnKey(table: PgTable, column: PgColumn): string {
  const entry = Object.entries(getTableColumns(table)).find(([, candidate]) => candidate === column);
  if (!entry) throw new Error(`column ${column.name} is not a column of its table`);
  return entry[0];
}

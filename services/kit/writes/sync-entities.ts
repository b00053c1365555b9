// Makes stored entities match a document: each entity row with its child rows (an actor's
// aliases, an incident's places). Entities are compared with what is stored first, so that
// loading the same document twice writes nothing and the counts say what changed. A child
// table may hold rows of the entity that others added (the aliases an import gave a curated
// actor): the document then owns only the child rows it lists (ChildTable.listedBy).
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
  /** Tables of rows that belong to the entity and are written with it. */
  children: readonly ChildTable[];
}

export interface ChildTable {
  table: PgTable;
  parentId: PgColumn;
  /**
   * Without it, the listed rows replace the entity's stored ones. With it, the entity owns only
   * the rows it lists, each identified within the entity by these columns (with `parentId`, a
   * unique index): a listed row is inserted or updated, and stored rows it does not list are
   * kept and not compared, being others' (an actor's aliases that imports or editors added).
   */
  listedBy?: readonly PgColumn[];
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
  const stored = await storedEntities(
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
    } else if (fingerprint(tables, before.row, comparedChildren(tables, before.children, write.children)) !== fingerprint(tables, write.row, write.children)) {
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
    const rows = changed.flatMap((write) => write.children[index]!);
    if (child.listedBy) {
      const conflictTarget = [child.parentId, ...child.listedBy];
      const identity = new Set(conflictTarget.map((column) => columnKey(child.table, column)));
      const updateKeys = Object.keys(getTableColumns(child.table)).filter((key) => !identity.has(key));
      for (const chunk of chunks(rows)) await insertJsonRows(db, child.table, chunk, { conflictTarget, updateKeys });
      continue;
    }
    for (const ids of chunks(updatedIds)) await db.delete(child.table).where(anyOfIds(child.parentId, ids));
    for (const chunk of chunks(rows)) await insertJsonRows(db, child.table, chunk);
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

interface StoredEntity {
  row: Row;
  /** Its rows of each child table, in the order of `EntityTables.children`. */
  children: Row[][];
}

/** The stored entities among `ids`, by ID, with their child rows. */
async function storedEntities(db: Database, tables: EntityTables, ids: readonly string[]): Promise<Map<string, StoredEntity>> {
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
      return [id, { row, children: childRows.map((byParent) => byParent.get(id) ?? []) }];
    }),
  );
}

/** The stored child rows a write is compared with: all of a replaced table's, only the listed ones of a table whose rows it owns only when listed. */
function comparedChildren(tables: EntityTables, stored: readonly (readonly Row[])[], listed: readonly (readonly Row[])[]): (readonly Row[])[] {
  return tables.children.map((child, index) => {
    if (!child.listedBy) return stored[index]!;
    const keys = child.listedBy.map((column) => columnKey(child.table, column));
    const identityOf = (row: Row) => JSON.stringify(keys.map((key) => row[key] ?? null));
    const wanted = new Set(listed[index]!.map(identityOf));
    return stored[index]!.filter((row) => wanted.has(identityOf(row)));
  });
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
    await insertJsonRows(db, tables.table, chunk, { conflictTarget: [tables.id], updateKeys, extraSet: tables.onUpdate });
  }
}

function columnKey(table: PgTable, column: PgColumn): string {
  const entry = Object.entries(getTableColumns(table)).find(([, candidate]) => candidate === column);
  if (!entry) throw new Error(`column ${column.name} is not a column of its table`);
  return entry[0];
}

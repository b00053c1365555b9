// Which of the entities a document refers to, but does not contain, are already stored. Each
// subgraph's writes say where they store each kind of entity; the document loader looks every
// kind up in its subgraph's database, a mutation only the kinds of its own subgraph.
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { anyOfIds } from "../../../db/any-of-ids.js";
import type { Database } from "../../../db/client.js";
import { chunks } from "../../../db/bulk/chunks.js";
import type { EntityKind, StoredReference } from "./reference-resolver.js";
import type { RetiredId, RetiredIds } from "./tombstones.js";

/** The table each kind of entity a subgraph stores is in, with its ID column and the lookup of its IDs that may not be given again. */
export type EntityKindTables = Partial<Record<EntityKind, { table: PgTable; id: PgColumn; retired?: RetiredIds }>>;

/** Where entities of a kind are looked up: their table in a database. */
export type EntityStores = Partial<Record<EntityKind, { db: Database; table: PgTable; id: PgColumn; retired?: RetiredIds }>>;

/** `tables` in the database `db`. */
export function storedIn(db: Database, tables: EntityKindTables): EntityStores {
  return Object.fromEntries(Object.entries(tables).map(([kind, { table, id, retired }]) => [kind, { db, table, id, retired }]));
}

/** Which of `entities` have retired IDs (deleted, or merged away), by `${kind} ${id}`; kinds without a store or a lookup have none. */
export async function retiredAmong(stores: EntityStores, entities: readonly { kind: EntityKind; id: string }[]): Promise<Map<string, RetiredId>> {
  const retired = new Map<string, RetiredId>();
  for (const [kind, store] of Object.entries(stores) as [EntityKind, NonNullable<EntityStores[EntityKind]>][]) {
    const ids = entities.filter((entity) => entity.kind === kind).map((entity) => entity.id);
    if (!store.retired || ids.length === 0) continue;
    for (const [id, found] of await store.retired(store.db, ids)) retired.set(`${kind} ${id}`, found);
  }
  return retired;
}

/** The references whose entities are not stored; the kind of each must have a store in `stores`. */
export async function missingStoredReferences(stores: EntityStores, references: readonly StoredReference[]): Promise<StoredReference[]> {
  const found = new Set<string>();
  for (const [kind, { db, table, id }] of Object.entries(stores) as [EntityKind, NonNullable<EntityStores[EntityKind]>][]) {
    const ids = [...new Set(references.filter((reference) => reference.kind === kind).map((reference) => reference.id))];
    if (ids.length === 0) continue;
    for (const chunk of chunks(ids)) {
      const rows = await db.select({ id }).from(table).where(anyOfIds(id, chunk));
      for (const row of rows) found.add(`${kind} ${row.id as string}`);
    }
  }
  return references.filter((reference) => !found.has(`${reference.kind} ${reference.id}`));
}

// Which of the entities a document refers to, but does not contain, are already stored. Each
// subgraph's writes say where they store each kind of entity; the document loader looks every
// kind up in its subgraph's database, a mutation only the kinds of its own subgraph.
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { anyOfIds } from "../../../db/any-of-ids.js";
import type { Database } from "../../../db/client.js";
import { chunks } from "../../../db/bulk/chunks.js";
import type { EntityKind, StoredReference } from "./reference-resolver.js";

/** The table each kind of entity a subgraph stores is in, with its ID column. */
export type EntityKindTables = Partial<Record<EntityKind, { table: PgTable; id: PgColumn }>>;

/** Where entities of a kind are looked up: their table in a database. */
export type EntityStores = Partial<Record<EntityKind, { db: Database; table: PgTable; id: PgColumn }>>;

/** `tables` in the database `db`. */
export function storedIn(db: Database, tables: EntityKindTables): EntityStores {
  return Object.fromEntries(Object.entries(tables).map(([kind, { table, id }]) => [kind, { db, table, id }]));
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

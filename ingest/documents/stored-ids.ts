// Which of the entities a document refers to, but does not contain, are already stored.
// Each kind is looked up in the database of the subgraph that owns it.
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { actors } from "../../services/actors/data/tables.js";
import { incidents } from "../../services/incidents/data/tables.js";
import { claims, sources, statements } from "../../services/statements/data/tables.js";
import { anyOfIds } from "../../db/any-of-ids.js";
import type { SubgraphName } from "../../services/registry.js";
import { chunks } from "../../db/bulk/chunks.js";
import type { EntityKind, StoredReference } from "../../services/kit/records/reference-resolver.js";
import type { SubgraphHandles } from "./subgraph-handles.js";

/** Where each kind of entity is stored: the subgraph that owns it, its table and ID column. */
export const TABLE_OF: Record<EntityKind, { subgraph: SubgraphName; table: PgTable; id: PgColumn }> = {
  actor: { subgraph: "actors", table: actors, id: actors.id },
  source: { subgraph: "statements", table: sources, id: sources.id },
  statement: { subgraph: "statements", table: statements, id: statements.id },
  claim: { subgraph: "statements", table: claims, id: claims.id },
  incident: { subgraph: "incidents", table: incidents, id: incidents.id },
};

/** The references whose entities are not stored. */
export async function missingStoredReferences(handles: SubgraphHandles, references: readonly StoredReference[]): Promise<StoredReference[]> {
  const found = new Set<string>();
  for (const [kind, { subgraph, table, id }] of Object.entries(TABLE_OF) as [EntityKind, (typeof TABLE_OF)[EntityKind]][]) {
    const ids = [...new Set(references.filter((reference) => reference.kind === kind).map((reference) => reference.id))];
    if (ids.length === 0) continue;
    for (const chunk of chunks(ids)) {
      const rows = await handles[subgraph].db.select({ id }).from(table).where(anyOfIds(id, chunk));
      for (const row of rows) found.add(`${kind} ${row.id as string}`);
    }
  }
  return references.filter((reference) => !found.has(`${reference.kind} ${reference.id}`));
}

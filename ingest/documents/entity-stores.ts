// Where the entities a document refers to are looked up: each kind in the database of the
// subgraph whose writes store it.
import type { SubgraphName } from "../../services/registry.js";
import { ACTOR_KIND_TABLES } from "../../services/actors/writes/write-actors.js";
import { INCIDENT_KIND_TABLES } from "../../services/incidents/writes/write-incidents.js";
import { STATEMENT_KIND_TABLES } from "../../services/statements/writes/write-statements.js";
import { type EntityKindTables, type EntityStores, storedIn } from "../../services/kit/records/stored-references.js";
import type { SubgraphHandles } from "./subgraph-handles.js";

const KIND_TABLES_OF: Record<SubgraphName, EntityKindTables> = {
  actors: ACTOR_KIND_TABLES,
  statements: STATEMENT_KIND_TABLES,
  incidents: INCIDENT_KIND_TABLES,
};

export function entityStoresOf(handles: SubgraphHandles): EntityStores {
  const stores: EntityStores = {};
  for (const [subgraph, tables] of Object.entries(KIND_TABLES_OF) as [SubgraphName, EntityKindTables][]) Object.assign(stores, storedIn(handles[subgraph].db, tables));
  return stores;
}

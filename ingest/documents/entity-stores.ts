// Where the entities a document refers to are looked up: each kind in the database of the
// subgraph whose writes store it.
import { type EntityStores, storedIn } from "../../services/kit/records/stored-references.js";
import { ANY_DOCUMENT_PARTS } from "./document-parts.js";
import type { SubgraphHandles } from "./subgraph-handles.js";

export function entityStoresOf(handles: SubgraphHandles): EntityStores {
  const stores: EntityStores = {};
  for (const part of ANY_DOCUMENT_PARTS) Object.assign(stores, storedIn(handles[part.subgraph].db, part.kindTables));
  return stores;
}

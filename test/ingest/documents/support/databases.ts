// A fresh, migrated database per test, on every backend, with the handles loadDocument takes.
import type { SubgraphHandles } from "../../../../ingest/documents/subgraph-handles.js";
import type { Backend, TestDatabase } from "../../../../scripts/harness/backends.js";
import { forEverySubgraph } from "../../../../services/registry.js";

export interface DocumentTestDatabase {
  handles: SubgraphHandles;
  dispose(): Promise<void>;
}

/** One database for all three subgraphs, shared by one handle object, as the embedded default runs. */
export async function sharedDatabase(backend: Backend): Promise<DocumentTestDatabase> {
  const database: TestDatabase = await backend.create();
  const { handle } = database;
  return { handles: forEverySubgraph(handle), dispose: () => database.dispose() };
}

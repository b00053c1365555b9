// Applies a subgraph's committed drizzle-kit migrations. Each subgraph keeps its own
// migrations and its own bookkeeping table, so it can live in a database of its own.
import type { DatabaseHandle } from "./client.js";

/** Whose migrations they are (it names the bookkeeping table) and where they are committed. */
export interface SubgraphMigrations {
  name: string;
  migrationsFolder: string;
}

/** The table in the `drizzle` schema where drizzle's migrator records the subgraph's applied migrations. */
export function migrationsTable(subgraph: Pick<SubgraphMigrations, "name">): string {
  return `${subgraph.name}_migrations`;
}

export async function migrateSubgraph(handle: DatabaseHandle, subgraph: SubgraphMigrations): Promise<void> {
  await handle.migrate({
    migrationsFolder: subgraph.migrationsFolder,
    migrationsTable: migrationsTable(subgraph),
  });
}

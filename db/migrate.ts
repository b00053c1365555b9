// Applies a subgraph's committed drizzle-kit migrations. Each subgraph keeps its own
// migrations and its own bookkeeping table, so it can live in a database of its own.
import { fileURLToPath } from "node:url";
import type { DatabaseHandle } from "./client.js";

export const SUBGRAPH_NAMES = ["actors", "statements", "incidents"] as const;
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];

export function migrationsFolder(subgraph: SubgraphName): string {
  return fileURLToPath(new URL(`../services/${subgraph}/data/migrations`, import.meta.url));
}

export async function migrateSubgraph(handle: DatabaseHandle, subgraph: SubgraphName): Promise<void> {
  await handle.migrate({
    migrationsFolder: migrationsFolder(subgraph),
    migrationsTable: `${subgraph}_migrations`,
  });
}

// Opens the database of each subgraph as configured. Subgraphs that share a URL share one
// connection pool; subgraphs without a URL share one embedded PGlite (the default).
import type { Config } from "../platform/config/config.js";
import { type DatabaseHandle, openPglite, openPostgres } from "./client.js";
import { SUBGRAPH_NAMES, type SubgraphName, migrateSubgraph } from "./migrate.js";

export type SubgraphDatabases = Record<SubgraphName, DatabaseHandle>;

export async function openSubgraphDatabases(config: Config, only: readonly SubgraphName[] = SUBGRAPH_NAMES): Promise<{
  handles: Partial<SubgraphDatabases>;
  close: () => Promise<void>;
}> {
  const byUrl = new Map<string, Promise<DatabaseHandle>>();
  const open = (url: string | undefined) => {
    const key = url ?? "embedded";
    if (!byUrl.has(key)) {
      byUrl.set(
        key,
        url ? openPostgres(url, { maxConnections: config.databasePoolMax, preparedStatements: config.databasePreparedStatements }) : openPglite(config.pgliteDataDir),
      );
    }
    return byUrl.get(key)!;
  };
  const handles: Partial<SubgraphDatabases> = {};
  try {
    for (const name of only) handles[name] = await open(config.subgraphs[name].databaseUrl);
  } catch (error) {
    await Promise.allSettled([...byUrl.values()].map(async (handle) => (await handle).close()));
    throw error;
  }
  return {
    handles,
    close: async () => {
      await Promise.allSettled([...byUrl.values()].map(async (handle) => (await handle).close()));
    },
  };
}

export async function migrateSubgraphs(handles: Partial<SubgraphDatabases>): Promise<void> {
  for (const [name, handle] of Object.entries(handles) as [SubgraphName, DatabaseHandle][]) {
    await migrateSubgraph(handle, name);
  }
}

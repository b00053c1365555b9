// Opens the database of each subgraph as configured. Subgraphs that share a URL share one
// connection pool; subgraphs without a URL share one embedded PGlite (the default).
import { type DatabaseHandle, openPglite, openPostgres } from "./client.js";
import { type SubgraphMigrations, migrateSubgraph } from "./migrate.js";

export type SubgraphDatabases<TName extends string> = Record<TName, DatabaseHandle>;

/** What opening the databases reads of the configuration (platform/config/config.ts). */
export interface DatabaseSettings<TName extends string> {
  subgraphs: Record<TName, { databaseUrl: string | undefined }>;
  databasePoolMax: number;
  databasePreparedStatements: boolean;
  pgliteDataDir: string;
}

export async function openSubgraphDatabases<TName extends string>(
  settings: DatabaseSettings<TName>,
  names: readonly TName[],
): Promise<{
  handles: Partial<SubgraphDatabases<TName>>;
  close: () => Promise<void>;
}> {
  const byUrl = new Map<string, Promise<DatabaseHandle>>();
  const open = (url: string | undefined) => {
    const key = url ?? "embedded";
    if (!byUrl.has(key)) {
      byUrl.set(
        key,
        url
          ? openPostgres(url, { maxConnections: settings.databasePoolMax, preparedStatements: settings.databasePreparedStatements })
          : openPglite(settings.pgliteDataDir),
      );
    }
    return byUrl.get(key)!;
  };
  const handles: Partial<SubgraphDatabases<TName>> = {};
  try {
    for (const name of names) handles[name] = await open(settings.subgraphs[name].databaseUrl);
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

/** Applies each subgraph's migrations to its database, in the order given; subgraphs without a handle are left alone. */
export async function migrateSubgraphs(handles: Partial<Record<string, DatabaseHandle>>, subgraphs: readonly SubgraphMigrations[]): Promise<void> {
  for (const subgraph of subgraphs) {
    const handle = handles[subgraph.name];
    if (handle) await migrateSubgraph(handle, subgraph);
  }
}

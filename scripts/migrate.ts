// npm run db:migrate: applies every subgraph's committed migrations to its configured database.
import "reflect-metadata";
import { migrateSubgraphs, openSubgraphDatabases } from "../db/open.js";
import { loadConfig } from "../services/config.js";
import { SUBGRAPHS, SUBGRAPH_NAMES } from "../services/registry.js";
import { exitOnStartupFailure } from "../platform/process/fail.js";

try {
  const databases = await openSubgraphDatabases(loadConfig(), SUBGRAPH_NAMES);
  await migrateSubgraphs(databases.handles, SUBGRAPHS);
  for (const name of SUBGRAPH_NAMES) console.log(`${name}: migrated (${databases.handles[name]!.description})`);
  await databases.close();
} catch (error) {
  exitOnStartupFailure("db:migrate", error);
}

// npm run db:migrate: applies every subgraph's committed migrations to its configured database.
import "reflect-metadata";
import { migrateSubgraphs, openSubgraphDatabases } from "../db/open.js";
import { loadConfig } from "../platform/config/config.js";
import { exitOnStartupFailure } from "../platform/process/fail.js";

try {
  const databases = await openSubgraphDatabases(loadConfig());
  await migrateSubgraphs(databases.handles);
  for (const [name, handle] of Object.entries(databases.handles)) console.log(`${name}: migrated (${handle.description})`);
  await databases.close();
} catch (error) {
  exitOnStartupFailure("db:migrate", error);
}

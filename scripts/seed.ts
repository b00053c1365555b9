// npm run seed: loads the seed story into the configured databases. Loading it again
// changes nothing. With --if-empty it does nothing on a database that already has actors
// (docker-compose's setup step uses that, so edits made through the API survive restarts).
import "reflect-metadata";
import { type SubgraphDatabases, migrateSubgraphs, openSubgraphDatabases } from "../db/open.js";
import { isDatabaseEmpty, loadSeed } from "../ingest/seed/load-seed.js";
import { loadConfig } from "../services/config.js";
import { SUBGRAPHS, SUBGRAPH_NAMES, type SubgraphName } from "../services/registry.js";
import { exitOnStartupFailure } from "../platform/process/fail.js";

const onlyIfEmpty = process.argv.includes("--if-empty");

try {
  const databases = await openSubgraphDatabases(loadConfig(), SUBGRAPH_NAMES);
  const handles = databases.handles as SubgraphDatabases<SubgraphName>;
  await migrateSubgraphs(handles, SUBGRAPHS);
  if (onlyIfEmpty && !(await isDatabaseEmpty(handles))) {
    console.log("seed: the database already holds data; left as it is");
  } else {
    const summary = await loadSeed(handles);
    console.log("seed: loaded the seed story", JSON.stringify(summary));
  }
  await databases.close();
} catch (error) {
  exitOnStartupFailure("seed", error);
}

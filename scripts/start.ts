// npm start: the whole graph in one process. Three subgraphs and the gateway, on the
// embedded PGlite unless database URLs are given; migrations and, on an empty database,
// the seed story are applied first.
import "reflect-metadata";
import { SUBGRAPH_NAMES } from "../db/migrate.js";
import { migrateSubgraphs, openSubgraphDatabases, type SubgraphDatabases } from "../db/open.js";
import { isDatabaseEmpty, loadSeed } from "../db/seed/load-seed.js";
import { createGatewayServer } from "../gateway/server.js";
import { readSupergraph } from "../gateway/supergraph.js";
import { loadConfig, subgraphUrls } from "../services/common/config.js";
import { exitOnStartupFailure } from "../services/common/fail.js";
import type { RunningServer } from "../services/common/http-server.js";
import { stopOnSignals } from "../services/common/shutdown.js";
import { createLogger } from "../services/common/logger.js";
import { createSubgraphServer } from "../services/common/subgraph-server.js";
import { subgraphNamed } from "../services/subgraphs.js";

try {
  const config = loadConfig();
  const logger = createLogger("meridian", config.logLevel);
  const databases = await openSubgraphDatabases(config);
  const handles = databases.handles as SubgraphDatabases;
  await migrateSubgraphs(handles);
  if (config.seedOnStart && (await isDatabaseEmpty(handles))) {
    await loadSeed(handles);
    logger.info("loaded the seed story into the empty database");
  }
  const urls: string[] = [];
  const running: RunningServer[] = [];
  stopOnSignals(async () => {
    for (const server of running.reverse()) await server.stop();
    await databases.close();
  });
  for (const name of SUBGRAPH_NAMES) {
    const server = await createSubgraphServer(subgraphNamed(name), handles[name].db, config);
    const subgraph = await server.listen(config.subgraphs[name].port, config.host);
    running.push(subgraph);
    urls.push(`  ${name.padEnd(10)} ${subgraph.url}  (${handles[name].description})`);
  }
  const gateway = createGatewayServer({
    supergraphSdl: readSupergraph(),
    subgraphUrls: subgraphUrls(config),
    isProduction: config.isProduction,
  });
  const gatewayServer = await gateway.listen(config.gatewayPort, config.host);
  running.push(gatewayServer);
  console.log(`Meridian is up.\n  gateway    ${gatewayServer.url}  ← open this in a browser for Apollo Sandbox\n${urls.join("\n")}`);
} catch (error) {
  exitOnStartupFailure("meridian", error);
}

// npm start: the whole graph in one process. Every registered subgraph and the gateway, on the
// embedded PGlite unless database URLs are given; migrations and, on an empty database,
// the seed story are applied first.
import "reflect-metadata";
import { migrateSubgraphs, openSubgraphDatabases, type SubgraphDatabases } from "../db/open.js";
import { isDatabaseEmpty, loadSeed } from "../ingest/seed/load-seed.js";
import { createGatewayServer } from "../gateway/server.js";
import { readExamples } from "../platform/metrics/example-operations.js";
import { readSupergraph } from "../gateway/supergraph.js";
import { subgraphUrls } from "../platform/config/config.js";
import { loadConfig } from "../services/config.js";
import { exitOnStartupFailure } from "../platform/process/fail.js";
import type { RunningServer } from "../platform/http/http-server.js";
import { stopOnSignals } from "../platform/process/shutdown.js";
import { createLogger } from "../platform/logging/logger.js";
import { createSubgraphServer } from "../services/kit/server/subgraph-server.js";
import { resolveSubgraphSecret } from "../platform/http/subgraph-secret.js";
import { SUBGRAPHS, SUBGRAPH_NAMES, type SubgraphName } from "../services/registry.js";

try {
  const config = loadConfig();
  const logger = createLogger("meridian", config.logLevel);
  const databases = await openSubgraphDatabases(config, SUBGRAPH_NAMES);
  const handles = databases.handles as SubgraphDatabases<SubgraphName>;
  await migrateSubgraphs(handles, SUBGRAPHS);
  if (config.seedOnStart && (await isDatabaseEmpty(handles))) {
    await loadSeed(handles);
    logger.info("loaded the seed story into the empty database");
  }
  // One secret for the gateway and the subgraphs of this process (a random one unless configured).
  const subgraphSecret = resolveSubgraphSecret(config, { embedded: true });
  const urls: string[] = [];
  const running: RunningServer[] = [];
  stopOnSignals(
    async () => {
      for (const server of running.reverse()) await server.stop();
      await databases.close();
    },
    { logger, timeoutMs: config.shutdownTimeoutMs },
  );
  for (const definition of SUBGRAPHS) {
    const name = definition.name;
    const server = await createSubgraphServer(definition, handles[name].db, {
      isProduction: config.isProduction,
      maxRequestBodyBytes: config.maxRequestBodyBytes,
      operationCacheMaxBytes: config.operationCacheMaxBytes,
      subgraphSecret,
      apiKeys: config.apiKeys,
      metrics: config.metricsEnabled,
      metricsToken: config.metricsToken,
      knownOperationNames: readExamples().map((example) => example.name),
      database: handles[name],
      inlineTracing: config.subgraphInlineTracing,
      compiledExecution: config.subgraphCompiledExecution,
      logger: logger.child({ service: name }),
      shutdownTimeoutMs: config.shutdownTimeoutMs,
    });
    const subgraph = await server.listen(config.subgraphs[name].port, config.host);
    running.push(subgraph);
    urls.push(`  ${name.padEnd(10)} ${subgraph.url}  (${handles[name].description})`);
  }
  const gateway = createGatewayServer({
    supergraphSdl: readSupergraph(),
    subgraphUrls: subgraphUrls(config),
    isProduction: config.isProduction,
    operationLimits: config.operationLimits,
    introspection: config.introspection,
    maxRequestBodyBytes: config.maxRequestBodyBytes,
    corsOrigins: config.corsOrigins,
    operationCacheMaxBytes: config.operationCacheMaxBytes,
    responseCacheMaxBytes: config.responseCacheMaxBytes,
    singleFetchPassthrough: config.gatewaySingleFetchPassthrough,
    earlyCacheHits: config.gatewayEarlyCacheHits,
    subgraphSecret,
    subgraphTimeoutMs: config.subgraphTimeoutMs,
    subgraphKeepAlive: config.subgraphKeepAlive,
    subgraphBreaker: config.subgraphBreaker,
    logger: logger.child({ service: "gateway" }),
    shutdownTimeoutMs: config.shutdownTimeoutMs,
    persistedOperations: config.persistedOperations,
    apiKeys: config.apiKeys,
    metrics: config.metricsEnabled,
    metricsToken: config.metricsToken,
  });
  const gatewayServer = await gateway.listen(config.gatewayPort, config.host);
  running.push(gatewayServer);
  const explorer = config.isProduction
    ? ""
    : `  explorer   ${new URL("/graphiql", gatewayServer.url)}  ← GraphiQL, served by the gateway itself (works offline)\n`;
  // In production the Sandbox is off: the gateway is for clients, not browsers.
  const sandbox = config.isProduction ? "" : "  ← open this in a browser for Apollo Sandbox";
  console.log(`Meridian is up.\n  gateway    ${gatewayServer.url}${sandbox}\n${explorer}${urls.join("\n")}`);
} catch (error) {
  exitOnStartupFailure("meridian", error);
}

// Serves the gateway alone: npm run start:gateway. The subgraphs run elsewhere.
import "reflect-metadata";
import { subgraphUrls } from "../platform/config/config.js";
import { loadConfig } from "../services/config.js";
import { exitOnStartupFailure } from "../platform/process/fail.js";
import { createLogger } from "../platform/logging/logger.js";
import { stopOnSignals } from "../platform/process/shutdown.js";
import { resolveSubgraphSecret } from "../platform/http/subgraph-secret.js";
import { createGatewayServer } from "./server.js";
import { readSupergraph } from "./supergraph.js";

try {
  const config = loadConfig();
  const logger = createLogger("gateway", config.logLevel);
  const server = createGatewayServer({
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
    subgraphSecret: resolveSubgraphSecret(config, { embedded: false }),
    subgraphTimeoutMs: config.subgraphTimeoutMs,
    subgraphKeepAlive: config.subgraphKeepAlive,
    subgraphBreaker: config.subgraphBreaker,
    logger,
    shutdownTimeoutMs: config.shutdownTimeoutMs,
    persistedOperations: config.persistedOperations,
    apiKeys: config.apiKeys,
    metrics: config.metricsEnabled,
    metricsToken: config.metricsToken,
  });
  const running = await server.listen(config.gatewayPort, config.host);
  stopOnSignals(() => running.stop(), { logger, timeoutMs: config.shutdownTimeoutMs });
  logger.info({ url: running.url }, "gateway ready");
} catch (error) {
  exitOnStartupFailure("gateway", error);
}

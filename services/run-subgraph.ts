import "reflect-metadata";
import { openSubgraphDatabases, migrateSubgraphs } from "../db/open.js";
// The example operations name the series of /metrics, as at the gateway.
import { readExamples } from "../platform/metrics/example-operations.js";
import type { RegisteredSubgraph } from "./registry.js";
import { loadConfig } from "./config.js";
import { StartupError, exitOnStartupFailure } from "../platform/process/fail.js";
import { createLogger } from "../platform/logging/logger.js";
import { stopOnSignals } from "../platform/process/shutdown.js";
import { resolveSubgraphSecret } from "../platform/http/subgraph-secret.js";
import { createSubgraphServer } from "./kit/server/subgraph-server.js";

/**
 * Runs one subgraph as a process of its own (docker-compose, npm run start:<name>). It
 * needs a Postgres server: the embedded PGlite belongs to the all-in-one `npm start`.
 */
export async function runSubgraphProcess(subgraph: RegisteredSubgraph): Promise<void> {
  const name = subgraph.name;
  try {
    const config = loadConfig();
    const settings = config.subgraphs[name];
    if (!settings.databaseUrl) {
      throw new StartupError(`no database: set ${name.toUpperCase()}_DATABASE_URL or DATABASE_URL (or use \`npm start\` for the embedded database)`);
    }
    const subgraphSecret = resolveSubgraphSecret(config, { embedded: false });
    const logger = createLogger(name, config.logLevel);
    if (subgraphSecret === undefined) logger.warn("SUBGRAPH_SECRET is not set: this subgraph answers anyone, not only the gateway");
    const databases = await openSubgraphDatabases(config, [name]);
    await migrateSubgraphs(databases.handles, [subgraph]);
    const server = await createSubgraphServer(subgraph, databases.handles[name]!.db, {
      isProduction: config.isProduction,
      maxRequestBodyBytes: config.maxRequestBodyBytes,
      operationCacheMaxBytes: config.operationCacheMaxBytes,
      subgraphSecret,
      apiKeys: config.apiKeys,
      metrics: config.metricsEnabled,
      metricsToken: config.metricsToken,
      knownOperationNames: readExamples().map((example) => example.name),
      database: databases.handles[name]!,
      inlineTracing: config.subgraphInlineTracing,
      compiledExecution: config.subgraphCompiledExecution,
      logger,
      shutdownTimeoutMs: config.shutdownTimeoutMs,
    });
    const running = await server.listen(settings.port, config.host);
    stopOnSignals(
      async () => {
        await running.stop();
        await databases.close();
      },
      { logger, timeoutMs: config.shutdownTimeoutMs },
    );
    logger.info({ url: running.url, database: databases.handles[name]!.description }, `${name} subgraph ready`);
  } catch (error) {
    exitOnStartupFailure(name, error);
  }
}

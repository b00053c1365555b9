// Serves the gateway alone: npm run start:gateway. The subgraphs run elsewhere.
import "reflect-metadata";
import { loadConfig, subgraphUrls } from "../services/common/config.js";
import { exitOnStartupFailure } from "../services/common/fail.js";
import { createLogger } from "../services/common/logger.js";
import { stopOnSignals } from "../services/common/shutdown.js";
import { createGatewayServer } from "./server.js";
import { readSupergraph } from "./supergraph.js";

try {
  const config = loadConfig();
  const server = createGatewayServer({
    supergraphSdl: readSupergraph(),
    subgraphUrls: subgraphUrls(config),
    isProduction: config.isProduction,
  });
  const running = await server.listen(config.gatewayPort, config.host);
  stopOnSignals(() => running.stop());
  createLogger("gateway", config.logLevel).info({ url: running.url }, "gateway ready");
} catch (error) {
  exitOnStartupFailure("gateway", error);
}

// Starts the real thing for end-to-end tests: three subgraph HTTP servers on free ports,
// on one test database, and the gateway on the committed supergraph in front of them.
import { randomBytes } from "node:crypto";
import type { Logger } from "pino";
import type { DatabaseHandle } from "../../db/client.js";
import type { ApiKeyEntry } from "../../platform/config/api-keys.js";
import { readExamples } from "../../platform/metrics/example-operations.js";
import { createGatewayServer } from "../../gateway/server.js";
import type { OperationLimits } from "../../platform/config/gateway-defaults.js";
import { readSupergraph } from "../../gateway/supergraph.js";
import type { RunningServer } from "../../platform/http/http-server.js";
import { createSubgraphServer } from "../../services/kit/server/subgraph-server.js";
import { SUBGRAPHS, type SubgraphName } from "../../services/registry.js";

export interface RunningGraph {
  gatewayUrl: string;
  subgraphUrls: Record<SubgraphName, string>;
  /** What the gateway sends and the subgraphs demand, as in production. */
  subgraphSecret: string;
  stop(): Promise<void>;
}

export async function startGraph(
  handle: DatabaseHandle,
  options: {
    isProduction?: boolean;
    apiKeys?: readonly ApiKeyEntry[];
    operationLimits?: OperationLimits;
    operationCacheMaxBytes?: number;
    /** The gateway's response cache (RESPONSE_CACHE_MAX_BYTES); its default, on, when undefined. */
    responseCacheMaxBytes?: number;
    metricsToken?: string;
    logger?: Logger;
    /** The subgraphs run operations compiled by graphql-jit (SUBGRAPH_COMPILED_EXECUTION); on when undefined. */
    compiledExecution?: boolean;
    /** The gateway's single-fetch pass-through (GATEWAY_SINGLE_FETCH_PASSTHROUGH); on when undefined. */
    singleFetchPassthrough?: boolean;
    /** The gateway answers its response cache's hits before Express (GATEWAY_EARLY_CACHE_HITS); on when undefined. */
    earlyCacheHits?: boolean;
  } = {},
): Promise<RunningGraph> {
  const isProduction = options.isProduction ?? false;
  const subgraphSecret = randomBytes(24).toString("hex");
  const servers: RunningServer[] = [];
  const subgraphUrls = {} as Record<SubgraphName, string>;
  // As in production (scripts/start.ts, run-subgraph.ts): the subgraphs' /metrics name the example operations.
  const knownOperationNames = readExamples().map((example) => example.name);
  for (const subgraph of SUBGRAPHS) {
    const server = await createSubgraphServer(subgraph, handle.db, {
      isProduction,
      subgraphSecret,
      apiKeys: options.apiKeys,
      database: handle,
      operationCacheMaxBytes: options.operationCacheMaxBytes,
      metricsToken: options.metricsToken,
      knownOperationNames,
      compiledExecution: options.compiledExecution,
      // As `npm start` logs: one logger, each service's lines marked with its name.
      logger: options.logger?.child({ service: subgraph.name }),
    });
    const running = await server.listen(0, "127.0.0.1");
    servers.push(running);
    subgraphUrls[subgraph.name] = running.url;
  }
  const gateway = await createGatewayServer({
    supergraphSdl: readSupergraph(),
    subgraphUrls,
    isProduction,
    subgraphSecret,
    apiKeys: options.apiKeys,
    operationLimits: options.operationLimits,
    operationCacheMaxBytes: options.operationCacheMaxBytes,
    responseCacheMaxBytes: options.responseCacheMaxBytes,
    singleFetchPassthrough: options.singleFetchPassthrough,
    earlyCacheHits: options.earlyCacheHits,
    metricsToken: options.metricsToken,
    logger: options.logger?.child({ service: "gateway" }),
  }).listen(0, "127.0.0.1");
  servers.push(gateway);
  return {
    gatewayUrl: gateway.url,
    subgraphUrls,
    subgraphSecret,
    async stop() {
      for (const server of servers.reverse()) await server.stop();
    },
  };
}

export interface GraphQLResponse<TData = any> {
  data?: TData;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

/** POSTs an operation as a front-end would. */
export async function postGraphQL<TData = any>(url: string, query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<TData>> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResponse<TData>;
}

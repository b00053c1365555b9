import type { BaseContext } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginInlineTrace } from "@apollo/server/plugin/inlineTrace";
import type { Database, DatabaseHandle } from "../../../db/client.js";
import type { SubgraphDefinition } from "./subgraph-definition.js";
import type { Logger } from "pino";
import type { ApiKeyEntry } from "../../../platform/config/api-keys.js";
import { callerOf } from "../../../platform/http/caller.js";
import { logChangedIds } from "../../../platform/logging/changed-ids.js";
import { requestScope } from "../curation/request-scope.js";
import { reportChangedIdsPlugin } from "./report-changed-ids.js";
import { GraphQLHttpServer } from "../../../platform/http/http-server.js";
import { registerDatabaseMetrics } from "../../../platform/metrics/database-metrics.js";
import { servesMetrics } from "../../../platform/metrics/metrics-access.js";
import { ServiceMetrics } from "../../../platform/metrics/service-metrics.js";
import { subgraphReadinessChecks } from "../../../platform/http/readiness.js";
import { dataVersionListener } from "./data-version-route.js";
import { DATA_VERSION_PATH } from "../../../platform/http/data-version-path.js";
import { compiledExecution } from "./compiled-execution.js";
import { DEFAULT_OPERATION_CACHE_BYTES } from "../../../platform/graphql/operation-caches.js";
import { requireSubgraphSecret } from "../../../platform/http/subgraph-secret.js";

/** A subgraph's HTTP server on a database; each request gets a fresh context with fresh loaders. */
export async function createSubgraphServer(
  subgraph: SubgraphDefinition,
  db: Database,
  options: {
    isProduction: boolean;
    /** The secret the gateway must send; undefined leaves the subgraph open (development only). */
    subgraphSecret?: string;
    logger?: Logger;
    shutdownTimeoutMs?: number;
    /** Largest request body read (MAX_REQUEST_BODY_BYTES); 1 MB when undefined. */
    maxRequestBodyBytes?: number;
    /** Bytes each per-operation cache holds (OPERATION_CACHE_MAX_BYTES); 16 MiB when undefined. */
    operationCacheMaxBytes?: number;
    /** The API keys (MERIDIAN_API_KEYS) the subgraph checks the forwarded Authorization header against; none when undefined. */
    apiKeys?: readonly ApiKeyEntry[];
    /** Serve /metrics (METRICS_ENABLED); on when undefined, but in production only with `metricsToken`. */
    metrics?: boolean;
    /** The bearer token /metrics demands (METRICS_TOKEN); open when undefined (development only). */
    metricsToken?: string;
    /** Operation names counted under their own name in /metrics (the example operations); the rest count as "other". */
    knownOperationNames?: Iterable<string>;
    /** The database whose pool and statements /metrics reports (DatabaseHandle); not reported when undefined. */
    database?: Pick<DatabaseHandle, "poolUsage" | "statementsSent">;
    /** Answer a gateway that asks for a federated trace with one (SUBGRAPH_INLINE_TRACING); off when undefined. */
    inlineTracing?: boolean;
    /** Run operations compiled by graphql-jit (SUBGRAPH_COMPILED_EXECUTION); on when undefined. */
    compiledExecution?: boolean;
  },
): Promise<GraphQLHttpServer<BaseContext>> {
  const metricsAccess = { enabled: options.metrics, isProduction: options.isProduction, token: options.metricsToken };
  const metrics = !servesMetrics(metricsAccess) ? undefined : new ServiceMetrics({ service: subgraph.name, knownOperationNames: options.knownOperationNames });
  if (metrics && options.database) registerDatabaseMetrics(metrics.registry, options.database);
  const code = await subgraph.load();
  const guard = options.subgraphSecret === undefined ? undefined : requireSubgraphSecret(options.subgraphSecret);
  const schema = await code.buildSchema();
  // An inline trace times each field as graphql-js resolves it, which compiled execution does not report.
  const compiled = (options.compiledExecution ?? true) && !options.inlineTracing;
  return new GraphQLHttpServer<BaseContext>({
    ...(compiled ? { gateway: compiledExecution(schema, { maxBytes: options.operationCacheMaxBytes ?? DEFAULT_OPERATION_CACHE_BYTES, metrics }) } : { schema }),
    paths: ["/graphql"],
    introspection: !options.isProduction,
    // Inline traces are only read by Apollo's hosted studio, which this offline graph does not
    // use; tracing every field of a traced request costs time (bench/LEVERS.md).
    // Apollo's cache-control plugin (on unless disabled) computes a cache policy from @cacheControl
    // hints, which no type here gives, and to do so wraps every field's resolver: without it the
    // incidents subgraph spent 20–25% less CPU a request (docs/performance.md, "Levers").
    plugins: [
      options.inlineTracing ? ApolloServerPluginInlineTrace() : ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      reportChangedIdsPlugin(),
    ],
    // The caller is identified here again, from the forwarded key, not taken from the gateway's
    // word (caller.ts); the writes learn who the author is and note the IDs they change, which
    // the request's log line lists.
    apiKeys: options.apiKeys,
    createContext: (request) => {
      const caller = callerOf(request);
      const scope = requestScope(caller, request);
      logChangedIds(request, scope.changedIds);
      return { ...code.createContext(db, scope), caller, ...scope };
    },
    readinessChecks: subgraphReadinessChecks(db, subgraph),
    guard,
    // The gateway's response cache asks it before answering from the cache (gateway/response-cache.ts).
    earlyRoutes: { [DATA_VERSION_PATH]: dataVersionListener(db, { secret: options.subgraphSecret, logger: options.logger }) },
    logger: options.logger,
    subgraphName: subgraph.name,
    shutdownTimeoutMs: options.shutdownTimeoutMs,
    hideErrorDetails: options.isProduction,
    maxRequestBodyBytes: options.maxRequestBodyBytes,
    operationCacheMaxBytes: options.operationCacheMaxBytes,
    metrics,
    metricsToken: options.metricsToken,
  });
}

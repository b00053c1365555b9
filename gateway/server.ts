import { Supergraph } from "@apollo/federation-internals";
import { ApolloGateway } from "@apollo/gateway";
import { ApolloServerPluginLandingPageLocalDefault } from "@apollo/server/plugin/landingPage/default";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import type { Logger } from "pino";
import { GraphQLHttpServer } from "../platform/http/http-server.js";
import { gatewayReadinessChecks } from "../platform/http/readiness.js";
import { examplesDocument, readExamples } from "../platform/metrics/example-operations.js";
import { corsMiddleware } from "./cors.js";
import { graphiqlRoutes } from "./graphiql.js";
import { DEFAULT_OPERATION_LIMITS, DEFAULT_RESPONSE_CACHE_BYTES, DEFAULT_SUBGRAPH_BREAKER, type OperationLimits } from "../platform/config/gateway-defaults.js";
import { operationCostPlugin } from "./limits/cost-plugin.js";
import { refuseLongOperations } from "./limits/operation-length.js";
import { reportLimitCodes } from "./limits/error-codes.js";
import { operationShapeRule } from "./limits/shape-rule.js";
import { PERSISTED_OPERATIONS_PATH, createSafelist, persistedOperationTexts, readManifest } from "./persisted-operations.js";
import { DATA_VERSION_TIMEOUT_MS, subgraphDataVersions } from "./data-versions.js";
import { createResponseCache } from "./response-cache.js";
import { dataVersionReadMetrics } from "./data-version-metrics.js";
import type { ApiKeyEntry } from "../platform/config/api-keys.js";
import { type CorsOrigins, defaultCorsOrigins } from "../platform/config/cors-origins.js";
import { mutationAuthorizationPlugin } from "./mutation-authorization.js";
import { type GatewayContext, createGatewayContext } from "./request-context.js";
import { missingEntitiesPlugin } from "./missing-entities.js";
import { SubgraphDataSource } from "./subgraph-data-source.js";
import { passSingleFetchesThrough } from "./single-fetch.js";
import { createSubgraphFetcher } from "./subgraph-fetcher.js";
import { subgraphBreakerMetrics } from "./subgraph-breaker-metrics.js";
import { type SubgraphBreakerOptions, type SubgraphBreakerState, withCircuitBreaker } from "./subgraph-circuit-breaker.js";
import { subgraphFetchMetrics } from "./subgraph-fetch-metrics.js";
import { servesMetrics } from "../platform/metrics/metrics-access.js";
import { ServiceMetrics } from "../platform/metrics/service-metrics.js";
import { DEFAULT_OPERATION_CACHE_BYTES, queryPlanCache } from "../platform/graphql/operation-caches.js";

export interface GatewayOptions {
  supergraphSdl: string;
  /** Where each subgraph is reached; overrides the routing URLs in the supergraph. */
  subgraphUrls: Record<string, string>;
  isProduction: boolean;
  /** Sent to every subgraph in the meridian-subgraph-secret header; none when undefined. */
  subgraphSecret?: string;
  /** Deadline for one request to one subgraph (SUBGRAPH_TIMEOUT_MS). */
  subgraphTimeoutMs?: number;
  /** Keep connections to the subgraphs open between requests (SUBGRAPH_KEEP_ALIVE); on when undefined. */
  subgraphKeepAlive?: boolean;
  /** When each subgraph's circuit breaker opens and for how long (SUBGRAPH_BREAKER_*); the defaults when undefined. */
  subgraphBreaker?: Omit<SubgraphBreakerOptions, "onStateChange">;
  logger?: Logger;
  shutdownTimeoutMs?: number;
  /** With `safelist`, only the manifest's operations run (PERSISTED_OPERATIONS_SAFELIST). */
  persistedOperations?: { safelist: boolean; manifestPath?: string };
  /** What one operation may ask for (GATEWAY_MAX_*); the defaults when undefined. */
  operationLimits?: OperationLimits;
  /** Whether introspection is answered (GATEWAY_INTROSPECTION); in development only when undefined. */
  introspection?: boolean;
  /** Browser origins answered with CORS headers (CORS_ORIGINS); when undefined, this machine's in development, none in production. */
  corsOrigins?: CorsOrigins;
  /** Largest request body read (MAX_REQUEST_BODY_BYTES); 1 MB when undefined. */
  maxRequestBodyBytes?: number;
  /** The API keys (MERIDIAN_API_KEYS): mutations need an editor's; none when undefined. */
  apiKeys?: readonly ApiKeyEntry[];
  /** Serve /metrics (METRICS_ENABLED); on when undefined, but in production only with `metricsToken`. */
  metrics?: boolean;
  /** The bearer token /metrics demands (METRICS_TOKEN); open when undefined (development only). */
  metricsToken?: string;
  /** Bytes each per-operation cache holds: parsed documents, query plans, persisted queries (OPERATION_CACHE_MAX_BYTES). */
  operationCacheMaxBytes?: number;
  /** Bytes of answers the response cache keeps (RESPONSE_CACHE_MAX_BYTES); 0 turns it off; DEFAULT_RESPONSE_CACHE_BYTES when undefined. */
  responseCacheMaxBytes?: number;
  /** Answer response cache hits before Express (GATEWAY_EARLY_CACHE_HITS); on when undefined. */
  earlyCacheHits?: boolean;
  /** Answer a single-fetch operation needing no shaping with the subgraph's data as it came (GATEWAY_SINGLE_FETCH_PASSTHROUGH); on when undefined. */
  singleFetchPassthrough?: boolean;
}

type QueryPlanCache = NonNullable<NonNullable<ConstructorParameters<typeof ApolloGateway>[0]>["queryPlannerConfig"]>["cache"];
type QueryPlanCacheValue = Parameters<NonNullable<QueryPlanCache>["set"]>[1];

/**
 * An Apollo gateway on a static supergraph: it never introspects the subgraphs, so it
 * starts without them and composition problems are caught at build time (`npm run compose`).
 */
export function createGatewayServer(options: GatewayOptions): GraphQLHttpServer<GatewayContext> {
  // Otherwise the gateway exports usage telemetry to Apollo: Meridian sends nothing anywhere.
  process.env.APOLLO_TELEMETRY_DISABLED = "1";
  const examples = readExamples();
  // Requests by operation name (the examples' names always get their own series), latencies,
  // and each subgraph fetch's latency.
  const metricsAccess = { enabled: options.metrics, isProduction: options.isProduction, token: options.metricsToken };
  const metrics = !servesMetrics(metricsAccess)
    ? undefined
    : new ServiceMetrics({ service: "gateway", knownOperationNames: examples.map((example) => example.name) });
  const observeFetches = metrics ? subgraphFetchMetrics(metrics) : undefined;
  const cacheBytes = options.operationCacheMaxBytes ?? DEFAULT_OPERATION_CACHE_BYTES;
  const queryPlans = queryPlanCache<QueryPlanCacheValue>(cacheBytes);
  metrics?.watchCache("query_plans", queryPlans);
  const showBreakerStates = metrics ? subgraphBreakerMetrics(metrics) : undefined;
  // Subgraphs whose circuit breaker is open or half-open: the response cache steps aside for them (data-versions.ts).
  const failingSubgraphs = new Set<string>();
  const breakerStateListener = (name: string) => {
    const show = showBreakerStates?.(name);
    return (state: SubgraphBreakerState) => {
      show?.(state);
      if (state === "closed") failingSubgraphs.delete(name);
      else failingSubgraphs.add(name);
      options.logger?.[state === "closed" ? "info" : "warn"]({ subgraph: name, state }, `circuit breaker of the ${name} subgraph ${state.replace("_", "-")}`);
    };
  };
  const dataSources = new Map<string, SubgraphDataSource>();
  const apolloGateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    // Apollo's default sizes a plan by its JSON, a sixth to a ninth of what it keeps.
    queryPlannerConfig: { cache: queryPlans },
    // Every request to a subgraph carries the secret, the request ID and the caller's
    // Authorization header (subgraph-data-source.ts), and is fetched under the timeout,
    // behind the subgraph's circuit breaker.
    buildService: ({ name, url }) => {
      const dataSource = new SubgraphDataSource({
        url: options.subgraphUrls[name] ?? url,
        fetcher: withCircuitBreaker(
          name,
          createSubgraphFetcher(name, {
            timeoutMs: options.subgraphTimeoutMs ?? 10_000,
            keepAlive: options.subgraphKeepAlive ?? true,
            observe: observeFetches?.(name),
          }),
          { ...(options.subgraphBreaker ?? DEFAULT_SUBGRAPH_BREAKER), onStateChange: breakerStateListener(name) },
        ),
        subgraphSecret: options.subgraphSecret,
      });
      dataSources.set(name, dataSource);
      return dataSource;
    },
  });
  const gateway =
    options.singleFetchPassthrough === false
      ? apolloGateway
      : passSingleFetchesThrough(apolloGateway, {
          supergraph: Supergraph.build(options.supergraphSdl),
          dataSources,
          queryPlans,
          metrics,
        });
  const manifestPath = options.persistedOperations?.manifestPath ?? PERSISTED_OPERATIONS_PATH;
  const manifest = options.persistedOperations?.safelist ? readManifest(manifestPath) : undefined;
  const safelist = manifest ? createSafelist(manifest, cacheBytes) : undefined;
  const responseCacheBytes = options.responseCacheMaxBytes ?? DEFAULT_RESPONSE_CACHE_BYTES;
  const responseCache =
    responseCacheBytes === 0
      ? undefined
      : createResponseCache({
          maxBytes: responseCacheBytes,
          dataVersions: subgraphDataVersions(options.subgraphUrls, {
            subgraphSecret: options.subgraphSecret,
            timeoutMs: Math.min(options.subgraphTimeoutMs ?? 10_000, DATA_VERSION_TIMEOUT_MS),
            isFailing: (name) => failingSubgraphs.has(name),
            observe: metrics ? dataVersionReadMetrics(metrics) : undefined,
          }),
          queryPlans,
          // A GET that sends only a persisted operation's hash is keyed by the manifest's text.
          persistedOperations: persistedOperationTexts(manifest ?? readManifest(manifestPath)),
          metrics,
        });
  if (safelist) metrics?.watchCache("persisted_queries", safelist.registrations);
  const limits = options.operationLimits ?? DEFAULT_OPERATION_LIMITS;
  return new GraphQLHttpServer({
    gateway,
    parseOptions: { maxTokens: limits.maxTokens },
    validationRules: [operationShapeRule(limits)],
    formatError: reportLimitCodes,
    hideErrorDetails: options.isProduction,
    maxRequestBodyBytes: options.maxRequestBodyBytes,
    requestChecks: [refuseLongOperations(limits.maxOperationLength)],
    responseCache: responseCache?.middleware,
    // Hits answered before Express, after the same checks (GATEWAY_EARLY_CACHE_HITS=false turns it off).
    earlyAnswerer: options.earlyCacheHits === false ? undefined : responseCache?.earlyAnswerer({ maxOperationLength: limits.maxOperationLength }),
    operationCacheMaxBytes: cacheBytes,
    paths: ["/", "/graphql"],
    cors: corsMiddleware(options.corsOrigins ?? defaultCorsOrigins(options.isProduction)),
    introspection: options.introspection ?? !options.isProduction,
    plugins: [
      operationCostPlugin(limits),
      mutationAuthorizationPlugin(),
      missingEntitiesPlugin(),
      options.isProduction
        ? ApolloServerPluginLandingPageDisabled()
        : // Sandbox takes one document when run locally: every example in it, the seed story first.
          ApolloServerPluginLandingPageLocalDefault({ embed: true, document: examplesDocument(examples) }),
      ...(safelist ? [safelist.plugin] : []),
    ],
    persistedQueries: safelist?.persistedQueries,
    // The offline explorer, like Sandbox, in development only.
    routes: options.isProduction ? undefined : graphiqlRoutes(examples),
    apiKeys: options.apiKeys,
    createContext: createGatewayContext,
    readinessChecks: gatewayReadinessChecks(options.subgraphUrls),
    logger: options.logger,
    shutdownTimeoutMs: options.shutdownTimeoutMs,
    metrics,
    metricsToken: options.metricsToken,
  });
}

import http from "node:http";
import type { AddressInfo } from "node:net";
import { ApolloServer, type ApolloServerPlugin, type BaseContext, type PersistedQueryOptions } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import type { GatewayInterface } from "@apollo/server-gateway-interface";
import { expressMiddleware } from "@as-integrations/express5";
import express from "express";
import type { GraphQLFormattedError, GraphQLSchema, ParseOptions, ValidationRule } from "graphql";
import type { Logger } from "pino";
import { formatArgumentErrors } from "../graphql/argument-errors.js";
import { graphqlMetricsPlugin } from "../metrics/graphql-metrics-plugin.js";
import { requireMetricsToken } from "../metrics/metrics-access.js";
import { METRICS_PATH, type ServiceMetrics } from "../metrics/service-metrics.js";
import { hideErrorDetails } from "../graphql/error-details.js";
import { DEFAULT_OPERATION_CACHE_BYTES, parsedDocumentCache, persistedQueryCache } from "../graphql/operation-caches.js";
import { operationResolutionPlugin } from "../graphql/operation-resolution.js";
import { refuseMismatchedPersistedQueryHash } from "../graphql/persisted-query-hash.js";
import { inputStringsPlugin } from "../graphql/input-strings.js";
import { internalErrorLogPlugin } from "../logging/internal-error-log.js";
import { type ReadinessCheck, readinessRoute } from "./readiness.js";
import { assignRequestId, logRequests, rememberRequest, requestLogPlugin } from "../logging/request-log.js";
import type { ApiKeyEntry } from "../config/api-keys.js";
import { identifyCallers } from "./caller.js";
import { DEFAULT_MAX_REQUEST_BODY_BYTES, readJsonBody } from "./request-body.js";
import { type EarlyAnswerer, earlyAnswers, pathOf } from "./early-answers.js";

export interface GraphQLHttpServerOptions<TContext extends BaseContext> {
  /** A subgraph's schema, or a gateway. */
  schema?: GraphQLSchema;
  gateway?: GatewayInterface;
  /** Paths the GraphQL endpoint answers on. */
  paths: string[];
  introspection: boolean;
  plugins?: ApolloServerPlugin<TContext>[];
  /** Reads the caller identified from the request's API key with callerOf (caller.ts). */
  createContext: (request: express.Request) => Promise<TContext> | TContext;
  /** The API keys (MERIDIAN_API_KEYS) a caller is identified by, for the context and the log line; none when undefined. */
  apiKeys?: readonly ApiKeyEntry[];
  /** What `/ready` checks; without checks it answers ready whenever the process is alive. */
  readinessChecks?: Record<string, ReadinessCheck>;
  /** Runs first on the GraphQL paths, answering preflights itself: the gateway's CORS; subgraphs have none. */
  cors?: express.RequestHandler[];
  /** Runs before the GraphQL endpoint, e.g. the subgraph secret check. */
  guard?: express.RequestHandler;
  /** Routes served beside the GraphQL endpoint, e.g. the gateway's /graphiql. */
  routes?: express.Router;
  /**
   * GET paths answered before Express, by the exact path: ones machines ask many times a second
   * (a subgraph's data version), where Express's routing and middleware would cost most of the
   * answer. They get no request ID and no log line; any other method or a query string goes to Express.
   */
  earlyRoutes?: Record<string, http.RequestListener>;
  /**
   * Answers GraphQL GETs and POSTs on `paths` before Express where it can (the gateway's response
   * cache hits), reading them as Express's chain does (early-answers.ts); the rest go on to Express.
   */
  earlyAnswerer?: EarlyAnswerer;
  /** Counted requests and GET /metrics (no subgraph secret needed, like /health); none when undefined. */
  metrics?: ServiceMetrics;
  /** The bearer token a scrape of /metrics must carry (METRICS_TOKEN); open when undefined. */
  metricsToken?: string;
  /** Automatic persisted queries: on, in a cache of `operationCacheMaxBytes`, when undefined. */
  persistedQueries?: PersistedQueryOptions | false;
  /** Bytes each per-operation cache (parsed documents, persisted queries) holds (OPERATION_CACHE_MAX_BYTES). */
  operationCacheMaxBytes?: number;
  /** Run once the body is read and before Apollo sees the request, e.g. the gateway's operation length limit. */
  requestChecks?: express.RequestHandler[];
  /** Answers repeated reads before Apollo, after every check (the gateway's response cache); none when undefined. */
  responseCache?: express.RequestHandler;
  /** Where the one line per request and the causes of internal errors go; none when undefined. */
  logger?: Logger;
  /** The subgraph this server is, named in the log lines of its internal errors; undefined at the gateway. */
  subgraphName?: string;
  /** How long stopping waits for in-flight requests before closing their connections. */
  shutdownTimeoutMs?: number;
  /** Production: no stack traces, internal error messages or schema suggestions in errors. */
  hideErrorDetails?: boolean;
  /** Largest request body read; a larger one gets 413 (MAX_REQUEST_BODY_BYTES). */
  maxRequestBodyBytes?: number;
  /** Parser limits, e.g. the gateway's token limit. */
  parseOptions?: ParseOptions;
  /** Rules run with graphql's own validation, e.g. the gateway's operation limits. */
  validationRules?: ValidationRule[];
  /** Rewrites an error before it is sent, after the common rewrites. */
  formatError?: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
}

export interface RunningServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * An Apollo server on Express with a liveness route. Building is separate from listening so
 * that tests can start a server on a free port (port 0) and stop it.
 */
export class GraphQLHttpServer<TContext extends BaseContext> {
  private readonly app = express();
  private readonly httpServer: http.Server;
  private readonly apollo: ApolloServer<TContext>;

  constructor(private readonly options: GraphQLHttpServerOptions<TContext>) {
    const earlyRoutes = new Map(Object.entries(options.earlyRoutes ?? {}));
    const graphqlPaths = new Set(options.paths);
    const answerEarly = options.earlyAnswerer
      ? earlyAnswers({
          answerer: options.earlyAnswerer,
          cors: options.cors ?? [],
          apiKeys: options.apiKeys ?? [],
          maxRequestBodyBytes: options.maxRequestBodyBytes ?? DEFAULT_MAX_REQUEST_BODY_BYTES,
          logger: options.logger,
        })
      : undefined;
    this.httpServer = http.createServer((request, response) => {
      const url = request.url ?? "";
      const early = request.method === "GET" ? earlyRoutes.get(url) : undefined;
      if (early) return early(request, response);
      // A guard (the subgraphs' secret) would have to be checked first: only a server without one answers early.
      if (answerEarly && !options.guard && (request.method === "GET" || request.method === "POST") && graphqlPaths.has(pathOf(url))) {
        return answerEarly(request, response, () => this.app(request, response));
      }
      this.app(request, response);
    });
    // Apollo's own caches size a parsed document by its JSON alone, so distinct large
    // operations filled the heap; these count what each entry keeps (operation-caches.ts).
    const cacheBytes = options.operationCacheMaxBytes ?? DEFAULT_OPERATION_CACHE_BYTES;
    const documentStore = parsedDocumentCache(cacheBytes);
    options.metrics?.watchCache("parsed_documents", documentStore);
    let persistedQueries = options.persistedQueries;
    if (persistedQueries === undefined) {
      const cache = persistedQueryCache(cacheBytes);
      options.metrics?.watchCache("persisted_queries", cache);
      persistedQueries = { cache };
    }
    const common = {
      introspection: options.introspection,
      formatError: (formatted: GraphQLFormattedError, error: unknown) => {
        const rewritten = options.formatError ? options.formatError(formatArgumentErrors(formatted, error), error) : formatArgumentErrors(formatted, error);
        return options.hideErrorDetails ? hideErrorDetails(rewritten) : rewritten;
      },
      // Apollo decides by NODE_ENV alone; production here is the configuration's isProduction.
      includeStacktraceInErrorResponses: options.hideErrorDetails ? false : undefined,
      hideSchemaDetailsFromClientErrors: options.hideErrorDetails ?? false,
      parseOptions: options.parseOptions,
      validationRules: options.validationRules,
      // Apollo's defaults, stated because scanners check them: one operation per request, and
      // no simple requests (form posts, text/plain) that a browser sends cross-site unasked.
      allowBatchedHttpRequests: false,
      csrfPrevention: true,
      // Apollo would stop itself on SIGINT and re-raise the signal, killing the process
      // before the database is closed; the process's own shutdown stops the servers instead.
      stopOnTerminationSignals: false,
      documentStore,
      persistedQueries,
      plugins: [
        ApolloServerPluginDrainHttpServer({ httpServer: this.httpServer, stopGracePeriodMillis: options.shutdownTimeoutMs }),
        ...(options.logger ? [requestLogPlugin<TContext>(), internalErrorLogPlugin<TContext>(options.logger, options.subgraphName)] : []),
        ...(options.metrics ? [graphqlMetricsPlugin<TContext>(options.metrics)] : []),
        operationResolutionPlugin<TContext>(),
        ...(options.plugins ?? []),
        // Last, so that a caller without the key a mutation needs hears that first.
        inputStringsPlugin<TContext>(),
      ],
    };
    this.apollo = options.gateway
      ? new ApolloServer<TContext>({ ...common, gateway: options.gateway })
      : new ApolloServer<TContext>({ ...common, schema: options.schema! });
    // Nobody needs to be told which framework answers; answers sent before Express say nothing of it either.
    this.app.disable("x-powered-by");
    this.app.use(assignRequestId());
    if (options.logger) this.app.use(logRequests(options.logger));
    this.app.get("/health", (_request, response) => {
      response.json({ status: "ok" });
    });
    this.app.get("/ready", readinessRoute(options.readinessChecks ?? {}));
    if (options.metrics) {
      this.app.get(METRICS_PATH, ...(options.metricsToken === undefined ? [] : [requireMetricsToken(options.metricsToken)]), options.metrics.route());
    }
    if (options.routes) this.app.use(options.routes);
  }

  async listen(port: number, host: string): Promise<RunningServer> {
    await this.apollo.start();
    this.app.use(
      this.options.paths,
      ...(this.options.cors ?? []),
      ...(this.options.guard ? [this.options.guard] : []),
      identifyCallers(this.options.apiKeys ?? []),
      ...readJsonBody(this.options.maxRequestBodyBytes ?? DEFAULT_MAX_REQUEST_BODY_BYTES),
      ...(this.options.requestChecks ?? []),
      refuseMismatchedPersistedQueryHash(),
      ...(this.options.responseCache ? [this.options.responseCache] : []),
      expressMiddleware(this.apollo, { context: async ({ req }) => rememberRequest(await this.options.createContext(req), req) }),
    );
    await new Promise<void>((resolve, reject) => {
      this.httpServer.once("error", reject);
      this.httpServer.listen(port, host, () => resolve());
    });
    const actualPort = (this.httpServer.address() as AddressInfo).port;
    const displayHost = host === "0.0.0.0" || host === "::" ? "localhost" : host;
    return {
      url: `http://${displayHost}:${actualPort}${this.options.paths[0]}`,
      port: actualPort,
      stop: () => this.apollo.stop(),
    };
  }
}

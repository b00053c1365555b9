// The one place that reads the environment. Every process parses it once at start, and a
// bad value stops the process with every problem listed at once. It knows no subgraph by
// name: each one it is given gets its own variables (<NAME>_PORT, <NAME>_URL,
// <NAME>_DATABASE_URL); services/config.ts gives it the registered ones.
import { z } from "zod";
import { DEFAULT_OPERATION_LIMITS as limits, DEFAULT_RESPONSE_CACHE_BYTES, DEFAULT_SUBGRAPH_BREAKER, type OperationLimits } from "./gateway-defaults.js";
import { type ApiKeyEntry, parseApiKeyEntries } from "./api-keys.js";
import { type CorsOrigins, defaultCorsOrigins, parseCorsOrigins } from "./cors-origins.js";
import { DEFAULT_OPERATION_CACHE_BYTES } from "../graphql/operation-caches.js";
import { DEFAULT_MAX_REQUEST_BODY_BYTES } from "../http/request-body.js";

const port = z.coerce.number().int().min(1).max(65535);
const postgresUrl = z
  .string()
  .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
  .optional();
const flag = z.enum(["true", "false", "1", "0"]).transform((value) => value === "true" || value === "1");

/** What the configuration needs to know of a subgraph: the name its variables start with, and its port unless one is set. */
export interface ConfiguredSubgraph<TName extends string = string> {
  name: TName;
  defaultPort: number;
}

/** The variable that sets one thing of one subgraph: ACTORS_PORT, ACTORS_URL, ACTORS_DATABASE_URL. */
function subgraphVariable(subgraph: ConfiguredSubgraph, setting: "PORT" | "URL" | "DATABASE_URL"): string {
  return `${subgraph.name.toUpperCase()}_${setting}`;
}

const leadingVariables = {
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  HOST: z.string().min(1).default("localhost"),
  GATEWAY_PORT: port.default(4000),
};

const sharedDatabaseVariable = {
  // The database of every subgraph without one of its own.
  DATABASE_URL: postgresUrl,
};

const trailingVariables = {
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  // On: every statement with parameters is prepared once per connection and reused (one round
  // trip a statement instead of two; bench/LEVERS.md). Set it off behind poolers that hand each
  // transaction a different server connection (PgBouncer in transaction mode), where a
  // statement prepared on one connection is unknown on the next.
  DATABASE_PREPARED_STATEMENTS: flag.default(true),
  PGLITE_DATA_DIR: z.string().min(1).default(".data/pglite"),
  SEED_ON_START: flag.default(true),
  // Operation limits at the gateway (gateway/limits/): what one operation may ask for.
  GATEWAY_MAX_OPERATION_LENGTH: z.coerce.number().int().min(1).default(limits.maxOperationLength),
  GATEWAY_MAX_DEPTH: z.coerce.number().int().min(1).default(limits.maxDepth),
  GATEWAY_MAX_ALIASES: z.coerce.number().int().min(0).default(limits.maxAliases),
  GATEWAY_MAX_ROOT_FIELDS: z.coerce.number().int().min(1).default(limits.maxRootFields),
  GATEWAY_MAX_TOKENS: z.coerce.number().int().min(1).default(limits.maxTokens),
  GATEWAY_MAX_DIRECTIVES_PER_FIELD: z.coerce.number().int().min(0).default(limits.maxDirectivesPerField),
  GATEWAY_MAX_COST: z.coerce.number().int().min(1).default(limits.maxCost),
  GATEWAY_DEFAULT_LIST_SIZE: z.coerce.number().int().min(0).default(limits.defaultListSize),
  // Schema introspection at the gateway: on in development, off in production unless set.
  GATEWAY_INTROSPECTION: flag.optional(),
  // Browser pages on other origins that may call the gateway (CORS): comma-separated origins or
  // `*`; unset, any page on this machine in development and none in production.
  CORS_ORIGINS: z
    .string()
    .optional()
    .transform((text, context) => {
      if (text === undefined) return undefined;
      const { origins, problems } = parseCorsOrigins(text);
      for (const problem of problems) context.addIssue({ code: "custom", message: problem });
      return origins;
    }),
  MAX_REQUEST_BODY_BYTES: z.coerce.number().int().min(1024).default(DEFAULT_MAX_REQUEST_BODY_BYTES),
  // Each per-operation cache (parsed documents, query plans, persisted queries) of every server.
  OPERATION_CACHE_MAX_BYTES: z.coerce.number().int().min(0).default(DEFAULT_OPERATION_CACHE_BYTES),
  // The gateway's answers to repeated reads, exact under writes (gateway/response-cache.ts); 0 turns it off.
  RESPONSE_CACHE_MAX_BYTES: z.coerce.number().int().min(0).default(DEFAULT_RESPONSE_CACHE_BYTES),
  // Private subgraphs: the gateway sends it, each subgraph demands it (see subgraph-secret.ts).
  SUBGRAPH_SECRET: z.string().min(16, "must be at least 16 characters").optional(),
  SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  // The gateway's circuit breaker per subgraph: open after this many failures in a row, for this long.
  SUBGRAPH_BREAKER_FAILURES: z.coerce.number().int().min(1).max(1_000).default(DEFAULT_SUBGRAPH_BREAKER.consecutiveFailures),
  SUBGRAPH_BREAKER_COOLDOWN_MS: z.coerce.number().int().min(100).max(600_000).default(DEFAULT_SUBGRAPH_BREAKER.cooldownMs),
  // Off: a new connection per subgraph request, for load balancers that spread connections rather than requests.
  SUBGRAPH_KEEP_ALIVE: flag.default(true),
  // On: a subgraph answers a gateway that asks for a federated trace (ftv1) with one.
  SUBGRAPH_INLINE_TRACING: flag.default(false),
  // On: the subgraphs run operations compiled by graphql-jit (bench/LEVERS.md, "compiled execution").
  SUBGRAPH_COMPILED_EXECUTION: flag.default(true),
  // On: the gateway sends an answer that one subgraph gave in the shape asked for as it came, unshaped (gateway/single-fetch.ts).
  GATEWAY_SINGLE_FETCH_PASSTHROUGH: flag.default(true),
  // On: the gateway answers its response cache's hits before Express (platform/http/early-answers.ts).
  GATEWAY_EARLY_CACHE_HITS: flag.default(true),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  // GET /metrics (Prometheus) on the gateway and every subgraph, without the subgraph secret.
  METRICS_ENABLED: flag.default(true),
  // The bearer token /metrics demands; in production /metrics is served only with one.
  METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  // Production lock-down: the gateway runs only the operations in its persisted operation manifest.
  PERSISTED_OPERATIONS_SAFELIST: flag.default(false),
  PERSISTED_OPERATIONS_MANIFEST: z.string().min(1).optional(),
  // API keys as "name:role:sha256hex" entries (roles reader, editor), comma-separated: only
  // hashes are configured; `npm run api-key -- --name alice --role editor` makes a key and its
  // entry. An entry without a name (made before keys had one) is named by its hash's start.
  MERIDIAN_API_KEYS: z
    .string()
    .default("")
    .transform((text, context) => {
      const { entries, problems } = parseApiKeyEntries(text);
      for (const problem of problems) context.addIssue({ code: "custom", message: problem });
      return entries;
    }),
};

const sharedSchema = z.object({ ...leadingVariables, ...sharedDatabaseVariable, ...trailingVariables });

/** The variables every process reads, whichever subgraphs it has. */
export type Environment = z.infer<typeof sharedSchema>;

// The shared variables with each subgraph's own: their ports and URLs after GATEWAY_PORT,
// their database URLs after DATABASE_URL, the order in which problems are reported.
function environmentSchema(subgraphs: readonly ConfiguredSubgraph[]) {
  const each = (setting: "PORT" | "URL" | "DATABASE_URL", type: (subgraph: ConfiguredSubgraph) => z.ZodType) =>
    Object.fromEntries(subgraphs.map((subgraph) => [subgraphVariable(subgraph, setting), type(subgraph)]));
  return z.object({
    ...leadingVariables,
    ...each("PORT", (subgraph) => port.default(subgraph.defaultPort)),
    ...each("URL", () => z.url().optional()),
    ...sharedDatabaseVariable,
    ...each("DATABASE_URL", () => postgresUrl),
    ...trailingVariables,
  });
}

/** Every variable Meridian reads with these subgraphs, for checks that deployment files name only real ones. */
export function environmentVariables(subgraphs: readonly ConfiguredSubgraph[]): string[] {
  return Object.keys(environmentSchema(subgraphs).shape);
}

export interface SubgraphSettings {
  port: number;
  url: string;
  databaseUrl: string | undefined;
}

export interface Config<TName extends string = string> {
  isProduction: boolean;
  logLevel: Environment["LOG_LEVEL"];
  host: string;
  gatewayPort: number;
  subgraphs: Record<TName, SubgraphSettings>;
  databasePoolMax: number;
  /** Whether the subgraphs' statements are prepared (named, reused per connection). */
  databasePreparedStatements: boolean;
  pgliteDataDir: string;
  seedOnStart: boolean;
  operationLimits: OperationLimits;
  /** Whether the gateway answers introspection. */
  introspection: boolean;
  /** Largest request body any service reads; larger ones get 413. */
  maxRequestBodyBytes: number;
  /** Which browser origins the gateway answers with CORS headers. */
  corsOrigins: CorsOrigins;
  /** Bytes each per-operation cache of a server holds at most. */
  operationCacheMaxBytes: number;
  /** The gateway's response cache, in bytes of answers; 0 is off. */
  responseCacheMaxBytes: number;
  /** Whether the gateway sends a single-fetch answer of the shape asked for as the subgraph gave it (gateway/single-fetch.ts). */
  gatewaySingleFetchPassthrough: boolean;
  /** Answer the response cache's hits before Express (GATEWAY_EARLY_CACHE_HITS). */
  gatewayEarlyCacheHits: boolean;
  /** The shared secret between gateway and subgraphs; undefined outside production means none. */
  subgraphSecret: string | undefined;
  /** How long the gateway waits for one subgraph request before giving up on it. */
  subgraphTimeoutMs: number;
  /** Whether the gateway keeps its connections to the subgraphs open between requests. */
  subgraphKeepAlive: boolean;
  /** After how many failures in a row the gateway stops calling a subgraph, and for how long before it probes it. */
  subgraphBreaker: { consecutiveFailures: number; cooldownMs: number };
  /** Whether the subgraphs answer `apollo-federation-include-trace: ftv1` with an inline trace. */
  subgraphInlineTracing: boolean;
  /** Whether the subgraphs run operations compiled by graphql-jit rather than graphql-js's execution. */
  subgraphCompiledExecution: boolean;
  /** How long a stopping process lets in-flight requests finish. */
  shutdownTimeoutMs: number;
  /** Whether the gateway and the subgraphs serve /metrics. */
  metricsEnabled: boolean;
  /** The bearer token /metrics demands; without one, production serves no /metrics. */
  metricsToken: string | undefined;
  /** Whether the gateway refuses operations not in the manifest, and which manifest (the committed one when undefined). */
  persistedOperations: { safelist: boolean; manifestPath: string | undefined };
  /** The API keys' roles and hashes; without any, nobody may run mutations. */
  apiKeys: ApiKeyEntry[];
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** The configuration of a process serving these subgraphs (or reaching them, for the gateway). */
export function parseConfig<TName extends string>(env: NodeJS.ProcessEnv, subgraphs: readonly ConfiguredSubgraph<TName>[]): Config<TName> {
  const parsed = environmentSchema(subgraphs).safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));
  }
  const e = parsed.data as Environment;
  const subgraphValues = parsed.data as Record<string, unknown>;
  const settingsOf = (subgraph: ConfiguredSubgraph<TName>): SubgraphSettings => {
    const port = subgraphValues[subgraphVariable(subgraph, "PORT")] as number;
    return {
      port,
      // The gateway reaches a subgraph at its URL; by default the one this machine serves.
      url: (subgraphValues[subgraphVariable(subgraph, "URL")] as string | undefined) ?? `http://localhost:${port}/graphql`,
      // Each subgraph may have a database of its own, else the shared one.
      databaseUrl: (subgraphValues[subgraphVariable(subgraph, "DATABASE_URL")] as string | undefined) ?? e.DATABASE_URL,
    };
  };
  return {
    isProduction: e.NODE_ENV === "production",
    logLevel: e.LOG_LEVEL,
    host: e.HOST,
    gatewayPort: e.GATEWAY_PORT,
    subgraphs: Object.fromEntries(subgraphs.map((subgraph) => [subgraph.name, settingsOf(subgraph)])) as Record<TName, SubgraphSettings>,
    databasePoolMax: e.DATABASE_POOL_MAX,
    databasePreparedStatements: e.DATABASE_PREPARED_STATEMENTS,
    pgliteDataDir: e.PGLITE_DATA_DIR,
    seedOnStart: e.SEED_ON_START,
    operationLimits: {
      maxOperationLength: e.GATEWAY_MAX_OPERATION_LENGTH,
      maxDepth: e.GATEWAY_MAX_DEPTH,
      maxAliases: e.GATEWAY_MAX_ALIASES,
      maxRootFields: e.GATEWAY_MAX_ROOT_FIELDS,
      maxTokens: e.GATEWAY_MAX_TOKENS,
      maxDirectivesPerField: e.GATEWAY_MAX_DIRECTIVES_PER_FIELD,
      maxCost: e.GATEWAY_MAX_COST,
      defaultListSize: e.GATEWAY_DEFAULT_LIST_SIZE,
    },
    introspection: e.GATEWAY_INTROSPECTION ?? e.NODE_ENV !== "production",
    maxRequestBodyBytes: e.MAX_REQUEST_BODY_BYTES,
    corsOrigins: e.CORS_ORIGINS ?? defaultCorsOrigins(e.NODE_ENV === "production"),
    operationCacheMaxBytes: e.OPERATION_CACHE_MAX_BYTES,
    responseCacheMaxBytes: e.RESPONSE_CACHE_MAX_BYTES,
    gatewaySingleFetchPassthrough: e.GATEWAY_SINGLE_FETCH_PASSTHROUGH,
    gatewayEarlyCacheHits: e.GATEWAY_EARLY_CACHE_HITS,
    subgraphSecret: e.SUBGRAPH_SECRET,
    subgraphTimeoutMs: e.SUBGRAPH_TIMEOUT_MS,
    subgraphKeepAlive: e.SUBGRAPH_KEEP_ALIVE,
    subgraphBreaker: { consecutiveFailures: e.SUBGRAPH_BREAKER_FAILURES, cooldownMs: e.SUBGRAPH_BREAKER_COOLDOWN_MS },
    subgraphInlineTracing: e.SUBGRAPH_INLINE_TRACING,
    subgraphCompiledExecution: e.SUBGRAPH_COMPILED_EXECUTION,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    metricsEnabled: e.METRICS_ENABLED,
    metricsToken: e.METRICS_TOKEN,
    persistedOperations: { safelist: e.PERSISTED_OPERATIONS_SAFELIST, manifestPath: e.PERSISTED_OPERATIONS_MANIFEST },
    apiKeys: e.MERIDIAN_API_KEYS,
  };
}

/** Where the gateway reaches each subgraph. */
export function subgraphUrls<TName extends string>(config: Config<TName>): Record<TName, string> {
  return Object.fromEntries(Object.entries<SubgraphSettings>(config.subgraphs).map(([name, settings]) => [name, settings.url])) as Record<TName, string>;
}

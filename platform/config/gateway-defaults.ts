// The gateway's defaults: here, below the gateway, because the configuration fills them in
// when a variable is not set (GATEWAY_MAX_*, SUBGRAPH_BREAKER_*), and the configuration
// imports nothing above the platform.

export interface OperationLimits {
  /** Characters in the operation's text, comments and string values included, which tokens do not bound. */
  maxOperationLength: number;
  /** Deepest field nesting; introspection is bounded separately (graphql's MaxIntrospectionDepthRule). */
  maxDepth: number;
  /** Aliased fields in one operation, fragments included: many aliases repeat one expensive field. */
  maxAliases: number;
  /** Top-level fields in one operation: each is a separate query plan. */
  maxRootFields: number;
  /** Tokens the parser reads before giving up: bounds the work of parsing and validating. */
  maxTokens: number;
  /** Directives on one field (or fragment): unknown ones each cost a validation error. */
  maxDirectivesPerField: number;
  /** Largest estimated cost; see gateway/limits/cost.ts for how the estimate is made. */
  maxCost: number;
  /** Assumed length of a list without a `first` argument, for the cost estimate. */
  defaultListSize: number;
}

/**
 * Roomy enough for every example operation, the Sandbox's introspection and the test suites
 * (measured: at most 9 levels deep, 2 aliases, 2 root fields, 184 tokens, a cost of 3,022,
 * 1,539 characters), tight enough to refuse what scanners send. A dashboard of 500 incidents
 * with their places and participants costs 17,002. The length allows 21 times the longest
 * example, about what 2,000 tokens take pretty-printed with long names and indentation.
 */
export const DEFAULT_OPERATION_LIMITS: OperationLimits = {
  maxOperationLength: 32_768,
  maxDepth: 12,
  maxAliases: 30,
  maxRootFields: 20,
  maxTokens: 2_000,
  maxDirectivesPerField: 4,
  maxCost: 25_000,
  defaultListSize: 10,
};

// Five failures in a row is no accident. A subgraph that is back is found within five
// seconds; one that is not costs one probe request every five seconds.
export const DEFAULT_SUBGRAPH_BREAKER = { consecutiveFailures: 5, cooldownMs: 5_000 } as const;

/** Bytes of answers the gateway's response cache keeps (RESPONSE_CACHE_MAX_BYTES). */
export const DEFAULT_RESPONSE_CACHE_BYTES = 32 * 1024 * 1024;

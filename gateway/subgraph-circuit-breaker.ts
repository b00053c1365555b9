// A circuit breaker per subgraph, around its fetcher: after a run of consecutive failures
// (timeouts, refused connections, 5xx answers) the gateway stops calling the subgraph for a
// cool-down and answers at once with SUBGRAPH_UNAVAILABLE, so that a hung subgraph costs
// operations touching it a partial answer, not the whole timeout each, and leaves the
// gateway's capacity to the others. After the cool-down one request goes through as a probe:
// its success closes the breaker, its failure opens it for another cool-down.
import type { Fetcher } from "@apollo/utils.fetcher";
import { BrokenCircuitError, CircuitState, ConsecutiveBreaker, circuitBreaker, handleAll } from "cockatiel";
import { GraphQLError } from "graphql";

export interface SubgraphBreakerOptions {
  /** Consecutive failed requests that open the breaker (SUBGRAPH_BREAKER_FAILURES). */
  consecutiveFailures: number;
  /** How long it stays open before a probe may go through (SUBGRAPH_BREAKER_COOLDOWN_MS). */
  cooldownMs: number;
  /** Told of every change, for the gateway's metrics and log. */
  onStateChange?: (state: SubgraphBreakerState) => void;
}

export type SubgraphBreakerState = "closed" | "open" | "half_open";

const STATE_NAMES: Record<CircuitState, SubgraphBreakerState> = {
  [CircuitState.Closed]: "closed",
  [CircuitState.Open]: "open",
  [CircuitState.HalfOpen]: "half_open",
  // Only reached through isolate(), which the gateway never calls.
  [CircuitState.Isolated]: "open",
};

export function withCircuitBreaker(
  subgraphName: string,
  fetcher: Fetcher,
  { consecutiveFailures, cooldownMs, onStateChange }: SubgraphBreakerOptions,
): Fetcher {
  // A 5xx answer is the subgraph (or a proxy before it) failing; a 4xx is a request it refused, and counts as an answer.
  const failures = handleAll.orWhenResult((response) => (response as Awaited<ReturnType<Fetcher>>).status >= 500);
  const breaker = circuitBreaker(failures, { halfOpenAfter: cooldownMs, breaker: new ConsecutiveBreaker(consecutiveFailures) });
  breaker.onStateChange((state) => onStateChange?.(STATE_NAMES[state]));
  const unavailable = () =>
    new GraphQLError(
      `the ${subgraphName} subgraph is unavailable: it failed ${consecutiveFailures} times in a row, and the gateway waits ${cooldownMs} ms before trying it again`,
      {
        extensions: { code: "SUBGRAPH_UNAVAILABLE", serviceName: subgraphName },
      },
    );
  return async (url, init) => {
    // cockatiel makes calls wait behind the half-open probe, which against a hung subgraph
    // takes the whole timeout; they fail at once instead, and only the probe waits.
    if (breaker.state === CircuitState.HalfOpen) throw unavailable();
    try {
      return await breaker.execute(() => fetcher(url, init));
    } catch (error) {
      throw error instanceof BrokenCircuitError ? unavailable() : error;
    }
  };
}

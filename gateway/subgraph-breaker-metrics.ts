// Each subgraph's circuit breaker on the gateway's /metrics: one series per subgraph and
// state, 1 for the state it is in, so an alert can fire on `state="open"`.
import { Gauge } from "prom-client";
import type { ServiceMetrics } from "../platform/metrics/service-metrics.js";
import type { SubgraphBreakerState } from "./subgraph-circuit-breaker.js";

const STATES: readonly SubgraphBreakerState[] = ["closed", "open", "half_open"];

/** Registers the gauge; the result makes each subgraph's state listener, starting it closed. */
export function subgraphBreakerMetrics(metrics: ServiceMetrics): (subgraph: string) => (state: SubgraphBreakerState) => void {
  const gauge = new Gauge({
    name: "meridian_subgraph_circuit_breaker_state",
    help: "The gateway's circuit breaker for each subgraph: 1 for the state it is in (closed, open, half_open), 0 for the others",
    labelNames: ["subgraph", "state"],
    registers: [metrics.registry],
  });
  return (subgraph) => {
    const enter = (current: SubgraphBreakerState) => {
      for (const state of STATES) gauge.set({ subgraph, state }, state === current ? 1 : 0);
    };
    enter("closed");
    return enter;
  };
}

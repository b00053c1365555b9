// The gateway's view of each subgraph on its /metrics: how long each request to a subgraph
// took and how it ended, so a slow or failing subgraph shows by name.
import { Histogram } from "prom-client";
import { LATENCY_BUCKETS_SECONDS, type ServiceMetrics } from "../platform/metrics/service-metrics.js";
import type { SubgraphFetchObserver } from "./subgraph-fetcher.js";

/** Registers the histogram; the result makes each subgraph's fetcher observer. */
export function subgraphFetchMetrics(metrics: ServiceMetrics): (subgraph: string) => SubgraphFetchObserver {
  const duration = new Histogram({
    name: "meridian_subgraph_fetch_duration_seconds",
    help: "Time the gateway waited for one subgraph request, by subgraph and outcome (ok, http_error, timeout, unreachable)",
    labelNames: ["subgraph", "outcome"],
    buckets: LATENCY_BUCKETS_SECONDS,
    registers: [metrics.registry],
  });
  return (subgraph) => (outcome, seconds) => duration.observe({ subgraph, outcome }, seconds);
}

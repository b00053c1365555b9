// The response cache's version reads on the gateway's /metrics, by subgraph and outcome: a
// subgraph whose version cannot be read sends every request that asks it past the cache, which
// otherwise shows only as a lower hit rate. Reads against lookups says how far reads are shared.
import { Counter } from "prom-client";
import type { ServiceMetrics } from "../platform/metrics/service-metrics.js";
import type { DataVersionReadObserver } from "./data-versions.js";

/** Registers the counter; the result is the data versions' observer. */
export function dataVersionReadMetrics(metrics: ServiceMetrics): DataVersionReadObserver {
  const reads = new Counter({
    name: "meridian_data_version_reads_total",
    help: "Data-version reads the gateway's response cache made, by subgraph and outcome (ok, http_error, timeout, unreachable)",
    labelNames: ["subgraph", "outcome"],
    registers: [metrics.registry],
  });
  return (subgraph, outcome) => reads.inc({ subgraph, outcome });
}

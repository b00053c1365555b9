// The Prometheus metrics of one Meridian server (the gateway or a subgraph), served at
// /metrics. Each server has a registry of its own, so that `npm start`, which runs all four
// servers in one process, still shows each server's requests on that server's /metrics.
import type { RequestHandler } from "express";
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import { OTHER_OPERATION, OperationNameLabels } from "./operation-name-labels.js";

// Error codes are the servers' own (Meridian's, Apollo's, the subgraphs'), not callers', so the
// first few seen keep a series each; the cap only guards against a subgraph that makes them up.
const MAX_ERROR_CODES = 50;
const ERROR_CODE = /^[_A-Za-z][_0-9A-Za-z]{0,99}$/;

export const METRICS_PATH = "/metrics";

// From 5 ms to 10 s: a cached lookup to a subgraph timeout (SUBGRAPH_TIMEOUT_MS defaults to 10 s).
export const LATENCY_BUCKETS_SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export interface ServiceMetricsOptions {
  /** "gateway" or the subgraph's name; a constant `service` label on every series. */
  service: string;
  /** Operation names that always get a series of their own, e.g. the example operations. */
  knownOperationNames?: Iterable<string>;
}

export class ServiceMetrics {
  readonly registry = new Registry();
  readonly operationNames: OperationNameLabels;
  readonly requests: Counter<"operation_name" | "operation_type">;
  readonly errors: Counter<"operation_name" | "code">;
  readonly requestDuration: Histogram<"operation_name" | "operation_type">;
  private readonly errorCodes = new Set<string>();
  private readonly caches = new Map<string, { readonly bytes: number }>();

  constructor(options: ServiceMetricsOptions) {
    this.registry.setDefaultLabels({ service: options.service });
    // CPU, memory, event loop lag, handles, GC: Node's own health beside the requests.
    collectDefaultMetrics({ register: this.registry });
    this.operationNames = new OperationNameLabels(options.knownOperationNames);
    this.requests = new Counter({
      name: "meridian_graphql_requests_total",
      help: "GraphQL requests answered, by operation name and type",
      labelNames: ["operation_name", "operation_type"],
      registers: [this.registry],
    });
    this.errors = new Counter({
      name: "meridian_graphql_errors_total",
      help: "GraphQL errors in answers, by operation name and error code",
      labelNames: ["operation_name", "code"],
      registers: [this.registry],
    });
    this.requestDuration = new Histogram({
      name: "meridian_graphql_request_duration_seconds",
      help: "Time from receiving a GraphQL request to sending its answer",
      labelNames: ["operation_name", "operation_type"],
      buckets: LATENCY_BUCKETS_SECONDS,
      registers: [this.registry],
    });
    const caches = this.caches;
    new Gauge({
      name: "meridian_operation_cache_bytes",
      help: "Bytes held by each per-operation cache (parsed documents, query plans, persisted queries), at most OPERATION_CACHE_MAX_BYTES each",
      labelNames: ["cache"],
      registers: [this.registry],
      collect() {
        for (const [name, cache] of caches) this.set({ cache: name }, cache.bytes);
      },
    });
  }

  /** Reports what a cache holds as meridian_operation_cache_bytes{cache=name}. */
  watchCache(name: string, cache: { readonly bytes: number }): void {
    this.caches.set(name, cache);
  }

  /** An error code as a label value: codes come from subgraphs too, so they are capped as well. */
  errorCodeLabel(code: unknown): string {
    if (typeof code !== "string") return "INTERNAL_SERVER_ERROR";
    if (this.errorCodes.has(code)) return code;
    if (!ERROR_CODE.test(code) || this.errorCodes.size >= MAX_ERROR_CODES) return OTHER_OPERATION;
    this.errorCodes.add(code);
    return code;
  }

  /** GET /metrics in Prometheus's text format. */
  route(): RequestHandler {
    return async (_request, response, next) => {
      try {
        const text = await this.registry.metrics();
        response.setHeader("content-type", this.registry.contentType);
        response.send(text);
      } catch (error) {
        next(error);
      }
    };
  }
}

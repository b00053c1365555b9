// Benchmark only (bench/levers.ts): the gateway's subgraph fetcher as it was before it used
// undici's `request`: undici's `fetch`, its body read under the deadline and wrapped again
// in a Response. bench/fetch-fetcher-hooks.mjs puts it in place of gateway/subgraph-fetcher.ts
// in a B gateway, so that the lever is measured against the same gateway without it.
import type { Fetcher, FetcherResponse } from "@apollo/utils.fetcher";
import { GraphQLError } from "graphql";
import { Agent, Response, fetch } from "undici";
import type { SubgraphFetcherOptions } from "../gateway/subgraph-fetcher.js";

// As in the gateway: enough for the gateway's concurrency on two cores; beyond it requests queue for a connection.
const MAX_CONNECTIONS_PER_SUBGRAPH = 64;

export function createSubgraphFetcher(subgraphName: string, { timeoutMs, keepAlive, observe = () => {} }: SubgraphFetcherOptions): Fetcher {
  // undici's way to turn keep-alive off is pipelining 0: it sends `connection: close` and opens a connection per request.
  const agent = new Agent({ connections: MAX_CONNECTIONS_PER_SUBGRAPH, keepAliveTimeout: 30_000, pipelining: keepAlive ? 1 : 0 });
  return async (url, init) => {
    // The deadline covers reading the body too, so the body is read here, under it.
    const signal = AbortSignal.timeout(timeoutMs);
    const started = performance.now();
    const elapsedSeconds = () => (performance.now() - started) / 1000;
    try {
      const response = await fetch(url, { ...init, dispatcher: agent, signal });
      const body = await response.text();
      observe(response.ok ? "ok" : "http_error", elapsedSeconds());
      return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers }) as unknown as FetcherResponse;
    } catch (error) {
      observe(signal.aborted ? "timeout" : "unreachable", elapsedSeconds());
      // Said in the answer's errors beside the partial data; the code lets a client tell the cases apart.
      if (signal.aborted) {
        throw new GraphQLError(`the ${subgraphName} subgraph did not answer within ${timeoutMs} ms`, {
          extensions: { code: "SUBGRAPH_TIMEOUT", serviceName: subgraphName },
        });
      }
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      throw new GraphQLError(`the ${subgraphName} subgraph is unreachable${cause ? ` (${cause})` : ""}`, {
        extensions: { code: "SUBGRAPH_UNAVAILABLE", serviceName: subgraphName },
      });
    }
  };
}

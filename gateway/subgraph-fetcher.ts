// How the gateway talks HTTP to a subgraph: kept-alive connections, bounded in number, and
// a deadline on every request, so that a hung subgraph costs one error, not a hung query.
// Keep-alive can be turned off (SUBGRAPH_KEEP_ALIVE=false) for load balancers that spread
// connections rather than requests; each request then pays for a new connection.
//
// undici's `request`, not `fetch`: fetch builds WHATWG Request, Response and stream objects
// around every call, which the gateway then read once and threw away; bench/LEVERS.md
// ("subgraph requests without fetch") measures what that cost.
import { STATUS_CODES } from "node:http";
import type { Fetcher, FetcherResponse } from "@apollo/utils.fetcher";
import { GraphQLError } from "graphql";
import { Agent, request } from "undici";
import { SubgraphResponse } from "./subgraph-response.js";

// Enough for the gateway's concurrency on two cores; beyond it requests queue for a connection.
const MAX_CONNECTIONS_PER_SUBGRAPH = 64;

/** How one subgraph request ended, for the fetch latency metrics. */
export type SubgraphFetchOutcome = "ok" | "http_error" | "timeout" | "unreachable";

export type SubgraphFetchObserver = (outcome: SubgraphFetchOutcome, seconds: number) => void;

export interface SubgraphFetcherOptions {
  /** Deadline for one request, its body included. */
  timeoutMs: number;
  /** Reuse connections between requests; false closes each after its response. */
  keepAlive: boolean;
  observe?: SubgraphFetchObserver;
}

export function createSubgraphFetcher(subgraphName: string, { timeoutMs, keepAlive, observe = () => {} }: SubgraphFetcherOptions): Fetcher {
  // undici's way to turn keep-alive off is pipelining 0: it sends `connection: close` and opens a connection per request.
  const agent = new Agent({ connections: MAX_CONNECTIONS_PER_SUBGRAPH, keepAliveTimeout: 30_000, pipelining: keepAlive ? 1 : 0 });
  return async (url, init = {}) => {
    // The deadline covers reading the body too, so the body is read here, under it. Its timer
    // is cleared when the request ends: AbortSignal.timeout's is not, and fires later anyway.
    const deadline = new AbortController();
    const { signal } = deadline;
    const timer = setTimeout(() => deadline.abort(), timeoutMs);
    const started = performance.now();
    const elapsedSeconds = () => (performance.now() - started) / 1000;
    try {
      const response = await request(url, {
        method: (init.method ?? "GET") as "GET" | "POST",
        headers: init.headers,
        body: init.body,
        dispatcher: agent,
        signal,
      });
      const answer = new SubgraphResponse(url, response.statusCode, STATUS_CODES[response.statusCode] ?? "", response.headers, await response.body.text());
      observe(answer.ok ? "ok" : "http_error", elapsedSeconds());
      return answer satisfies FetcherResponse;
    } catch (error) {
      observe(signal.aborted ? "timeout" : "unreachable", elapsedSeconds());
      // Said in the answer's errors beside the partial data; the code lets a client tell the cases apart.
      if (signal.aborted) {
        throw new GraphQLError(`the ${subgraphName} subgraph did not answer within ${timeoutMs} ms`, {
          extensions: { code: "SUBGRAPH_TIMEOUT", serviceName: subgraphName },
        });
      }
      // undici's request throws the socket's own error (ECONNREFUSED); fetch wrapped it as the cause.
      const failure = error as { code?: string; cause?: { code?: string } };
      const cause = failure.cause?.code ?? failure.code;
      throw new GraphQLError(`the ${subgraphName} subgraph is unreachable${cause ? ` (${cause})` : ""}`, {
        extensions: { code: "SUBGRAPH_UNAVAILABLE", serviceName: subgraphName },
      });
    } finally {
      clearTimeout(timer);
    }
  };
}

// What the gateway adds to every request it sends a subgraph: the shared secret that opens
// private subgraphs, and the request ID that ties the subgraph's log line to the gateway's.
import type { GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import { REQUEST_ID_HEADER } from "../platform/logging/request-log.js";
import { SUBGRAPH_SECRET_HEADER } from "../platform/http/subgraph-secret.js";

export function addSubgraphRequestHeaders(options: GraphQLDataSourceProcessOptions, subgraphSecret: string | undefined): void {
  const headers = options.request.http?.headers;
  if (!headers) return;
  if (subgraphSecret !== undefined) headers.set(SUBGRAPH_SECRET_HEADER, subgraphSecret);
  // Set by the request log middleware on every incoming request; absent for the gateway's own calls.
  const requestId = "incomingRequestContext" in options ? options.incomingRequestContext.request.http?.headers.get(REQUEST_ID_HEADER) : undefined;
  if (requestId) headers.set(REQUEST_ID_HEADER, requestId);
}

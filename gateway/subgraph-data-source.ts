// How the gateway calls a subgraph. One data source class, so that everything every
// subgraph request carries is added in one place: the headers of subgraph-request-headers.ts
// (shared secret, request ID) and the caller's own Authorization header, which each subgraph
// verifies itself before it runs a mutation. The IDs a subgraph's answer says its writes
// changed go to the gateway's log line, not to the client.
import { type GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from "@apollo/gateway";
import type { Fetcher } from "@apollo/utils.fetcher";
import { CHANGED_IDS_EXTENSION } from "../platform/logging/changed-ids.js";
import type { GatewayContext } from "./request-context.js";
import { noteMissingEntities } from "./missing-entities.js";
import { addSubgraphRequestHeaders } from "./subgraph-request-headers.js";
import { takeStashedAnswer } from "./single-fetch.js";

export interface SubgraphDataSourceOptions {
  url: string;
  fetcher: Fetcher;
  /** Sent in the meridian-subgraph-secret header; none when undefined. */
  subgraphSecret?: string;
}

export class SubgraphDataSource extends RemoteGraphQLDataSource {
  private readonly subgraphSecret: string | undefined;

  constructor({ url, fetcher, subgraphSecret }: SubgraphDataSourceOptions) {
    super({ url, fetcher });
    this.subgraphSecret = subgraphSecret;
  }

  // An answer the single-fetch pass-through already received (single-fetch.ts) is given to Apollo
  // as this fetch's, for Apollo to shape and report its errors, instead of asking again.
  override async process(options: GraphQLDataSourceProcessOptions): ReturnType<RemoteGraphQLDataSource["process"]> {
    const stashed = "incomingRequestContext" in options ? takeStashedAnswer(options.incomingRequestContext, options.request.query ?? "") : undefined;
    if (!stashed) return super.process(options);
    if ("error" in stashed) throw stashed.error;
    return stashed.answer;
  }

  override willSendRequest(options: GraphQLDataSourceProcessOptions): void {
    addSubgraphRequestHeaders(options, this.subgraphSecret);
    forwardAuthorization(options);
  }

  // Entities answered null (deleted) are no problem of the response (missing-entities.ts); the subgraphs' changed IDs are the gateway's to log.
  override didReceiveResponse({ request, response, context }: Parameters<NonNullable<RemoteGraphQLDataSource["didReceiveResponse"]>>[0]) {
    noteMissingEntities(context, request.variables, response.data);
    const extensions = response.extensions;
    if (extensions && CHANGED_IDS_EXTENSION in extensions) {
      (context as Partial<GatewayContext>).changedIds?.noteReported(extensions[CHANGED_IDS_EXTENSION]);
      delete extensions[CHANGED_IDS_EXTENSION];
    }
    return response;
  }
}

/** Passes the caller's `Authorization: Bearer <key>` on unchanged; the subgraph hashes and checks it. */
export function forwardAuthorization(options: GraphQLDataSourceProcessOptions): void {
  const headers = options.request.http?.headers;
  // Absent for the gateway's own calls (health checks), which act for nobody.
  const authorization = "incomingRequestContext" in options ? options.incomingRequestContext.request.http?.headers.get("authorization") : undefined;
  if (headers && authorization) headers.set("authorization", authorization);
}

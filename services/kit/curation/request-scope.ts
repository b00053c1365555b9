// The request as a subgraph's writes see it: who makes them (the name and role of the API
// key it came with, identified again in the subgraph: platform/http/caller.ts; never the key
// itself) and where each write notes the IDs it changed, for the request's log line.
import type { ApiRole } from "../../../platform/config/api-keys.js";
import type { Caller } from "../../../platform/http/caller.js";
import type { Request } from "express";
import { ChangedIds } from "../../../platform/logging/changed-ids.js";
import { REQUEST_ID_HEADER, operationNameOf } from "../../../platform/logging/request-log.js";

export interface Author {
  keyName: string;
  role: ApiRole;
}

export interface RequestScope {
  /** Who the writes are made by; undefined without a key of ours (such a caller may not write). */
  author?: Author;
  /** Where each write notes the IDs it changed, once it has committed. */
  changedIds: ChangedIds;
  /** The request's ID (the gateway's x-request-id) and the client's operation name, for the history of its changes. */
  requestId?: string;
  operationName?: string;
}

/** What every subgraph's resolvers find on their context beside their own (services/kit/server/subgraph-server.ts): `context.author`, `context.changedIds`. */
export type RequestScopeContext = Partial<RequestScope>;

export function authorOf(caller: Caller): Author | undefined {
  return caller.kind === "key" ? { keyName: caller.keyName, role: caller.role } : undefined;
}

/** A fresh scope for one request. */
export function requestScope(caller: Caller, request?: Request): RequestScope {
  if (!request) return { author: authorOf(caller), changedIds: new ChangedIds() };
  return { author: authorOf(caller), changedIds: new ChangedIds(), requestId: request.get(REQUEST_ID_HEADER), operationName: clientOperationName(request) };
}

// The gateway names the operation it sends a subgraph after the client's: "SaveActor__actors__0".
// The subgraph's part holds no "__" (it would take "Fix__Typo__actors__0" back to "Fix").
function clientOperationName(request: Request): string | undefined {
  return operationNameOf(request)?.replace(/__[a-z0-9]+(?:_[a-z0-9]+)*__\d+$/i, "");
}

/** The scope of a context made outside any request (a test, a benchmark): no author, and the IDs changed noted for nobody. */
export function scopeWithoutRequest(): RequestScope {
  return { changedIds: new ChangedIds() };
}

// What the gateway keeps per request: the caller, identified once from its API key
// (platform/http/caller.ts) for the mutation check and the log line, and the IDs the subgraphs
// report their writes changed, so that the gateway's line lists what the whole operation changed.
import type { Request } from "express";
import { type Caller, callerOf } from "../platform/http/caller.js";
import { ChangedIds, logChangedIds } from "../platform/logging/changed-ids.js";

export interface GatewayContext {
  caller: Caller;
  changedIds: ChangedIds;
}

export function createGatewayContext(request: Request): GatewayContext {
  const changedIds = new ChangedIds();
  logChangedIds(request, changedIds);
  return { caller: callerOf(request), changedIds };
}

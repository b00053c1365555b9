// type-graphql's @Authorized("editor") in every subgraph: the subgraph that owns the data
// checks the role itself, whatever the gateway checked before.
import type { AuthCheckerFn } from "type-graphql";
import type { ApiRole } from "../../../platform/config/api-keys.js";
import { type CallerContext, requireRole } from "../../../platform/http/caller.js";

export const EDITOR: ApiRole = "editor";

/** Throws the UNAUTHENTICATED or FORBIDDEN error itself, so that the client learns which it is. */
export const checkCallerRole: AuthCheckerFn<CallerContext> = ({ context }, roles) => {
  requireRole(context.caller, roles as ApiRole[]);
  return true;
};

// type-graphql's @Authorized("editor") in every subgraph: the subgraph that owns the data
// checks the role itself, whatever the gateway checked before.
import { GraphQLError } from "graphql";
import type { AuthCheckerFn } from "type-graphql";
import type { ApiRole } from "../../../platform/config/api-keys.js";
import { type CallerContext, requireRole } from "../../../platform/http/caller.js";

export const EDITOR: ApiRole = "editor";

/**
 * Throws the UNAUTHENTICATED or FORBIDDEN error itself, so that the client learns which it is.
 * Without the error's HTTP status: a field the caller may not read (an editors' list of changes)
 * then fails alone, where a 401 or 403 would fail the subgraph's whole answer, and with it every
 * other field of the operation the gateway asked this subgraph for. The gateway refuses a
 * mutation without an editor's key itself, with its status, before any subgraph is called.
 */
export const checkCallerRole: AuthCheckerFn<CallerContext> = ({ context }, roles) => {
  try {
    requireRole(context.caller, roles as ApiRole[]);
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    throw new GraphQLError(error.message, { extensions: { code: error.extensions.code } });
  }
  return true;
};

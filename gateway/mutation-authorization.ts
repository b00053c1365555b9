// The gateway's own check that a mutation comes from an editor, made before any subgraph
// is called, so that a refused mutation of several fields costs no subgraph a request.
// It does not replace the subgraphs' checks (services/kit/schema/authorization.ts): they are
// what protects the data when a subgraph is reached some other way.
import type { ApolloServerPlugin } from "@apollo/server";
import { type CallerContext, requireRole } from "../platform/http/caller.js";

export function mutationAuthorizationPlugin(): ApolloServerPlugin<CallerContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          if (operation?.operation !== "mutation") return;
          requireRole(contextValue.caller, ["editor"]);
        },
      };
    },
  };
}

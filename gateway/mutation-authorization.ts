// The gateway's own check that a mutation comes from an editor, made before any subgraph
// is called, so that a refused mutation of several fields costs no subgraph a request.
// It does not replace the subgraphs' checks (services/kit/schema/authorization.ts): they are
// what protects the data when a subgraph is reached some other way.
import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import type { ApiKeyEntry } from "../platform/config/api-keys.js";
import { identifyCaller, requireRole } from "../platform/http/caller.js";

export function mutationAuthorizationPlugin(apiKeys: readonly ApiKeyEntry[]): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, request }) {
          if (operation?.operation !== "mutation") return;
          requireRole(identifyCaller(request.http?.headers.get("authorization"), apiKeys), ["editor"]);
        },
      };
    },
  };
}

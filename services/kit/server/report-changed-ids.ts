// A subgraph tells the gateway the IDs its part of a mutation changed, in its answer's
// extensions, so that the gateway's log line lists what the whole operation changed. The
// gateway keeps the extension to itself: it never reaches the client.
import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { CHANGED_IDS_EXTENSION } from "../../../platform/logging/changed-ids.js";
import type { RequestScopeContext } from "../curation/request-scope.js";

export function reportChangedIdsPlugin(): ApolloServerPlugin<BaseContext & RequestScopeContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          const list = contextValue.changedIds?.list();
          if (!list || response.body.kind !== "single") return;
          const result = response.body.singleResult;
          result.extensions = { ...result.extensions, [CHANGED_IDS_EXTENSION]: list };
        },
      };
    },
  };
}

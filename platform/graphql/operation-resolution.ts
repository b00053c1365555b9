// An operationName that names no operation of the document, or no name for a document of
// several operations, is the caller's mistake. A subgraph's Apollo answers it with 400, but
// the gateway's executor fails on it with HTTP 500 INVALID_GRAPHQL; this refuses it at both,
// before anything runs, with the names the document does hold.
import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { GraphQLError, Kind } from "graphql";

/** Apollo's code for the same refusal at a subgraph. */
export const OPERATION_RESOLUTION_CODE = "OPERATION_RESOLUTION_FAILURE";

export function operationResolutionPlugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, request }) {
          if (operation) return;
          const names = document.definitions.flatMap((definition) =>
            definition.kind === Kind.OPERATION_DEFINITION ? [definition.name?.value ?? "(anonymous)"] : [],
          );
          const held = `The document holds ${names.length === 0 ? "no operation" : names.join(", ")}.`;
          const message = request.operationName
            ? `operationName ${JSON.stringify(request.operationName)} names no operation in the document. ${held}`
            : `The document holds several operations; say which to run with operationName. ${held}`;
          throw new GraphQLError(message, { extensions: { code: OPERATION_RESOLUTION_CODE, http: { status: 400 } } });
        },
      };
    },
  };
}

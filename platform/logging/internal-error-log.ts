// An internal error (a bug, a failed query, a broken subgraph) is masked to the client in
// production, so its cause must be recorded where the operator looks: one error line in the
// log with the message, the stack and the causes, the request ID, the operation and the
// subgraph. The client gets the request ID in the error to quote, and the operator finds
// every line of the request, in the gateway and in each subgraph, by that ID.
import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import type { GraphQLError } from "graphql";
import type { Logger } from "pino";
import { REQUEST_ID_HEADER } from "./request-log.js";

/** An error the client did not cause: no code, or INTERNAL_SERVER_ERROR. */
export function isInternalError(code: unknown): boolean {
  return code === undefined || code === "INTERNAL_SERVER_ERROR";
}

/**
 * Logs each internal error of a request at level error, and gives its answer's internal errors
 * the request ID (`extensions.requestId`). `subgraphName` is the subgraph this server is;
 * at the gateway, an error from a subgraph names the subgraph it came from.
 */
export function internalErrorLogPlugin<TContext extends BaseContext>(logger: Logger, subgraphName?: string): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, request, operationName }) {
          const requestId = request.http?.headers.get(REQUEST_ID_HEADER) ?? undefined;
          for (const error of errors as readonly GraphQLError[]) {
            if (!isInternalError(error.extensions?.code)) continue;
            logger.error(
              {
                requestId,
                operationName: operationName ?? request.operationName ?? undefined,
                subgraph: subgraphName ?? (error.extensions?.serviceName as string | undefined),
                path: error.path?.join("."),
                // The thrown error with its causes (pino joins their messages and stacks); a
                // subgraph's error as the gateway received it.
                err: error.originalError ?? error,
              },
              "internal error",
            );
          }
        },
        async willSendResponse({ request, response }) {
          const requestId = request.http?.headers.get(REQUEST_ID_HEADER);
          if (!requestId || response.body.kind !== "single") return;
          const result = response.body.singleResult;
          result.errors = result.errors?.map((error) =>
            isInternalError(error.extensions?.code) ? { ...error, extensions: { ...error.extensions, requestId } } : error,
          );
        },
      };
    },
  };
}

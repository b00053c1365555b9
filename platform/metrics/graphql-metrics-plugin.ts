// Counts each GraphQL request and its errors and times it, by operation name. An Apollo
// plugin rather than Express middleware, because only Apollo knows which operation of the
// document ran and which errors its answer holds (a GraphQL answer with errors is HTTP 200).
import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import type { ServiceMetrics } from "./service-metrics.js";

export function graphqlMetricsPlugin<TContext extends BaseContext>(metrics: ServiceMetrics): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      const stopTimer = metrics.requestDuration.startTimer();
      return {
        async willSendResponse({ operationName, operation, request, response }) {
          // The chosen operation's name once the document is parsed and valid; before that (a
          // refused operation) the name the request gave, if any.
          const name = metrics.operationNames.labelFor(operationName ?? request.operationName);
          const labels = { operation_name: name, operation_type: operation?.operation ?? "unknown" };
          metrics.requests.inc(labels);
          stopTimer(labels);
          const errors = response.body.kind === "single" ? response.body.singleResult.errors : undefined;
          for (const error of errors ?? []) {
            metrics.errors.inc({ operation_name: name, code: metrics.errorCodeLabel(error.extensions?.code) });
          }
        },
      };
    },
  };
}

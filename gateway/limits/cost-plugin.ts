import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { operationCost } from "./cost.js";
import type { OperationLimits } from "../../platform/config/gateway-defaults.js";
import { limitExceeded } from "./operation-limits.js";

/**
 * Refuses an operation whose estimated cost is over the limit, once the operation is known and
 * before it runs: page sizes may be variables, so the estimate is made for each request.
 */
export function operationCostPlugin(limits: OperationLimits): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, schema, request }) {
          if (!operation) return;
          const cost = operationCost(schema, document, operation, request.variables ?? {}, limits.defaultListSize);
          if (cost > limits.maxCost) {
            throw limitExceeded(
              "OPERATION_TOO_COSTLY",
              `The operation's estimated cost is ${cost}; at most ${limits.maxCost} is allowed. Ask for smaller pages (\`first\`) or fewer nested lists.`,
              limits.maxCost,
              cost,
            );
          }
        },
      };
    },
  };
}

// What one operation may ask of the gateway. Every limit is checked before any subgraph is
// called, and each has its own error code so that a client can tell which one it hit.
import { GraphQLError } from "graphql";

export const OPERATION_LIMIT_CODES = [
  "OPERATION_TOO_LONG",
  "OPERATION_TOO_DEEP",
  "TOO_MANY_ALIASES",
  "TOO_MANY_ROOT_FIELDS",
  "TOO_MANY_TOKENS",
  "TOO_MANY_DIRECTIVES",
  "OPERATION_TOO_COSTLY",
] as const;

export type OperationLimitCode = (typeof OPERATION_LIMIT_CODES)[number];

/** A refusal naming the limit, its value and what the operation asked for; HTTP 400. */
export function limitExceeded(code: OperationLimitCode, message: string, limit: number, actual?: number): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code, limit, ...(actual === undefined ? {} : { actual }), http: { status: 400 } },
  });
}

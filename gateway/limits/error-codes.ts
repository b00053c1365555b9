import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { OPERATION_LIMIT_CODES } from "./operation-limits.js";

// graphql's parser stops at parseOptions.maxTokens with this message, as a syntax error
// (graphql 16 spells it "more that").
const TOO_MANY_TOKENS = /Document contains more th(?:an|at) (\d+) tokens/;

/**
 * Gives each operation limit its own code in the answer. Apollo answers every validation error
 * as GRAPHQL_VALIDATION_FAILED and the parser's token limit as GRAPHQL_PARSE_FAILED; a client
 * should be able to tell "too deep" from "misspelt field" without reading the message.
 */
export function reportLimitCodes(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? error.originalError : undefined;
  const originalCode = original instanceof GraphQLError ? original.extensions.code : undefined;
  if (typeof originalCode === "string" && OPERATION_LIMIT_CODES.includes(originalCode as never)) {
    return { ...formatted, extensions: { ...formatted.extensions, code: originalCode } };
  }
  const match = TOO_MANY_TOKENS.exec(formatted.message);
  if (formatted.extensions?.code !== "GRAPHQL_PARSE_FAILED" || !match) return formatted;
  const limit = Number(match[1]);
  return {
    ...formatted,
    message: `The operation has more than ${limit} tokens; at most ${limit} are allowed.`,
    extensions: { ...formatted.extensions, code: "TOO_MANY_TOKENS", limit },
  };
}

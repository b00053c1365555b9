import type { GraphQLFormattedError } from "graphql";

// graphql's suggestions name fields and types a client did not ask about ("Did you mean
// 'secretField'?"), which lets a scanner map a schema whose introspection is off.
const SUGGESTION = / ?Did you mean(.+?)\?$/;

/**
 * The error a client sees in production: what it can act on, nothing about the inside. An
 * internal error (a bug, a failed database, a subgraph that could not be reached, whose message
 * names its address) becomes "Internal server error" with its path; client errors keep their
 * message without schema suggestions; no error carries a stack trace or exception details.
 */
export function hideErrorDetails(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const { stacktrace: _stacktrace, exception: _exception, ...extensions } = formatted.extensions ?? {};
  const code = extensions.code;
  if (code === undefined || code === "INTERNAL_SERVER_ERROR") {
    return { message: "Internal server error", ...(formatted.path ? { path: formatted.path } : {}), extensions: { code: "INTERNAL_SERVER_ERROR" } };
  }
  return { ...formatted, message: formatted.message.replace(SUGGESTION, ""), extensions };
}

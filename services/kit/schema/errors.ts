import { GraphQLError } from "graphql";

/** A client mistake in one argument: the message and the extensions both name it. */
export function badUserInput(argumentName: string, message: string): GraphQLError {
  return new GraphQLError(`Argument "${argumentName}": ${message}`, {
    extensions: { code: "BAD_USER_INPUT", argumentName },
  });
}

import type { GraphQLFormattedError } from "graphql";
import { type ASTNode, GraphQLError, type ListValueNode, type ObjectFieldNode, parse, visit } from "graphql";
import { variablePathOf } from "./variable-errors.js";

const contains = (node: ASTNode | undefined, position: number) => node?.loc !== undefined && node.loc.start <= position && position < node.loc.end;

/**
 * The path of the argument whose value holds `position` in an operation, e.g.
 * "filter.kind" for `actors(filter: { kind: WIZARD })` or "input.aliases[1].scheme";
 * undefined outside argument values.
 */
export function argumentPathAt(operation: string, position: number): string | undefined {
  let path: string[] | undefined;
  visit(parse(operation), {
    Argument(node) {
      if (contains(node.value, position)) path = [node.name.value];
    },
    ObjectField(node: ObjectFieldNode) {
      if (path && contains(node.value, position)) path.push(`.${node.name.value}`);
    },
    ListValue(node: ListValueNode) {
      const index = node.values.findIndex((value) => contains(value, position));
      if (path && index >= 0) path.push(`[${index}]`);
    },
  });
  return path?.join("");
}

/**
 * GraphQL validation reports a bad literal (an unknown enum value, text where a number
 * belongs) as GRAPHQL_VALIDATION_FAILED without saying which argument; front-ends and data
 * teams get BAD_USER_INPUT naming it, like every other bad argument.
 */
export function formatArgumentErrors(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const variablePath = formatted.extensions?.code === "BAD_USER_INPUT" && !formatted.extensions.argumentName ? variablePathOf(formatted.message) : undefined;
  if (variablePath) return { ...formatted, extensions: { ...formatted.extensions, argumentName: variablePath, field: variablePath } };
  if (formatted.extensions?.code !== "GRAPHQL_VALIDATION_FAILED" || !(error instanceof GraphQLError)) return formatted;
  const position = error.positions?.[0];
  const operation = error.source?.body;
  if (position === undefined || !operation) return formatted;
  const argumentName = argumentPathAt(operation, position);
  if (!argumentName) return formatted;
  return {
    ...formatted,
    message: `Argument "${argumentName}": ${formatted.message}`,
    extensions: { ...formatted.extensions, code: "BAD_USER_INPUT", argumentName },
  };
}

// Strings no argument may hold, refused before anything runs. Postgres refuses a NUL (\u0000)
// in text, so a NUL reaching a query was an internal error; a lone UTF-16 surrogate is not a
// character at all (drivers store it as U+FFFD, silently changing the value); and a string of
// hundreds of kilobytes is never a name or a filter. Limits that depend on the field (names
// are indexed, see services/kit/records/document-fields.ts) are checked where the field is.
import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  GraphQLError,
  Kind,
  TypeInfo,
  getArgumentValues,
  getNullableType,
  getVariableValues,
  isInputObjectType,
  isListType,
  visit,
  visitWithTypeInfo,
} from "graphql";
import { InputProblems } from "./input-problems.js";
import { inputStringProblem } from "./text-limits.js";

type Path = (string | number)[];

/** Whether a variable's value holds a bad string anywhere, whatever its type: nearly every request's answer is no. */
function holdsBadString(value: unknown): boolean {
  if (typeof value === "string") return inputStringProblem(value) !== undefined;
  if (Array.isArray(value)) return value.some(holdsBadString);
  if (value !== null && typeof value === "object") return Object.values(value).some(holdsBadString);
  return false;
}

/** Per parsed document (Apollo keeps them parsed): whether any string written in it is bad. */
const documentsWithBadStrings = new WeakMap<DocumentNode, boolean>();

function documentHoldsBadString(document: DocumentNode): boolean {
  let found = documentsWithBadStrings.get(document);
  if (found === undefined) {
    found = false;
    visit(document, {
      StringValue(node) {
        if (inputStringProblem(node.value) !== undefined) found = true;
      },
    });
    documentsWithBadStrings.set(document, found);
  }
  return found;
}

/** Every string inside a coerced argument value, by its path; enums and custom scalars' objects are skipped. */
function checkStrings(value: unknown, type: GraphQLInputType, path: Path, problems: InputProblems): void {
  if (value == null) return;
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    if (Array.isArray(value)) for (const [index, item] of value.entries()) checkStrings(item, nullable.ofType, [...path, index], problems);
    return;
  }
  if (isInputObjectType(nullable)) {
    for (const field of Object.values(nullable.getFields())) {
      checkStrings((value as Record<string, unknown>)[field.name], field.type, [...path, field.name], problems);
    }
    return;
  }
  if (typeof value !== "string") return;
  const problem = inputStringProblem(value);
  if (problem) problems.add(path, problem);
}

/**
 * The problems of the strings in every field argument of the operation, with the path of the
 * argument ("filter.admin1", "input.aliases[0].value"), whether written inline or passed as a
 * variable. Arguments that do not coerce are left to GraphQL's own errors.
 */
export function inputStringProblems(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): InputProblems {
  const problems = new InputProblems();
  // Every string an argument can hold was written in the document or sent as a variable: when
  // none is bad, the typed walk below, which finds where a bad one sits, has nothing to find.
  if (!documentHoldsBadString(document) && !holdsBadString(variables)) return problems;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables, { maxErrors: 1 });
  if (coerced.errors) return problems;
  const typeInfo = new TypeInfo(schema);
  const fragments = document.definitions.filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION);
  for (const node of [operation, ...fragments]) {
    visit(
      node,
      visitWithTypeInfo(typeInfo, {
        Field(field) {
          const definition = typeInfo.getFieldDef();
          if (!definition || !field.arguments?.length) return;
          let values: Record<string, unknown>;
          try {
            values = getArgumentValues(definition, field, coerced.coerced);
          } catch {
            return;
          }
          for (const argument of definition.args) checkStrings(values[argument.name], argument.type, [argument.name], problems);
        },
      }),
    );
  }
  return problems;
}

/**
 * Refuses an operation with a bad string in any argument before it runs: at the gateway no
 * subgraph is called, so a mutation of several fields writes nothing; in a subgraph the same
 * check guards a caller that reached it around the gateway.
 */
export function inputStringsPlugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const error = inputStringProblems(schema, document, operation, request.variables ?? {}).error();
          // A client error, like a variable of the wrong type: HTTP 400, not Apollo's default 500.
          if (error) throw new GraphQLError(error.message, { extensions: { ...error.extensions, http: { status: 400 } } });
        },
      };
    },
  };
}

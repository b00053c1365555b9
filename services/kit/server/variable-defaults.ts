// The default values a request's variables take before graphql-jit coerces them. graphql-jit
// (0.8.9) compiles its own coercion of variables, which leaves out defaults: it refuses
// `$first: Int! = 20` sent without `first`, and `{ date: "2025-01-11" }` for an input whose
// `precision: DatePrecision! = DAY` has a default, where graphql-js takes both. So every default,
// the operation's and the input types', is written into the variables first, as a client would
// have sent it, and graphql-jit's coercion sees a complete value.
import {
  type GraphQLInputField,
  type GraphQLInputType,
  type GraphQLSchema,
  type VariableDefinitionNode,
  astFromValue,
  getNullableType,
  isInputObjectType,
  isListType,
  typeFromAST,
  valueFromASTUntyped,
} from "graphql";

type Variables = Record<string, unknown>;

/** A field's default as a client would write it (an enum by its name, not its internal value). */
const fieldDefaults = new WeakMap<GraphQLInputField, unknown>();

function defaultOf(field: GraphQLInputField): unknown {
  if (!fieldDefaults.has(field)) {
    const ast = field.astNode?.defaultValue ?? astFromValue(field.defaultValue, field.type);
    fieldDefaults.set(field, ast ? valueFromASTUntyped(ast) : undefined);
  }
  return fieldDefaults.get(field);
}

/** Whether any input object reachable from the type has a field with a default; most have none. */
const typesWithDefaults = new WeakMap<GraphQLInputType, boolean>();

function hasDefaults(type: GraphQLInputType): boolean {
  let found = typesWithDefaults.get(type);
  if (found === undefined) {
    found = reachesDefault(type, new Set());
    typesWithDefaults.set(type, found);
  }
  return found;
}

function reachesDefault(type: GraphQLInputType, visited: Set<GraphQLInputType>): boolean {
  const nullable = getNullableType(type);
  if (isListType(nullable)) return reachesDefault(nullable.ofType, visited);
  // A type that contains itself is looked into once.
  if (!isInputObjectType(nullable) || visited.has(nullable)) return false;
  visited.add(nullable);
  return Object.values(nullable.getFields()).some((field) => field.defaultValue !== undefined || reachesDefault(field.type, visited));
}

function withFieldDefaults(value: unknown, type: GraphQLInputType): unknown {
  if (value === null || value === undefined) return value;
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    // A single value where a list is expected is coerced to a list of one: it gets its defaults alike.
    return Array.isArray(value) ? value.map((item) => withFieldDefaults(item, nullable.ofType)) : withFieldDefaults(value, nullable.ofType);
  }
  // Anything else that is not an object is left for coercion to refuse, with its own message.
  if (!isInputObjectType(nullable) || typeof value !== "object" || Array.isArray(value)) return value;
  const filled: Variables = { ...(value as Variables) };
  for (const field of Object.values(nullable.getFields())) {
    // Only an absent field takes its default: an explicit null stays null, as in graphql-js.
    if (filled[field.name] === undefined && field.defaultValue !== undefined) filled[field.name] = defaultOf(field);
    if (filled[field.name] !== undefined && hasDefaults(field.type)) filled[field.name] = withFieldDefaults(filled[field.name], field.type);
  }
  return filled;
}

/** For one operation's variable definitions: a function that gives a request's variables with every default in place. */
export function variableDefaults(schema: GraphQLSchema, definitions: readonly VariableDefinitionNode[]): (variables: Variables) => Variables {
  const variables = definitions.flatMap((definition) => {
    const type = typeFromAST(schema, definition.type) as GraphQLInputType | undefined;
    // An unknown type fails validation before execution; nothing to fill.
    if (!type) return [];
    const operationDefault = definition.defaultValue ? valueFromASTUntyped(definition.defaultValue) : undefined;
    return operationDefault === undefined && !hasDefaults(type) ? [] : [{ name: definition.variable.name.value, type, operationDefault }];
  });
  if (variables.length === 0) return (given) => given;
  return (given) => {
    const filled: Variables = { ...given };
    for (const { name, type, operationDefault } of variables) {
      if (filled[name] === undefined) filled[name] = operationDefault;
      if (filled[name] !== undefined) filled[name] = withFieldDefaults(filled[name], type);
      else delete filled[name];
    }
    return filled;
  };
}

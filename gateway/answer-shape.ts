// The shape of the answer an operation asks for, as text: every response key in the order
// graphql-js writes it, the field and type it comes from (an enum with its values), and what is
// selected below it. Two operations with the same shape on two schemas get answers of the same
// keys, order and nullability, so one's answer is the other's (single-fetch.ts). Null when the
// shape could depend on the data or the variables: a type condition other than the parent's own
// (abstract types), a directive (@skip, @include, @defer), introspection beyond `__typename`.
import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type GraphQLSchema,
  type SelectionNode,
  getNamedType,
  getOperationAST,
  isEnumType,
  isObjectType,
} from "graphql";

type Fragments = ReadonlyMap<string, FragmentDefinitionNode>;

export function answerShape(schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined): string | null {
  const operation = getOperationAST(document, operationName);
  const root = operation && schema.getRootType(operation.operation);
  if (!operation || !root || operation.directives?.length) return null;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === "FragmentDefinition") fragments.set(definition.name.value, definition);
  return selectionShape(root, operation.selectionSet.selections, fragments);
}

function selectionShape(parent: GraphQLObjectType, selections: readonly SelectionNode[], fragments: Fragments): string | null {
  const fields = collectFields(parent, selections, fragments, new Map());
  if (!fields) return null;
  const parts: string[] = [];
  for (const [key, nodes] of fields) {
    const name = nodes[0]!.name.value;
    if (name === "__typename") {
      parts.push(`${key}:__typename`);
      continue;
    }
    const field = name.startsWith("__") ? undefined : parent.getFields()[name];
    if (!field) return null;
    const named = getNamedType(field.type);
    let part = `${key}:${name}:${String(field.type)}`;
    if (isEnumType(named))
      part += `(${named
        .getValues()
        .map((value) => value.name)
        .join("|")})`;
    const below = nodes.flatMap((node) => node.selectionSet?.selections ?? []);
    if (below.length > 0) {
      if (!isObjectType(named)) return null;
      const inner = selectionShape(named, below, fragments);
      if (inner === null) return null;
      part += `{${inner}}`;
    }
    parts.push(part);
  }
  return parts.join(",");
}

/** The fields under each response key, in first-seen order, as graphql-js collects them; null for what this does not follow. */
function collectFields(
  parent: GraphQLObjectType,
  selections: readonly SelectionNode[],
  fragments: Fragments,
  into: Map<string, FieldNode[]>,
): Map<string, FieldNode[]> | null {
  for (const selection of selections) {
    if (selection.directives?.length) return null;
    if (selection.kind === "Field") {
      const key = selection.alias?.value ?? selection.name.value;
      into.set(key, [...(into.get(key) ?? []), selection]);
      continue;
    }
    const fragment = selection.kind === "FragmentSpread" ? fragments.get(selection.name.value) : selection;
    if (!fragment || fragment.directives?.length) return null;
    if (fragment.typeCondition && fragment.typeCondition.name.value !== parent.name) return null;
    if (!collectFields(parent, fragment.selectionSet.selections, fragments, into)) return null;
  }
  return into;
}

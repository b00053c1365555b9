// Which fields a query asks of a connection's nodes, so that a list reads only the columns its
// answer needs. Collected as graphql-js collects fields: fragments spread, @skip and @include
// applied with the request's variables, every alias of `edges` and `node` taken together.
import {
  type FieldNode,
  type GraphQLResolveInfo,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  type GraphQLNamedType,
  Kind,
  type SelectionSetNode,
  getDirectiveValues,
  getNamedType,
  isObjectType,
} from "graphql";

/**
 * The names of the fields selected on `edges { node { … } }` below the connection being
 * resolved, `__typename` left out; undefined when a fragment names another type than the one
 * it is in (an interface the node implements), which a caller takes as "every field".
 */
export function selectedNodeFields(info: GraphQLResolveInfo): Set<string> | undefined {
  const collect = (selectionSets: readonly (SelectionSetNode | undefined)[], typeName: string): FieldNode[] | undefined => {
    const fields: FieldNode[] = [];
    const visit = (selectionSet: SelectionSetNode | undefined): boolean => {
      for (const selection of selectionSet?.selections ?? []) {
        if (!isIncluded(selection, info.variableValues)) continue;
        if (selection.kind === Kind.FIELD) {
          fields.push(selection);
          continue;
        }
        const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : info.fragments[selection.name.value];
        if (!fragment) continue;
        if (fragment.typeCondition && fragment.typeCondition.name.value !== typeName) return false;
        if (!visit(fragment.selectionSet)) return false;
      }
      return true;
    };
    for (const selectionSet of selectionSets) if (!visit(selectionSet)) return undefined;
    return fields;
  };
  const namedIn = (fields: readonly FieldNode[], name: string) => fields.filter((field) => field.name.value === name).map((field) => field.selectionSet);
  const connectionType = getNamedType(info.returnType);
  const edgeType = fieldType(connectionType, "edges");
  const nodeType = edgeType && fieldType(edgeType, "node");
  if (!edgeType || !nodeType) throw new Error(`selectedNodeFields: ${connectionType.name} is not a connection (edges { node })`);
  const connectionFields = collect(
    info.fieldNodes.map((field) => field.selectionSet),
    connectionType.name,
  );
  const edgeFields = connectionFields && collect(namedIn(connectionFields, "edges"), edgeType.name);
  const nodeFields = edgeFields && collect(namedIn(edgeFields, "node"), nodeType.name);
  // `__typename` (which Apollo Client adds to every selection) is answered from the schema, not the data.
  return nodeFields && new Set(nodeFields.map((field) => field.name.value).filter((name) => name !== "__typename"));
}

function fieldType(type: GraphQLNamedType, fieldName: string): GraphQLNamedType | undefined {
  const field = isObjectType(type) ? type.getFields()[fieldName] : undefined;
  return field && getNamedType(field.type);
}

function isIncluded(node: { directives?: FieldNode["directives"] }, variables: Record<string, unknown>): boolean {
  if (!node.directives?.length) return true;
  if (getDirectiveValues(GraphQLSkipDirective, node, variables)?.if === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, node, variables)?.if !== false;
}

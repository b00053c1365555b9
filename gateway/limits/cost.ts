import {
  type DocumentNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
  getNamedType,
  getNullableType,
  isInterfaceType,
  isListType,
  isObjectType,
} from "graphql";
import { FragmentMeasures } from "./fragments.js";

/**
 * An estimate of the work an operation asks for, before it runs: every field costs 1, and a
 * list multiplies the cost of what is selected in each item by its length. A list's length is
 * its `first` argument where it has one; a connection's `first` (its default when left out, a
 * variable's value when given as one) is the length of its `edges`; any other list is taken
 * to hold `defaultListSize` items.
 *
 * `incidents(first: 100) { totalCount edges { node { title places { name } } } }` costs
 * 1 + 1 + 1 + 100 × (1 + 1 + (1 + 10 × 1)) = 1,303.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  defaultListSize: number,
): number {
  const variableDefaults = new Map<string, ValueNode>();
  for (const definition of operation.variableDefinitions ?? []) {
    if (definition.defaultValue) variableDefaults.set(definition.variable.name.value, definition.defaultValue);
  }
  const intValue = (value: ValueNode | undefined): number | undefined => {
    if (value?.kind === Kind.INT) return Number(value.value);
    if (value?.kind === Kind.VARIABLE) {
      const given = variables[value.name.value];
      return typeof given === "number" ? given : intValue(variableDefaults.get(value.name.value));
    }
    return undefined;
  };
  const pageSize = (field: GraphQLField<unknown, unknown>, argumentValue: ValueNode | undefined): number | undefined => {
    const first = field.args.find((argument) => argument.name === "first");
    if (!first) return undefined;
    const length = intValue(argumentValue) ?? (typeof first.defaultValue === "number" ? first.defaultValue : defaultListSize);
    return Math.max(0, length);
  };

  // A fragment on a connection type costs according to the page size it is spread under.
  const fragments: FragmentMeasures<number, number | undefined> = new FragmentMeasures(
    document,
    (fragment, connectionPageSize) => costOf(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value), connectionPageSize),
    0,
  );
  /** `connectionPageSize` is the `first` of the field that returned `parentType`, for its edges. */
  function costOf(selectionSet: SelectionSetNode, parentType: GraphQLNamedType | null | undefined, connectionPageSize: number | undefined): number {
    let cost = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        cost += fragments.of(selection.name.value, connectionPageSize);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parentType;
        cost += costOf(selection.selectionSet, type, connectionPageSize);
      } else {
        cost += 1;
        // Introspection and __typename are answered by the gateway itself, without subgraphs.
        const field = parentType && (isObjectType(parentType) || isInterfaceType(parentType)) ? parentType.getFields()[selection.name.value] : undefined;
        if (!field || !selection.selectionSet) continue;
        const first = selection.arguments?.find((argument) => argument.name.value === "first")?.value;
        const size = pageSize(field, first);
        const isList = isListType(getNullableType(field.type));
        const inConnection = field.name === "edges" && parentType!.name.endsWith("Connection");
        const length = !isList ? 1 : (size ?? (inConnection ? connectionPageSize : undefined) ?? defaultListSize);
        cost += length * costOf(selection.selectionSet, getNamedType(field.type), isList ? undefined : size);
      }
    }
    return cost;
  }
  return costOf(operation.selectionSet, schema.getRootType(operation.operation), undefined);
}

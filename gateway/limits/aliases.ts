import { type DocumentNode, Kind, type OperationDefinitionNode, type SelectionSetNode } from "graphql";
import { FragmentMeasures } from "./fragments.js";

/** How many aliased fields the operation selects, counting a fragment once per spread. */
export function operationAliasCount(document: DocumentNode, operation: OperationDefinitionNode): number {
  const fragments: FragmentMeasures<number> = new FragmentMeasures(document, (fragment) => aliasesIn(fragment.selectionSet), 0);
  function aliasesIn(selectionSet: SelectionSetNode): number {
    let count = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.alias) count++;
        if (selection.selectionSet) count += aliasesIn(selection.selectionSet);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        count += aliasesIn(selection.selectionSet);
      } else {
        count += fragments.of(selection.name.value);
      }
    }
    return count;
  }
  return aliasesIn(operation.selectionSet);
}

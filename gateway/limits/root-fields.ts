import { type DocumentNode, Kind, type OperationDefinitionNode, type SelectionSetNode } from "graphql";
import { FragmentMeasures } from "./fragments.js";

/**
 * How many fields the operation selects at the top, through fragments too. Repeats count:
 * 500 × `__typename` is 500 root fields, though graphql merges them into one answer.
 */
export function rootFieldCount(document: DocumentNode, operation: OperationDefinitionNode): number {
  const fragments: FragmentMeasures<number> = new FragmentMeasures(document, (fragment) => fieldsIn(fragment.selectionSet), 0);
  function fieldsIn(selectionSet: SelectionSetNode): number {
    let count = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) count++;
      else if (selection.kind === Kind.INLINE_FRAGMENT) count += fieldsIn(selection.selectionSet);
      else count += fragments.of(selection.name.value);
    }
    return count;
  }
  return fieldsIn(operation.selectionSet);
}

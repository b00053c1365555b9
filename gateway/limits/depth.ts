import { type DocumentNode, Kind, type OperationDefinitionNode, type SelectionSetNode } from "graphql";
import { FragmentMeasures } from "./fragments.js";

// Introspection has its own bound in graphql's specified rules (MaxIntrospectionDepthRule), and
// the standard introspection query nests `ofType` deeper than any data operation needs.
const INTROSPECTION_ROOTS = new Set(["__schema", "__type"]);

/** How deeply the operation nests fields: `{ a { b } }` is 2. */
export function operationDepth(document: DocumentNode, operation: OperationDefinitionNode): number {
  const fragments: FragmentMeasures<number> = new FragmentMeasures(document, (fragment) => depthOf(fragment.selectionSet), 0);
  function depthOf(selectionSet: SelectionSetNode): number {
    let deepest = 0;
    for (const selection of selectionSet.selections) {
      let depth: number;
      if (selection.kind === Kind.FIELD) {
        if (INTROSPECTION_ROOTS.has(selection.name.value)) continue;
        depth = 1 + (selection.selectionSet ? depthOf(selection.selectionSet) : 0);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        depth = depthOf(selection.selectionSet);
      } else {
        depth = fragments.of(selection.name.value);
      }
      deepest = Math.max(deepest, depth);
    }
    return deepest;
  }
  return depthOf(operation.selectionSet);
}

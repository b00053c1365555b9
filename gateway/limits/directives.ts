import { type ASTNode, type DirectiveNode, type DocumentNode, Kind, visit } from "graphql";

export interface DirectivePileUp {
  count: number;
  /** Where: the field's response name, or the fragment's. */
  on: string;
}

/** The node of the document that carries the most directives: a field, fragment or operation. */
export function mostDirectivesOnOneNode(document: DocumentNode): DirectivePileUp {
  let most: DirectivePileUp = { count: 0, on: "" };
  visit(document, {
    enter(node: ASTNode) {
      const directives = (node as { directives?: readonly DirectiveNode[] }).directives;
      if (directives && directives.length > most.count) most = { count: directives.length, on: nameOf(node) };
    },
  });
  return most;
}

function nameOf(node: ASTNode): string {
  switch (node.kind) {
    case Kind.FIELD:
      return `field "${(node.alias ?? node.name).value}"`;
    case Kind.FRAGMENT_SPREAD:
    case Kind.FRAGMENT_DEFINITION:
      return `fragment "${node.name.value}"`;
    case Kind.OPERATION_DEFINITION:
      return node.name ? `operation "${node.name.value}"` : "the operation";
    default:
      return node.kind;
  }
}

// Reads from the supergraph which subgraph resolves which field, so that tests about a
// subgraph being down cover every cross-subgraph field, including ones added later.
import { type DirectiveNode, type FieldDefinitionNode, Kind, type ObjectTypeDefinitionNode, parse } from "graphql";
import type { SubgraphName } from "../../services/registry.js";

/** A field one subgraph adds to an entity that another subgraph owns. */
export interface ContributedField {
  type: string;
  field: string;
  /** The subgraph that owns the entity: it resolves the most of its fields. */
  owner: SubgraphName;
  /** The subgraph that resolves the field, and alone. */
  contributor: SubgraphName;
}

const graphArgument = (directive: DirectiveNode): string | undefined => {
  const argument = directive.arguments?.find((candidate) => candidate.name.value === "graph");
  return argument?.value.kind === Kind.ENUM ? argument.value.value : undefined;
};

const isTrue = (directive: DirectiveNode, name: string) =>
  directive.arguments?.some((argument) => argument.name.value === name && argument.value.kind === Kind.BOOLEAN && argument.value.value) ?? false;

const directivesNamed = (node: ObjectTypeDefinitionNode | FieldDefinitionNode, name: string) =>
  (node.directives ?? []).filter((directive) => directive.name.value === name);

/** The join__Graph enum value (ACTORS) of each subgraph, read from its @join__graph(name:). */
function graphNames(document: ReturnType<typeof parse>): Map<string, SubgraphName> {
  const names = new Map<string, SubgraphName>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.ENUM_TYPE_DEFINITION || definition.name.value !== "join__Graph") continue;
    for (const value of definition.values ?? []) {
      const graph = value.directives?.find((directive) => directive.name.value === "join__graph");
      const name = graph?.arguments?.find((argument) => argument.name.value === "name");
      if (name?.value.kind === Kind.STRING) names.set(value.name.value, name.value.value as SubgraphName);
    }
  }
  return names;
}

/** The subgraphs that resolve a field: its non-external @join__field graphs, or every graph of its type when it has none. */
function resolvingGraphs(field: FieldDefinitionNode, typeGraphs: string[]): string[] {
  const joins = directivesNamed(field, "join__field");
  if (joins.length === 0) return typeGraphs;
  return joins.filter((join) => !isTrue(join, "external")).flatMap((join) => graphArgument(join) ?? []);
}

/**
 * Every field of an entity (a type with @join__type keys in two or more subgraphs) that a
 * subgraph other than the entity's owner resolves alone.
 */
export function contributedFields(supergraphSdl: string): ContributedField[] {
  const document = parse(supergraphSdl);
  const subgraphOf = graphNames(document);
  const contributed: ContributedField[] = [];
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION) continue;
    const keyedGraphs = directivesNamed(definition, "join__type")
      .filter((join) => join.arguments?.some((argument) => argument.name.value === "key"))
      .flatMap((join) => graphArgument(join) ?? []);
    if (keyedGraphs.length < 2) continue;
    const fields = (definition.fields ?? []).map((field) => ({ name: field.name.value, graphs: resolvingGraphs(field, keyedGraphs) }));
    const fieldCount = (graph: string) => fields.filter((field) => field.graphs.length === 1 && field.graphs[0] === graph).length;
    const owner = [...keyedGraphs].sort((a, b) => fieldCount(b) - fieldCount(a))[0]!;
    for (const field of fields) {
      if (field.graphs.length !== 1 || field.graphs[0] === owner) continue;
      contributed.push({ type: definition.name.value, field: field.name, owner: subgraphOf.get(owner)!, contributor: subgraphOf.get(field.graphs[0]!)! });
    }
  }
  return contributed;
}

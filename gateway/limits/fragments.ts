import { type DocumentNode, type FragmentDefinitionNode, Kind } from "graphql";

/**
 * Measures each fragment of a document once, however often it is spread, so that a hostile
 * document of fragments spreading fragments costs linear time, not exponential. Limits run
 * before graphql's own validation, so a fragment may spread itself: inside that cycle it
 * measures as `onCycle`, and graphql's NoFragmentCyclesRule refuses the document afterwards.
 */
export class FragmentMeasures<T, TContext = undefined> {
  private readonly definitions = new Map<string, FragmentDefinitionNode>();
  private readonly measured = new Map<string, T>();
  private readonly inProgress = new Set<string>();

  constructor(
    document: DocumentNode,
    /** The context is whatever the measure depends on besides the fragment, e.g. a page size. */
    private readonly measure: (fragment: FragmentDefinitionNode, context: TContext) => T,
    private readonly onCycle: T,
  ) {
    for (const definition of document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) this.definitions.set(definition.name.value, definition);
    }
  }

  /** The fragment's measure; `onCycle` for an unknown fragment or one being measured. */
  of(name: string, context?: TContext): T {
    const key = `${name}\u0000${String(context)}`;
    const known = this.measured.get(key);
    if (known !== undefined) return known;
    const definition = this.definitions.get(name);
    if (!definition || this.inProgress.has(name)) return this.onCycle;
    this.inProgress.add(name);
    const value = this.measure(definition, context as TContext);
    this.inProgress.delete(name);
    this.measured.set(key, value);
    return value;
  }
}

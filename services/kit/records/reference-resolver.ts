// Turns the references of a document (keys, full IDs, actor names) into IDs. References to
// entities outside the document are only collected here; check-document.ts then asks the
// database whether they exist, so that every unresolved reference is reported before writing.
import { isWellFormedId } from "../schema/ids.js";
import { duplicatesIn } from "./duplicates.js";
import { KEY_PATTERN, meridianId, meridianKeyOf } from "./entity-ids.js";
import { normalizeName } from "./normalize-name.js";
import type { ProblemPath } from "../../../platform/graphql/problem-path.js";
import type { ReportProblem } from "./problems.js";

/**
 * Each kind of entity a reference may name, with the list of a document that holds the
 * entities of that kind, in the document's order. The kinds are closed: a subgraph's rows
 * name the kinds of other subgraphs (a statement's speaker is an actor), and a subgraph
 * imports no other, so the kit holds the one list they all check their references against.
 */
const LIST_OF_KIND = { source: "sources", actor: "actors", statement: "statements", claim: "claims", incident: "incidents" } as const;

export type EntityKind = keyof typeof LIST_OF_KIND;

type Keyed = readonly { key: string }[];

/**
 * What the resolver reads of a document: the keys of its lists, and the names of its actors.
 * A whole Meridian document is one, and so is the part of it one subgraph writes.
 */
export type KeyedLists = { readonly [Kind in EntityKind as (typeof LIST_OF_KIND)[Kind]]?: Keyed } & {
  readonly actors?: readonly { key: string; name: string; aliases?: readonly { value: string }[] }[];
};

/** A reference to an entity that is not in the document, which must therefore be stored already. */
export interface StoredReference {
  kind: EntityKind;
  id: string;
  reference: string;
  path: ProblemPath;
}

/**
 * What an unresolvable reference resolves to. The problem is reported at the same time, so
 * the document is rejected before any row holding this placeholder is written.
 */
export const UNRESOLVED = "";

export class ReferenceResolver {
  private readonly keys = new Map<EntityKind, Set<string>>();
  private readonly actorKeysByName = new Map<string, Set<string>>();
  readonly storedReferences: StoredReference[] = [];
  /** The entities the document itself contains, with the IDs their keys give them: those it creates or updates. */
  readonly documentEntities: StoredReference[] = [];

  constructor(
    document: KeyedLists,
    private readonly report: ReportProblem,
  ) {
    for (const [kind, list] of Object.entries(LIST_OF_KIND) as [EntityKind, (typeof LIST_OF_KIND)[EntityKind]][])
      this.indexKeys(kind, list, document[list] ?? []);
    for (const actor of document.actors ?? []) {
      for (const name of [actor.name, ...(actor.aliases ?? []).map((alias) => alias.value)]) {
        const normalized = normalizeName(name);
        this.actorKeysByName.set(normalized, (this.actorKeysByName.get(normalized) ?? new Set()).add(actor.key));
      }
    }
  }

  /** The ID an optional reference stands for, null when there is none. */
  resolveOptional(kind: EntityKind, reference: string | null | undefined, path: ProblemPath): string | null {
    return reference == null ? null : this.resolve(kind, reference, path);
  }

  /** The ID `reference` stands for; UNRESOLVED, after reporting why, when it stands for nothing. */
  resolve(kind: EntityKind, reference: string, path: ProblemPath): string {
    if (reference.includes(":")) return this.resolveId(kind, reference, path);
    if (this.keys.get(kind)!.has(reference)) return meridianId(reference);
    if (kind === "actor") {
      const named = this.actorKeysByName.get(normalizeName(reference));
      if (named?.size === 1) return meridianId([...named][0]!);
      if (named && named.size > 1) {
        this.report(path, `"${reference}" is the name or alias of several actors (${[...named].join(", ")}); refer to one by its key`);
        return UNRESOLVED;
      }
    }
    if (KEY_PATTERN.test(reference)) return this.stored(kind, meridianId(reference), reference, path);
    this.report(path, `no ${kind} has the key${kind === "actor" ? ", name or alias" : ""} "${reference}"`);
    return UNRESOLVED;
  }

  private resolveId(kind: EntityKind, id: string, path: ProblemPath): string {
    if (!isWellFormedId(id)) {
      this.report(path, `"${id}" is neither a key nor a well-formed ID ("namespace:key")`);
      return UNRESOLVED;
    }
    const key = meridianKeyOf(id);
    if (key !== undefined && this.keys.get(kind)!.has(key)) return id;
    return this.stored(kind, id, id, path);
  }

  private stored(kind: EntityKind, id: string, reference: string, path: ProblemPath): string {
    this.storedReferences.push({ kind, id, reference, path });
    return id;
  }

  private indexKeys(kind: EntityKind, list: string, entities: readonly { key: string }[]): void {
    for (const { index, firstIndex } of duplicatesIn(entities, (entity) => entity.key)) {
      this.report([list, index, "key"], `duplicate ${kind} key "${entities[index]!.key}" (first used at ${list}[${firstIndex}])`);
    }
    this.keys.set(kind, new Set(entities.map((entity) => entity.key)));
    for (const [index, { key }] of entities.entries()) this.documentEntities.push({ kind, id: meridianId(key), reference: key, path: [list, index, "key"] });
  }
}

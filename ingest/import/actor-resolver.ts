// Resolves the actors a dataset names to stored actors, a batch at a time: first an exact
// alias in the dataset's scheme (ACLED name, CAMEO code); then the normalised name against
// every alias, accepted when it names one actor only (and, when the dataset states the kind,
// an actor of that kind: GDELT's "UNITED STATES" for USAGOV is the government, not the
// state); else a new actor is created with the alias. A name match adds the alias to the
// matched actor, so the next import matches it exactly and every import of one dataset
// resolves a name the same way. Codes may be compositional (CAMEO's "SYR" is Syria, "SYRREL"
// its religious groups) while the names beside them are the words of an article (GDELT's
// "SYRIA" for both), so in a scheme of codes (ActorScheme.valuesAreCodes) a code is never
// matched by name at all: the code says which entity it is (cameo-actors.ts), and a match by
// name would depend on what an earlier import stored. A name match needs the country to agree
// where both have one. Each name is resolved once per import and remembered.
//
// Besides: the words a record used for an actor ("ANGELA MERKEL" for DEUGOV) and the name the
// mention gives ("Government of Germany") become FREE aliases of it, however it was matched,
// so the aliases are the same in every import order;
// a kind the record states (ACLED's inter1/inter2) refines the kind of an actor this scheme
// created, whenever a row gives one; a mention's partOf (an ACLED unit's force, a period's
// force's country-wide CAMEO force by the crosswalk rule) is resolved too and linked PART_OF;
// a mention a crosswalk rule says is the same as another scheme's code (sameAs: ACLED's
// "Military Forces of Somalia (2022-)" is CAMEO SOMMIL) resolves to that code's actor, found or
// created as the code's own dataset would, so the actor is the same in every import order.
// An actor an editor deleted (or merged into one deleted since) stays deleted: a mention whose
// own ID is retired, and that no alias or crosswalk matches, resolves to that ID, which the
// records then name and which answers null, and is neither created again nor matched by name.
import { and, eq, sql } from "drizzle-orm";
import { actorRelations, actors, aliases } from "../../services/actors/data/tables.js";
import { anyOfIds } from "../../db/any-of-ids.js";
import type { Database } from "../../db/client.js";
import { chunks } from "../../db/bulk/chunks.js";
import { normalizeName } from "../../services/kit/records/normalize-name.js";
import type { ActorScheme } from "./dataset-format.js";
import {
  type LinkMethod,
  type NewActorLink,
  actorsDecidedAgainst,
  identifierActorKey,
  recordLinks,
  sameCodeRule,
} from "../../services/actors/writes/actor-links.js";
import { freeAlias, insertNamedActors } from "../../services/actors/writes/named-actors.js";
import { retiredActorIds } from "../../services/actors/writes/retired-actor-ids.js";
import { actorIdFor, disambiguatedActorId, slugOrHash } from "./dataset-ids.js";
import type { ActorKind, ActorMention, DatasetScheme } from "./dataset-record.js";

/**
 * How a mention found its actor: the same code or name in the scheme, a crosswalk rule (ACLED
 * state forces → CAMEO <country>MIL), the name and country, none (created), or its own actor
 * was deleted or merged away by an editor (retired: kept so, nothing is written for it).
 */
export type ResolutionOutcome = "alias" | "crosswalk" | "name" | "created" | "retired";

export interface ActorResolution {
  scheme: DatasetScheme;
  value: string;
  actorId: string;
  actorName: string;
  kind: ActorKind;
  outcome: ResolutionOutcome;
}

interface NamedActor {
  name: string;
  kind: ActorKind;
  country: string | null;
  /** The schemes of codes (ActorScheme.valuesAreCodes) the actor has a code in. */
  codeSchemes: DatasetScheme[];
}

export function mentionKey(mention: Pick<ActorMention, "scheme" | "value">): string {
  return `${mention.scheme}\u0000${mention.value}`;
}

export class ActorResolver {
  private readonly resolved = new Map<string, ActorResolution>();
  private readonly wordsAdded = new Set<string>();
  private readonly relationsAdded = new Set<string>();
  private readonly schemes: ReadonlyMap<DatasetScheme, ActorScheme>;
  private readonly codeSchemes: DatasetScheme[];

  /** `schemes`: those of the formats whose mentions it resolves (DatasetFormat.actors). */
  constructor(
    private readonly db: Database,
    schemes: readonly ActorScheme[],
  ) {
    this.schemes = new Map(schemes.map((scheme) => [scheme.scheme, scheme]));
    this.codeSchemes = schemes.filter((scheme) => scheme.valuesAreCodes).map((scheme) => scheme.scheme);
  }

  /** Every name resolved so far, in the order they were met. */
  get resolutions(): ActorResolution[] {
    return [...this.resolved.values()];
  }

  /** The actor ID of each mention, by mentionKey; writes created actors, added aliases, refined kinds and PART_OF relations. */
  async resolve(mentions: readonly ActorMention[]): Promise<Map<string, string>> {
    const all = withParents(mentions);
    // The actors crosswalk rules point to first, so that the mentions they cover can take them.
    await this.resolvePending(all.flatMap((mention) => (mention.sameAs ? [mention.sameAs] : [])));
    await this.resolvePending(all);
    await this.refineKinds(all);
    await this.addWords(all);
    await this.addPartOf(all);
    return new Map(mentions.map((mention) => [mentionKey(mention), this.resolved.get(mentionKey(mention))!.actorId]));
  }

  private async resolvePending(mentions: readonly ActorMention[]): Promise<void> {
    const pending = pendingMentions(mentions, this.resolved);
    if (pending.length === 0) return;
    const byAlias = await this.matchAliases(pending);
    const rest = pending.filter((mention) => !byAlias.has(mentionKey(mention)));
    // Editors' rejections and splits: an identifier is never joined again to an actor decided against.
    const decidedAgainst = await actorsDecidedAgainst(this.db, rest);
    const byCrosswalk = this.matchCrosswalks(rest, decidedAgainst);
    const notCrosswalked = rest.filter((mention) => !byCrosswalk.has(mentionKey(mention)));
    const retired = await this.retiredOwnActors(notCrosswalked);
    const unmatched = notCrosswalked.filter((mention) => !retired.has(mentionKey(mention)));
    const byName = await this.matchNames(
      unmatched.filter((mention) => !this.schemeOf(mention).valuesAreCodes),
      decidedAgainst,
    );
    const created = await this.create(unmatched.filter((mention) => !byName.has(mentionKey(mention))));
    await this.addAliases([...byCrosswalk.values(), ...byName.values()], pending);
    await this.recordLinks([...byAlias.values(), ...byCrosswalk.values(), ...byName.values()], pending);
    for (const resolution of [...byAlias.values(), ...byCrosswalk.values(), ...byName.values(), ...retired.values(), ...created]) {
      this.resolved.set(mentionKey(resolution), resolution);
    }
  }

  /** A mention a crosswalk rule gives another scheme's code for (sameAs) is that code's actor, resolved before. */
  private matchCrosswalks(mentions: readonly ActorMention[], decidedAgainst: ReadonlySet<string>): Map<string, ActorResolution> {
    const found = new Map<string, ActorResolution>();
    for (const mention of mentions) {
      const target = mention.sameAs && this.resolved.get(mentionKey(mention.sameAs));
      if (!target || target.outcome === "retired" || decidedAgainst.has(identifierActorKey(mention.scheme, mention.value, target.actorId))) continue;
      found.set(mentionKey(mention), { ...target, scheme: mention.scheme, value: mention.value, outcome: "crosswalk" });
    }
    return found;
  }

  /** A kind the record states replaces the kind of an actor this scheme created (not a curated one's). */
  private async refineKinds(mentions: readonly ActorMention[]): Promise<void> {
    for (const mention of mentions) {
      const resolution = this.resolved.get(mentionKey(mention))!;
      if (!mention.kindIsStated || resolution.kind === mention.kind || resolution.outcome === "retired") continue;
      if (!resolution.actorId.startsWith(`${this.schemeOf(mention).idNamespace}:`)) continue;
      await this.db.update(actors).set({ kind: mention.kind, updatedAt: sql`now()` }).where(eq(actors.id, resolution.actorId));
      for (const other of this.resolved.values()) if (other.actorId === resolution.actorId) other.kind = mention.kind;
    }
  }

  private async addWords(mentions: readonly ActorMention[]): Promise<void> {
    const rows = new Map<string, typeof aliases.$inferInsert>();
    for (const mention of mentions) {
      const resolution = this.resolved.get(mentionKey(mention))!;
      if (resolution.outcome === "retired") continue;
      const actorId = resolution.actorId;
      // The name an actor created for the mention gets ("Military of Russia" for RUSMIL) too, so an
      // actor found has the FREE aliases it would have had if created first and absorbed.
      for (const words of mention.words && mention.words !== mention.name ? [mention.name, mention.words] : [mention.name]) {
        const key = `${actorId}\u0000${words}`;
        if (this.wordsAdded.has(key)) continue;
        this.wordsAdded.add(key);
        rows.set(key, freeAlias(actorId, words));
      }
    }
    for (const batch of chunks([...rows.values()])) await this.db.insert(aliases).values(batch).onConflictDoNothing();
  }

  private async addPartOf(mentions: readonly ActorMention[]): Promise<void> {
    const rows = new Map<string, typeof actorRelations.$inferInsert>();
    for (const mention of mentions) {
      if (!mention.partOf) continue;
      const subject = this.resolved.get(mentionKey(mention))!;
      const object = this.resolved.get(mentionKey(mention.partOf))!;
      if (subject.outcome === "retired" || object.outcome === "retired") continue;
      const subjectId = subject.actorId;
      const objectId = object.actorId;
      const id = partOfRelationId(subjectId, objectId);
      if (subjectId === objectId || this.relationsAdded.has(id)) continue;
      this.relationsAdded.add(id);
      // A unit or a past period's force is part of its whole for the years its name gives.
      rows.set(id, { id, subjectId, predicate: "PART_OF", objectId, validFrom: mention.validFrom ?? null, validTo: mention.validTo ?? null, sourceId: null });
    }
    // Known by its ends, not its ID: a merge (a curated actor absorbing one an import made) moves a relation's ends and keeps its ID.
    const stored = new Set<string>();
    for (const subjects of chunks([...new Set([...rows.values()].map((row) => row.subjectId))])) {
      const found = await this.db
        .select({ subjectId: actorRelations.subjectId, objectId: actorRelations.objectId })
        .from(actorRelations)
        .where(and(eq(actorRelations.predicate, "PART_OF"), anyOfIds(actorRelations.subjectId, subjects)));
      for (const relation of found) stored.add(`${relation.subjectId} ${relation.objectId}`);
    }
    const missing = [...rows.values()].filter((row) => !stored.has(`${row.subjectId} ${row.objectId}`));
    for (const batch of chunks(missing)) await this.db.insert(actorRelations).values(batch).onConflictDoNothing();
  }

  private async matchAliases(mentions: readonly ActorMention[]): Promise<Map<string, ActorResolution>> {
    const found = new Map<string, ActorResolution>();
    for (const [scheme, group] of groupByScheme(mentions)) {
      for (const values of chunks(group.map((mention) => mention.value))) {
        const rows = await this.db
          .select({ value: aliases.value, actorId: actors.id, name: actors.name, kind: actors.kind })
          .from(aliases)
          .innerJoin(actors, eq(actors.id, aliases.actorId))
          .where(and(eq(aliases.scheme, scheme), anyOfIds(aliases.value, values)))
          .orderBy(actors.id);
        for (const row of rows) {
          const key = mentionKey({ scheme, value: row.value });
          if (!found.has(key)) found.set(key, { scheme, value: row.value, actorId: row.actorId, actorName: row.name, kind: row.kind, outcome: "alias" });
        }
      }
    }
    return found;
  }

  private async matchNames(mentions: readonly ActorMention[], decidedAgainst: ReadonlySet<string>): Promise<Map<string, ActorResolution>> {
    const normalized = new Map(mentions.map((mention) => [mentionKey(mention), normalizeName(mention.name)]));
    const candidates = new Map<string, Map<string, NamedActor>>();
    for (const values of chunks([...new Set(normalized.values())].filter(Boolean))) {
      const rows = await this.db
        .select({
          normalized: aliases.normalizedValue,
          actorId: actors.id,
          name: actors.name,
          kind: actors.kind,
          country: actors.country,
          codeSchemes:
            this.codeSchemes.length > 0
              ? sql<
                  DatasetScheme[]
                >`array(select distinct code_aliases.scheme from ${aliases} as code_aliases where code_aliases.actor_id = ${actors.id} and code_aliases.scheme in ${this.codeSchemes})`
              : sql<DatasetScheme[]>`'{}'::text[]`,
        })
        .from(aliases)
        .innerJoin(actors, eq(actors.id, aliases.actorId))
        .where(anyOfIds(aliases.normalizedValue, values));
      for (const row of rows) {
        const actorsNamed = candidates.get(row.normalized) ?? new Map();
        candidates.set(row.normalized, actorsNamed.set(row.actorId, { name: row.name, kind: row.kind, country: row.country, codeSchemes: row.codeSchemes }));
      }
    }
    const found = new Map<string, ActorResolution>();
    for (const mention of mentions) {
      const named = [...(candidates.get(normalized.get(mentionKey(mention))!) ?? new Map<string, NamedActor>())];
      const fitting = named.filter(
        ([actorId, actor]) =>
          !decidedAgainst.has(identifierActorKey(mention.scheme, mention.value, actorId)) &&
          (!mention.kindIsStated || actor.kind === mention.kind) &&
          (mention.country === null || actor.country === null || actor.country === mention.country) &&
          !(this.schemeOf(mention).valuesAreCodes && actor.codeSchemes.includes(mention.scheme)),
      );
      if (fitting.length !== 1) continue;
      const [actorId, actor] = fitting[0]!;
      found.set(mentionKey(mention), { scheme: mention.scheme, value: mention.value, actorId, actorName: actor.name, kind: actor.kind, outcome: "name" });
    }
    return found;
  }

  /** The mentions whose own actor (the one their dataset creates) an editor deleted or merged away: resolved to its ID, kept so. */
  private async retiredOwnActors(mentions: readonly ActorMention[]): Promise<Map<string, ActorResolution>> {
    const ownIds = mentions.map((mention) => actorIdFor(this.schemeOf(mention).idNamespace, mention.value));
    const retired = await retiredActorIds(this.db, ownIds);
    const found = new Map<string, ActorResolution>();
    for (const [index, mention] of mentions.entries()) {
      const actorId = ownIds[index]!;
      if (retired.has(actorId)) found.set(mentionKey(mention), this.retiredResolution(mention, actorId));
    }
    return found;
  }

  private retiredResolution(mention: ActorMention, actorId: string): ActorResolution {
    return { scheme: mention.scheme, value: mention.value, actorId, actorName: mention.name, kind: mention.kind, outcome: "retired" };
  }

  private async create(mentions: readonly ActorMention[]): Promise<ActorResolution[]> {
    if (mentions.length === 0) return [];
    const wanted = mentions.map((mention) => actorIdFor(this.schemeOf(mention).idNamespace, mention.value));
    const taken = new Set<string>();
    for (const ids of chunks([...new Set(wanted)])) {
      for (const row of await this.db.select({ id: actors.id }).from(actors).where(anyOfIds(actors.id, ids))) taken.add(row.id);
    }
    const resolved = mentions.map((mention, index): ActorResolution => {
      const namespace = this.schemeOf(mention).idNamespace;
      const actorId = taken.has(wanted[index]!) ? disambiguatedActorId(namespace, mention.value) : wanted[index]!;
      taken.add(actorId);
      return { scheme: mention.scheme, value: mention.value, actorId, actorName: mention.name, kind: mention.kind, outcome: "created" };
    });
    // The wanted IDs were checked (retiredOwnActors); a disambiguated one may have been deleted too.
    const retired = await retiredActorIds(
      this.db,
      resolved.filter((resolution, index) => resolution.actorId !== wanted[index]).map((resolution) => resolution.actorId),
    );
    for (const resolution of resolved) if (retired.has(resolution.actorId)) resolution.outcome = "retired";
    const created = resolved.filter((resolution) => resolution.outcome === "created");
    if (created.length === 0) return resolved;
    const mentionOf = new Map(mentions.map((mention) => [mentionKey(mention), mention]));
    await insertNamedActors(
      this.db,
      created.map((actor) => {
        const mention = mentionOf.get(mentionKey(actor))!;
        return {
          row: { id: actor.actorId, kind: actor.kind, name: actor.actorName, country: mention.country ?? null, description: null },
          aliases: [aliasRow(actor.actorId, mention)],
        };
      }),
    );
    return resolved;
  }

  private schemeOf(mention: ActorMention): ActorScheme {
    const scheme = this.schemes.get(mention.scheme);
    if (!scheme) throw new Error(`no dataset format of this import names actors in the ${mention.scheme} scheme`);
    return scheme;
  }

  /**
   * A mention matched to an actor its dataset did not create (a curated actor, another
   * dataset's) is a link: recorded with how it was made and what the mention is on its own.
   * A link made before is left as it is: matched again by its alias, it is already recorded.
   */
  private async recordLinks(matched: readonly ActorResolution[], mentions: readonly ActorMention[]): Promise<void> {
    const mentionOf = new Map(mentions.map((mention) => [mentionKey(mention), mention]));
    const links: NewActorLink[] = [];
    for (const match of matched) {
      const mention = mentionOf.get(mentionKey(match))!;
      const namespace = this.schemeOf(mention).idNamespace;
      if (match.actorId.startsWith(`${namespace}:`)) continue;
      const { method, rule } = LINK_OF_OUTCOME[match.outcome](mention);
      links.push({
        scheme: match.scheme,
        value: match.value,
        actorId: match.actorId,
        method,
        rule,
        ownActorId: actorIdFor(namespace, match.value),
        ownName: mention.name,
        ownKind: mention.kind,
        ownCountry: mention.country,
      });
    }
    await recordLinks(this.db, links);
  }

  /** The matched mentions' values become aliases of their actors, with the periods they name. */
  private async addAliases(matched: readonly ActorResolution[], mentions: readonly ActorMention[]): Promise<void> {
    const mentionOf = new Map(mentions.map((mention) => [mentionKey(mention), mention]));
    const rows = matched.map((match) => aliasRow(match.actorId, mentionOf.get(mentionKey(match))!));
    for (const batch of chunks(rows)) await this.db.insert(aliases).values(batch).onConflictDoNothing();
  }
}

/** The link each way of matching makes (created actors make none). */
const LINK_OF_OUTCOME: Record<ResolutionOutcome, (mention: ActorMention) => { method: LinkMethod; rule: string }> = {
  alias: (mention) => ({ method: "SAME_CODE", rule: sameCodeRule(mention.scheme) }),
  crosswalk: (mention) => ({
    method: "CROSSWALK",
    rule: `${mention.sameAsRule ?? "a crosswalk rule"} (here ${mention.sameAs?.scheme} ${mention.sameAs?.value})`,
  }),
  name: (mention) => ({
    method: "NAME_AND_COUNTRY",
    rule:
      mention.country === null
        ? `the same name ("${mention.name}"), of an actor with no other of that name`
        : `the same name ("${mention.name}") and country (${mention.country})`,
  }),
  created: () => {
    throw new Error("a created actor is its mention's own: no link");
  },
  retired: () => {
    throw new Error("a retired actor's mention is its own: no link");
  },
};

function aliasRow(actorId: string, mention: ActorMention): typeof aliases.$inferInsert {
  return {
    actorId,
    scheme: mention.scheme,
    value: mention.value,
    normalizedValue: normalizeName(mention.value),
    validFrom: mention.validFrom ?? null,
    validTo: mention.validTo ?? null,
  };
}

/** The mentions with the actors they are part of, parents after their parts. */
function withParents(mentions: readonly ActorMention[]): ActorMention[] {
  const all: ActorMention[] = [];
  for (const mention of mentions) {
    for (let current: ActorMention | undefined = mention; current; current = current.partOf) all.push(current);
  }
  return all;
}

/** A PART_OF relation's ID from its two ends, the same whichever import makes it. */
export function partOfRelationId(subjectId: string, objectId: string): string {
  return `rel:${slugOrHash(`${subjectId} part of ${objectId}`)}`;
}

/**
 * The mentions not resolved yet, once each: of several mentions of one alias, one that states
 * the kind, with the name given most often (GDELT names USA "UNITED STATES", "AMERICAN",
 * "WASHINGTON": the actor is named by the most frequent).
 */
function pendingMentions(mentions: readonly ActorMention[], resolved: ReadonlyMap<string, ActorResolution>): ActorMention[] {
  const pending = new Map<string, { mention: ActorMention; names: Map<string, number> }>();
  for (const mention of mentions) {
    const key = mentionKey(mention);
    if (resolved.has(key)) continue;
    const earlier = pending.get(key);
    const names = earlier?.names ?? new Map<string, number>();
    names.set(mention.name, (names.get(mention.name) ?? 0) + 1);
    if (!earlier || (!earlier.mention.kindIsStated && mention.kindIsStated)) pending.set(key, { mention, names });
  }
  return [...pending.values()].map(({ mention, names }) => {
    const [name] = [...names].reduce((best, entry) => (entry[1] > best[1] ? entry : best));
    return { ...mention, name };
  });
}

function groupByScheme(mentions: readonly ActorMention[]): Map<DatasetScheme, ActorMention[]> {
  const groups = new Map<DatasetScheme, ActorMention[]>();
  for (const mention of mentions) groups.set(mention.scheme, [...(groups.get(mention.scheme) ?? []), mention]);
  return groups;
}

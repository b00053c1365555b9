// Recording links (actorLinks in tables.ts): which dataset identifier was joined to which
// actor, how, and how sure. Imports record them as they resolve mentions (ingest's
// actor-resolver), merges as they move an actor's identifiers into another.
import { type SQL, and, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../../../db/client.js";
import { chunks } from "../../../db/bulk/chunks.js";
import { IDENTIFIER_SCHEME_VALUES, type LINK_METHOD_VALUES, actorLinks, type actors, aliases } from "../data/tables.js";

export type LinkMethod = (typeof LINK_METHOD_VALUES)[number];
export type NewActorLink = Omit<typeof actorLinks.$inferInsert, "confidence" | "status" | "madeAt" | "decidedAt">;
type ActorRow = typeof actors.$inferSelect;

/**
 * How sure each method is, before an editor decides: a code is an identifier, so the same code
 * is the same entity; our crosswalk rules are deterministic but ours (no public crosswalk
 * exists); a name with an agreeing country can still be two people or two groups.
 */
export const LINK_CONFIDENCE: Record<LinkMethod, number> = { SAME_CODE: 1, CROSSWALK: 0.9, NAME_AND_COUNTRY: 0.7, EDITOR: 1 };

/** The SAME_CODE rule's words, the same whether the import matched the code or a curated actor absorbed the dataset's actor later. */
export function sameCodeRule(scheme: string): string {
  return scheme === "ACLED" ? "the actor holds the same ACLED actor name" : `the actor holds the same ${scheme} code`;
}

/** Records links not recorded yet; a link already made (in force or decided against) is left as it is. */
export async function recordLinks(db: Database, links: readonly NewActorLink[]): Promise<void> {
  // An editor's link is decided as it is made.
  const decided = (link: NewActorLink) => (link.method === "EDITOR" ? { status: "CONFIRMED" as const, decidedAt: sql`now()` } : {});
  for (const batch of chunks(links.map((link) => ({ ...link, confidence: LINK_CONFIDENCE[link.method], ...decided(link) })))) {
    await db.insert(actorLinks).values(batch).onConflictDoNothing();
  }
}

/**
 * Before `merged` is deleted into `survivor`: its links become the survivor's, and its own
 * identifiers are linked to the survivor by `method`, keeping the merged actor as what each
 * identifier is on its own, so that rejecting the link brings it back.
 */
export async function moveLinksInto(db: Database, survivor: ActorRow, merged: ActorRow, method: LinkMethod, rule: string): Promise<void> {
  // A link of the merged actor that the survivor already has (decided or not) stays the survivor's.
  await db.execute(sql`
    update ${actorLinks} set actor_id = ${survivor.id}
    where actor_id = ${merged.id}
      and not exists (select 1 from ${actorLinks} as kept where kept.scheme = ${actorLinks.scheme} and kept.value = ${actorLinks.value} and kept.actor_id = ${survivor.id})`);
  const ownIdentifiers = await db
    .select({ scheme: aliases.scheme, value: aliases.value })
    .from(aliases)
    .where(and(eq(aliases.actorId, merged.id), inArray(aliases.scheme, [...IDENTIFIER_SCHEME_VALUES])));
  const links = ownIdentifiers.map(({ scheme, value }) => ({
    scheme,
    value,
    actorId: survivor.id,
    method,
    rule,
    ownActorId: merged.id,
    ownName: merged.name,
    ownKind: merged.kind,
    ownCountry: merged.country,
  }));
  await recordLinks(db, links);
  // An editor's merge is the latest decision: a link of the two decided against before stands again, as the editor's.
  if (method === "EDITOR" && links.length > 0) {
    await db
      .update(actorLinks)
      .set({ method, rule, confidence: LINK_CONFIDENCE.EDITOR, status: "CONFIRMED", decidedAt: sql`now()` })
      .where(and(eq(actorLinks.actorId, survivor.id), inArray(actorLinks.status, ["REJECTED", "SPLIT"]), identifierIsAnyOf(links)));
  }
}

/** For each identifier (scheme, value), the actors editors decided it is not (REJECTED or SPLIT): no import joins them again. */
export async function actorsDecidedAgainst(db: Database, identifiers: readonly { scheme: string; value: string }[]): Promise<Set<string>> {
  const decided = new Set<string>();
  if (identifiers.length === 0) return decided;
  const rows = await db
    .select({ scheme: actorLinks.scheme, value: actorLinks.value, actorId: actorLinks.actorId })
    .from(actorLinks)
    .where(and(inArray(actorLinks.status, ["REJECTED", "SPLIT"]), identifierIsAnyOf(identifiers)));
  for (const row of rows) decided.add(identifierActorKey(row.scheme, row.value, row.actorId));
  return decided;
}

/**
 * A link's identifier is one of these (scheme, value) pairs: sent as two array parameters
 * zipped by unnest, so that the statement's text is the same whatever the number of pairs and
 * it reads only their links (the primary key's first columns), as anyOfIds does with one list.
 */
function identifierIsAnyOf(identifiers: readonly { scheme: string; value: string }[]): SQL {
  const schemes = identifiers.map((identifier) => identifier.scheme);
  const values = identifiers.map((identifier) => identifier.value);
  return sql`(${actorLinks.scheme}, ${actorLinks.value}) in (select * from unnest(${sql.param(schemes)}::text[], ${sql.param(values)}::text[]))`;
}

export function identifierActorKey(scheme: string, value: string, actorId: string): string {
  return `${scheme}\u0000${value}\u0000${actorId}`;
}

// Merging one actor into another: the survivor takes the merged actor's aliases and relations,
// the fields it lacks (country, description), and the merged ID redirects to it, so that the
// IDs other subgraphs hold (speakers, participants) keep resolving without a rewrite.
import { and, eq, inArray, not, or, sql } from "drizzle-orm";
import { anyOfIds } from "../../../db/any-of-ids.js";
import type { Database } from "../../../db/client.js";
import { IDENTIFIER_SCHEME_VALUES, actorRedirects, actorRelations, actors, aliases } from "../data/tables.js";
import { type LinkMethod, actorsDecidedAgainst, identifierActorKey, moveLinksInto, sameCodeRule } from "./actor-links.js";
import { MERIDIAN_NAMESPACE } from "../../kit/records/entity-ids.js";

type ActorRow = typeof actors.$inferSelect;

/** How the merged actor's identifiers come to be the survivor's: recorded on their links (actor-links.ts). */
export interface MergeReason {
  method: LinkMethod;
  rule: string;
}

/**
 * The merge itself, on two stored actors: the editors' merge (actor-curation.ts) checks its
 * arguments and calls it too. The merged actor's identifiers are linked to the survivor for
 * `reason`, keeping what the merged actor was, so that rejecting a link can bring it back.
 * Returns the survivor as the merge leaves it.
 */
export async function moveActorInto(db: Database, survivor: ActorRow, merged: ActorRow, reason: MergeReason): Promise<ActorRow> {
  await moveLinksInto(db, survivor, merged, reason.method, reason.rule);
  await db.execute(sql`
    insert into ${aliases} (actor_id, scheme, value, normalized_value, valid_from, valid_to)
    select ${survivor.id}, scheme, value, normalized_value, valid_from, valid_to from ${aliases} where actor_id = ${merged.id}
    on conflict do nothing`);
  // A relation between the two would become the survivor's relation to itself.
  await db
    .delete(actorRelations)
    .where(
      or(
        and(eq(actorRelations.subjectId, merged.id), eq(actorRelations.objectId, survivor.id)),
        and(eq(actorRelations.subjectId, survivor.id), eq(actorRelations.objectId, merged.id)),
      ),
    );
  await db.update(actorRelations).set({ subjectId: survivor.id }).where(eq(actorRelations.subjectId, merged.id));
  await db.update(actorRelations).set({ objectId: survivor.id }).where(eq(actorRelations.objectId, merged.id));
  // Both may have had the same relation (each PART_OF one force): the survivor keeps one, the earliest ID.
  await db.execute(sql`
    delete from ${actorRelations} as later using ${actorRelations} as earlier
    where later.id > earlier.id and later.subject_id = earlier.subject_id and later.predicate = earlier.predicate and later.object_id = earlier.object_id
      and later.valid_from is not distinct from earlier.valid_from and later.valid_to is not distinct from earlier.valid_to
      and ${survivor.id} in (later.subject_id, later.object_id)`);
  await db.update(actorRedirects).set({ toId: survivor.id }).where(eq(actorRedirects.toId, merged.id));
  const [survivorAfter] = await db
    .update(actors)
    .set({ country: survivor.country ?? merged.country, description: survivor.description ?? merged.description, updatedAt: sql`now()` })
    .where(eq(actors.id, survivor.id))
    .returning();
  await db.delete(actors).where(eq(actors.id, merged.id));
  await db.insert(actorRedirects).values({ fromId: merged.id, toId: survivor.id });
  return survivorAfter!;
}

/**
 * Makes the actors a document describes absorb the actors datasets created for the same codes
 * before (GDELT's gdelt:rus when the seed's Russia holds CAMEO RUS): the curated actor wins
 * whatever the order of the imports, as it would have been matched had it come first. Returns
 * how many were absorbed.
 */
export async function absorbDatasetActors(db: Database, documentActorIds: readonly string[]): Promise<number> {
  if (documentActorIds.length === 0) return 0;
  const clashes = await db
    .selectDistinct({ survivorId: aliases.actorId, mergedId: sql<string>`others.actor_id`, scheme: aliases.scheme, value: aliases.value })
    .from(aliases)
    .innerJoin(sql`${aliases} as others`, sql`others.scheme = ${aliases.scheme} and others.value = ${aliases.value} and others.actor_id <> ${aliases.actorId}`)
    .where(
      and(
        // One array parameter, whatever the document's size (anyOfIds).
        anyOfIds(aliases.actorId, documentActorIds),
        inArray(aliases.scheme, [...IDENTIFIER_SCHEME_VALUES]),
        not(anyOfIds(sql`others.actor_id`, documentActorIds)),
        sql`others.actor_id not like ${`${MERIDIAN_NAMESPACE}:%`}`,
      ),
    )
    .orderBy(sql`others.actor_id`);
  // An editor who rejected or split the link of a code to the curated actor keeps them apart.
  const decidedAgainst = await actorsDecidedAgainst(db, clashes);
  const absorbed = new Set<string>();
  const merges = clashes.filter(({ survivorId, mergedId, scheme, value }) => {
    if (absorbed.has(mergedId) || decidedAgainst.has(identifierActorKey(scheme, value, survivorId))) return false;
    absorbed.add(mergedId);
    return true;
  });
  // Both ends of every merge in one read; a survivor that absorbs several is kept as each merge leaves it.
  const stored = new Map<string, ActorRow>();
  const ends = new Set(merges.flatMap(({ survivorId, mergedId }) => [survivorId, mergedId]));
  if (ends.size > 0) for (const row of await db.select().from(actors).where(anyOfIds(actors.id, ends))) stored.set(row.id, row);
  for (const { survivorId, mergedId, scheme } of merges) {
    const survivor = stored.get(survivorId);
    const merged = stored.get(mergedId);
    if (survivor && merged) stored.set(survivorId, await moveActorInto(db, survivor, merged, { method: "SAME_CODE", rule: sameCodeRule(scheme) }));
  }
  return absorbed.size;
}

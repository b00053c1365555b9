// An actor's ID is retired when the actor was deleted (its tombstone) or merged into another
// (its redirect, kept even when the survivor is deleted since): statements and incidents hold
// actor IDs, and an actor created under one would become the speaker or participant of every
// row that named the old actor.
import { anyOfIds } from "../../../db/any-of-ids.js";
import { chunks } from "../../../db/bulk/chunks.js";
import { type RetiredIds, tombstonesOf } from "../../kit/records/tombstones.js";
import { actorRedirects, tombstones } from "../data/tables.js";

const deletedActors = tombstonesOf(tombstones, "actor");

export const retiredActorIds: RetiredIds = async (db, ids) => {
  const retired = await deletedActors(db, ids);
  const redirects: (typeof actorRedirects.$inferSelect)[] = [];
  for (const chunk of chunks([...new Set(ids)])) redirects.push(...(await db.select().from(actorRedirects).where(anyOfIds(actorRedirects.fromId, chunk))));
  // A merged ID whose survivor was deleted says so: it resolves to nothing until the survivor is restored.
  const deletedSurvivors = await deletedActors(
    db,
    redirects.map((redirect) => redirect.toId),
  );
  for (const { fromId, toId } of redirects) {
    const survivor = deletedSurvivors.get(toId);
    retired.set(fromId, { kind: "actor", id: fromId, mergedInto: toId, deletedAt: survivor?.deletedAt ?? null, deletedBy: survivor?.deletedBy ?? null });
  }
  return retired;
};

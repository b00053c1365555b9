// Actors made outside a document: those an import creates for a dataset's mentions, and the
// one an editor's rejection or split of a link brings back. Each gets its name as a FREE alias
// too, as the document loader stores it (actor-rows.ts), so that lookups by name need only the
// aliases.
import type { Database } from "../../../db/client.js";
import { chunks } from "../../../db/bulk/chunks.js";
import { normalizeName } from "../../kit/records/normalize-name.js";
import { actors, aliases } from "../data/tables.js";

type ActorInsert = typeof actors.$inferInsert;
type AliasInsert = typeof aliases.$inferInsert;

/** A FREE alias: a name, or the words a record used for the actor. */
export function freeAlias(actorId: string, value: string): AliasInsert {
  return { actorId, scheme: "FREE", value, normalizedValue: normalizeName(value) };
}

/**
 * Inserts the actors, then each one's name as a FREE alias followed by its other `aliases`;
 * an alias already stored is left as it is.
 */
export async function insertNamedActors(db: Database, created: readonly { row: ActorInsert; aliases?: readonly AliasInsert[] }[]): Promise<void> {
  for (const batch of chunks(created)) await db.insert(actors).values(batch.map((actor) => actor.row));
  const aliasRows = created.flatMap((actor) => [freeAlias(actor.row.id, actor.row.name), ...(actor.aliases ?? [])]);
  for (const batch of chunks(aliasRows)) await db.insert(aliases).values(batch).onConflictDoNothing();
}

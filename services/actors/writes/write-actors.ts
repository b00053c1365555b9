// Writes a document's part of the actors schema; touches no other schema.
import { sql } from "drizzle-orm";
import { actorRelations, actors, aliases } from "../data/tables.js";
import type { Database } from "../../../db/client.js";
import type { ActorsPart } from "./actor-rows.js";
import { addCountryAliases } from "./country-aliases.js";
import { absorbDatasetActors } from "./merge-actors.js";
import { retiredActorIds } from "./retired-actor-ids.js";
import type { EntityKindTables } from "../../kit/records/stored-references.js";
import { type EntityCounts, type EntityTables, syncEntities } from "../../kit/writes/sync-entities.js";

const ACTOR_TABLES: EntityTables = {
  table: actors,
  id: actors.id,
  maintainedColumns: ["createdAt", "updatedAt"],
  onUpdate: { updatedAt: sql`now()` },
  retired: retiredActorIds,
  // A document owns the aliases it lists, not the others of its actors: reloading the seed keeps
  // the words, names and codes imports matched to its actors (and those an absorbed actor held).
  children: [{ table: aliases, parentId: aliases.actorId, listedBy: [aliases.scheme, aliases.value] }],
};

const RELATION_TABLES: EntityTables = { table: actorRelations, id: actorRelations.id, children: [] };

/** The kinds of entity a document may refer to that this subgraph stores. */
export const ACTOR_KIND_TABLES: EntityKindTables = { actor: ACTOR_TABLES };

export async function writeActors(db: Database, part: ActorsPart): Promise<{ actors: EntityCounts; relations: EntityCounts }> {
  // Relations refer to actors by foreign key, so actors come first.
  const actorCounts = await syncEntities(
    db,
    ACTOR_TABLES,
    part.actors.map((actor) => ({ id: actor.row.id, row: actor.row, children: [actor.aliases] })),
  );
  const actorIds = part.actors.map((actor) => actor.row.id);
  // Before absorbing: a curated state given its country's CAMEO code here absorbs the actor GDELT made for it.
  await addCountryAliases(db, actorIds, { thenAbsorbed: true });
  await absorbDatasetActors(db, actorIds);
  const relationCounts = await syncEntities(
    db,
    RELATION_TABLES,
    part.relations.map((relation) => ({ id: relation.id, row: relation, children: [] })),
  );
  return { actors: actorCounts, relations: relationCounts };
}

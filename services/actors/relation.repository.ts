import { eq, getTableColumns } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import { createChildConnectionLoader } from "../common/child-connections.js";
import { Keyset } from "../common/pagination.js";
import { ActorRelation } from "./actor.type.js";
import type { RelationFilter } from "./actor.input.js";
import { actorRelations } from "./db/tables.js";

type RelationRow = typeof actorRelations.$inferSelect;

function toRelation(row: RelationRow): ActorRelation {
  return Object.assign(new ActorRelation(), row);
}

const byPredicate = new Keyset(actorRelations.predicate, actorRelations.id);

/** Pages of relations for many actors at once, from the subject's side or the object's. */
export function createRelationLoaders(db: Database) {
  const common = {
    db,
    table: actorRelations,
    columns: getTableColumns(actorRelations),
    keyset: byPredicate,
    cursorOf: (row: RelationRow) => [row.predicate, row.id],
    toNode: toRelation,
    filterCondition: (filter: RelationFilter) =>
      filter.predicate ? eq(actorRelations.predicate, filter.predicate) : undefined,
  };
  return {
    outgoing: createChildConnectionLoader<RelationRow, ActorRelation, RelationFilter>({
      ...common,
      parent: actorRelations.subjectId,
    }),
    incoming: createChildConnectionLoader<RelationRow, ActorRelation, RelationFilter>({
      ...common,
      parent: actorRelations.objectId,
    }),
  };
}

import { and, eq, getTableColumns } from "drizzle-orm";
import type { Database } from "../../../db/client.js";
import { createChildConnectionLoader } from "../../kit/pages/child-connections.js";
import { Keyset } from "../../kit/pages/pagination.js";
import { validOn } from "./actor-filter.js";
import type { RelationPredicate } from "../schema/actor.enums.js";
import { ActorRelation } from "../schema/actor.type.js";
import { actorRelations } from "./tables.js";

type RelationRow = typeof actorRelations.$inferSelect;

/** Which of an actor's relations a page holds: a predicate, and the day they must be valid on. */
export interface RelationPageFilter {
  predicate: RelationPredicate | null;
  at: string | null;
}

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
    filterCondition: (filter: RelationPageFilter) =>
      and(
        filter.predicate ? eq(actorRelations.predicate, filter.predicate) : undefined,
        filter.at ? validOn(filter.at, actorRelations.validFrom, actorRelations.validTo) : undefined,
      ),
  };
  return {
    outgoing: createChildConnectionLoader<RelationRow, ActorRelation, RelationPageFilter>({
      ...common,
      parent: actorRelations.subjectId,
    }),
    incoming: createChildConnectionLoader<RelationRow, ActorRelation, RelationPageFilter>({
      ...common,
      parent: actorRelations.objectId,
    }),
  };
}

// The actors subgraph's history: its tables and the rows it records (services/kit/history).
import type { SubgraphHistory } from "../../kit/history/subgraph-history.js";
import { actorLinks, actorRedirects, actorRelations, actors, aliases, changes, importRuns, rowChanges, tombstones } from "./tables.js";

export const actorsHistory: SubgraphHistory = {
  schema: "actors",
  tables: { changes, rowChanges, importRuns },
  tracked: [
    { table: actors, entityKind: "actor", entityId: actors.id, key: [actors.id] },
    { table: aliases, entityKind: "actor", entityId: aliases.actorId, key: [aliases.actorId, aliases.scheme, aliases.value] },
    { table: actorRelations, entityKind: "actor", entityId: actorRelations.subjectId, key: [actorRelations.id] },
    { table: actorRedirects, entityKind: "actor", entityId: actorRedirects.toId, key: [actorRedirects.fromId] },
    { table: actorLinks, entityKind: "actor", entityId: actorLinks.actorId, key: [actorLinks.scheme, actorLinks.value, actorLinks.actorId] },
    { table: tombstones, entityKind: tombstones.kind, entityId: tombstones.id, key: [tombstones.kind, tombstones.id] },
  ],
};

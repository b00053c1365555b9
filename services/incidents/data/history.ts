// The incidents subgraph's history: its tables and the rows it records (services/kit/history).
// The daily tallies are not recorded: their triggers follow every recorded write, a revert's too.
import type { SubgraphHistory } from "../../kit/history/subgraph-history.js";
import { changes, importRuns, incidentSources, incidents, participants, places, rowChanges, tombstones } from "./tables.js";

export const incidentsHistory: SubgraphHistory = {
  schema: "incidents",
  tables: { changes, rowChanges, importRuns },
  tracked: [
    { table: incidents, entityKind: "incident", entityId: incidents.id, key: [incidents.id] },
    { table: places, entityKind: "incident", entityId: places.incidentId, key: [places.id] },
    {
      table: participants,
      entityKind: "incident",
      entityId: participants.incidentId,
      key: [participants.incidentId, participants.actorId, participants.role, participants.associatedWith],
    },
    { table: incidentSources, entityKind: "incident", entityId: incidentSources.incidentId, key: [incidentSources.incidentId, incidentSources.sourceId] },
    { table: tombstones, entityKind: tombstones.kind, entityId: tombstones.id, key: [tombstones.kind, tombstones.id] },
  ],
};

// Writes a document's part of the incidents schema; touches no other schema.
import { incidentSources, incidents, participants, places, tombstones } from "../data/tables.js";
import type { Database } from "../../../db/client.js";
import type { IncidentsPart } from "./incident-rows.js";
import type { EntityKindTables } from "../../kit/records/stored-references.js";
import { tombstonesOf } from "../../kit/records/tombstones.js";
import { type EntityCounts, type EntityTables, syncEntities } from "../../kit/writes/sync-entities.js";

const INCIDENT_TABLES: EntityTables = {
  table: incidents,
  id: incidents.id,
  // Postgres derives the search document from title and summary.
  maintainedColumns: ["searchDocument"],
  retired: tombstonesOf(tombstones, "incident"),
  children: [
    { table: places, parentId: places.incidentId },
    { table: participants, parentId: participants.incidentId },
    { table: incidentSources, parentId: incidentSources.incidentId },
  ],
};

/** The kinds of entity a document may refer to that this subgraph stores. */
export const INCIDENT_KIND_TABLES: EntityKindTables = { incident: INCIDENT_TABLES };

export async function writeIncidents(db: Database, part: IncidentsPart): Promise<{ incidents: EntityCounts }> {
  const counts = await syncEntities(
    db,
    INCIDENT_TABLES,
    part.incidents.map((incident) => ({
      id: incident.row.id,
      row: incident.row,
      children: [incident.places, incident.participants, incident.sources],
    })),
  );
  return { incidents: counts };
}

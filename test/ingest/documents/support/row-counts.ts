// How many rows each table of the three subgraphs holds, read through each subgraph's handle.
import type { PgTable } from "drizzle-orm/pg-core";
import type { SubgraphHandles } from "../../../../ingest/documents/subgraph-handles.js";
import type { SubgraphName } from "../../../../services/registry.js";
import { actorRedirects, actorRelations, actors, aliases, tombstones as actorTombstones } from "../../../../services/actors/data/tables.js";
import { incidentSources, incidents, participants, places, tombstones as incidentTombstones } from "../../../../services/incidents/data/tables.js";
import { claims, sources, stances, statementIncidents, statements, tombstones as statementTombstones } from "../../../../services/statements/data/tables.js";

const TABLES: Record<string, { subgraph: SubgraphName; table: PgTable }> = {
  actors: { subgraph: "actors", table: actors },
  aliases: { subgraph: "actors", table: aliases },
  actorRelations: { subgraph: "actors", table: actorRelations },
  actorRedirects: { subgraph: "actors", table: actorRedirects },
  actorTombstones: { subgraph: "actors", table: actorTombstones },
  sources: { subgraph: "statements", table: sources },
  statements: { subgraph: "statements", table: statements },
  claims: { subgraph: "statements", table: claims },
  stances: { subgraph: "statements", table: stances },
  statementIncidents: { subgraph: "statements", table: statementIncidents },
  statementTombstones: { subgraph: "statements", table: statementTombstones },
  incidents: { subgraph: "incidents", table: incidents },
  places: { subgraph: "incidents", table: places },
  participants: { subgraph: "incidents", table: participants },
  incidentSources: { subgraph: "incidents", table: incidentSources },
  incidentTombstones: { subgraph: "incidents", table: incidentTombstones },
};

export type RowCounts = Record<string, number>;

export async function countRows(handles: SubgraphHandles): Promise<RowCounts> {
  const counts: RowCounts = {};
  for (const [name, { subgraph, table }] of Object.entries(TABLES)) counts[name] = await handles[subgraph].db.$count(table);
  return counts;
}

export const NO_ROWS: RowCounts = Object.fromEntries(Object.keys(TABLES).map((name) => [name, 0]));

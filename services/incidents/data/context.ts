import { createHistoryContext } from "../../kit/history/history-context.js";
import type { HistoryContext } from "../../kit/history/history.resolvers.js";
import { incidentsHistory } from "./history.js";
import DataLoader from "dataloader";
import { eq, sql } from "drizzle-orm";
import type { PgSelect } from "drizzle-orm/pg-core";
import type { Database } from "../../../db/client.js";
import { type RequestScope, scopeWithoutRequest } from "../../kit/curation/request-scope.js";
import { createChildConnectionLoader } from "../../kit/pages/child-connections.js";
import { loaderById, loaderOfChildren } from "../../kit/loaders/batch-loaders.js";
import { incidents, participants } from "./tables.js";
import type { ActorIncidentFilter } from "../schema/incident.input.js";
import { IncidentCuration } from "../writes/incident-curation.js";
import { IncidentSearchRepository } from "./incident-search.repository.js";
import { IncidentStatsRepository } from "./incident-stats.repository.js";
import { IncidentRepository, incidentsByStartDate } from "./incident.repository.js";
import { type IncidentRow, incidentColumns, incidentColumnsFor, toIncident } from "../schema/incident.rows.js";
import type { Incident, Participant, Place } from "../schema/incident.type.js";

/** What every resolver of the incidents subgraph gets: the repositories and this request's loaders. */
export interface IncidentsContext extends HistoryContext {
  incidents: IncidentRepository;
  search: IncidentSearchRepository;
  stats: IncidentStatsRepository;
  loaders: IncidentLoaders;
  /** The mutations' writes. */
  curation: IncidentCuration;
}

export type IncidentLoaders = ReturnType<typeof createIncidentLoaders>;

/** Per-request batching: all entities and lists of one kind asked for in one tick are one query. */
export function createIncidentLoaders(repository: IncidentRepository, db: Database) {
  return {
    incidentById: loaderById<Incident>((ids) => repository.incidentsByIds(ids)),
    placeById: loaderById<Place>((ids) => repository.placesByIds(ids)),
    placesOfIncident: loaderOfChildren<Place>(
      (ids) => repository.placesOfIncidents(ids),
      (place) => place.incidentId,
    ),
    participantsOfIncident: loaderOfChildren<Participant & { incidentId: string }>(
      (ids) => repository.participantsOfIncidents(ids) as Promise<(Participant & { incidentId: string })[]>,
      (participant) => participant.incidentId,
    ),
    sourceIdsOfIncident: new DataLoader<string, string[]>(async (ids) => {
      const links = await repository.sourceIdsOfIncidents(ids);
      return ids.map((id) => links.filter((link) => link.incidentId === id).map((link) => link.sourceId));
    }),
    // An actor's incidents, in date order; one row per incident even when the actor had several roles in it.
    incidentsOfActor: createChildConnectionLoader<IncidentRow, Incident, ActorIncidentFilter>({
      db,
      table: incidents,
      columns: incidentColumns,
      columnsFor: incidentColumnsFor,
      join: (query: PgSelect) =>
        query.innerJoin(
          sql`(select distinct ${participants.incidentId} as incident_id, ${participants.actorId} as actor_id from ${participants}) as actor_incident`,
          sql`actor_incident.incident_id = ${incidents.id}`,
        ),
      parent: sql`actor_incident.actor_id`,
      keyset: incidentsByStartDate,
      cursorOf: (row) => [row.startOn, row.id],
      toNode: toIncident,
    }),
    incidentsOfActorInRole: createChildConnectionLoader<IncidentRow, Incident, ActorIncidentFilter>({
      db,
      table: incidents,
      columns: incidentColumns,
      columnsFor: incidentColumnsFor,
      join: (query: PgSelect) => query.innerJoin(participants, eq(participants.incidentId, incidents.id)),
      parent: participants.actorId,
      keyset: incidentsByStartDate,
      cursorOf: (row) => [row.startOn, row.id],
      toNode: toIncident,
      filterCondition: (filter) => (filter.role ? eq(participants.role, filter.role) : undefined),
    }),
  };
}

export function createIncidentsContext(db: Database, request: RequestScope = scopeWithoutRequest()): IncidentsContext {
  const repository = new IncidentRepository(db);
  return {
    incidents: repository,
    search: new IncidentSearchRepository(db),
    stats: new IncidentStatsRepository(db),
    loaders: createIncidentLoaders(repository, db),
    curation: new IncidentCuration(db, request),
    ...createHistoryContext(db, request, incidentsHistory, "revertIncidentChange"),
  };
}

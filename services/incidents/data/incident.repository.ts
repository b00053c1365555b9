import { asc } from "drizzle-orm";
import { anyOfIds } from "../../../db/any-of-ids.js";
import type { Database } from "../../../db/client.js";
import { type Connection, Keyset, checkPageSize, toConnection } from "../../kit/pages/pagination.js";
import { keysetPage } from "../../kit/pages/keyset-page.js";
import { incidentSources, incidents, participants, places } from "./tables.js";
import { countIncidents } from "./incident-counts.js";
import { checkIncidentFilter, incidentFilterCondition } from "./incident-filter.js";
import { IncidentOrder } from "./incident-order.js";
import type { IncidentFilter, IncidentSort } from "../schema/incident.input.js";
import { incidentColumns, incidentColumnsFor, toIncident, toParticipant, toPlace } from "../schema/incident.rows.js";
import type { Incident, Participant, Place } from "../schema/incident.type.js";

export const incidentsByStartDate = new Keyset(incidents.startOn, incidents.id, "ASC", "date");

/**
 * One page of `incidents` (plus one row, telling whether another page follows); the plan tests
 * EXPLAIN it. `columns`: those the page's answer needs (incidentColumnsFor), every one by default.
 */
export function incidentPageQuery(
  db: Database,
  filter: IncidentFilter | null | undefined,
  order: IncidentOrder,
  first: number,
  after: string | null | undefined,
  columns: Partial<typeof incidentColumns> = incidentColumns,
) {
  // Typed as every column: a row read with fewer has only the fields those give (toIncident).
  const select = db.select(columns as typeof incidentColumns);
  return keysetPage(select.from(incidents).$dynamic(), incidentFilterCondition(filter), order, first, after);
}

/** Reads the incidents schema: incidents, their places, participants and sources. */
export class IncidentRepository {
  constructor(private readonly db: Database) {}

  async incidentsByIds(ids: readonly string[]): Promise<Incident[]> {
    const rows = await this.db.select(incidentColumns).from(incidents).where(anyOfIds(incidents.id, ids));
    return rows.map(toIncident);
  }

  async placesByIds(ids: readonly string[]): Promise<Place[]> {
    const rows = await this.db.select().from(places).where(anyOfIds(places.id, ids));
    return rows.map(toPlace);
  }

  /** Places of each incident, the primary one first. */
  async placesOfIncidents(incidentIds: readonly string[]): Promise<Place[]> {
    const rows = await this.db
      .select()
      .from(places)
      .where(anyOfIds(places.incidentId, incidentIds))
      .orderBy(asc(places.incidentId), asc(places.isPrimary), asc(places.id));
    return rows.map(toPlace).sort((a, b) => Number(b.isPrimary) - Number(a.isPrimary));
  }

  async participantsOfIncidents(incidentIds: readonly string[]): Promise<Participant[]> {
    const rows = await this.db
      .select()
      .from(participants)
      .where(anyOfIds(participants.incidentId, incidentIds))
      .orderBy(participants.role, participants.actorId);
    return rows.map(toParticipant);
  }

  async sourceIdsOfIncidents(incidentIds: readonly string[]): Promise<{ incidentId: string; sourceId: string }[]> {
    return this.db.select().from(incidentSources).where(anyOfIds(incidentSources.incidentId, incidentIds)).orderBy(incidentSources.sourceId);
  }

  /** A page of incidents; `nodeFields`, the fields asked of each (selectedNodeFields), decides the columns read: all when undefined. */
  async listIncidents(
    filter: IncidentFilter | null | undefined,
    sort: IncidentSort | null | undefined,
    first: number,
    after: string | null | undefined,
    nodeFields?: ReadonlySet<string>,
  ): Promise<Connection<Incident>> {
    checkPageSize(first);
    checkIncidentFilter(filter);
    const order = IncidentOrder.of(sort);
    const rows = await incidentPageQuery(this.db, filter, order, first, after, incidentColumnsFor(nodeFields));
    return toConnection(
      rows,
      first,
      (row) => order.cursorOf(row),
      toIncident,
      () => countIncidents(this.db, filter),
    );
  }
}

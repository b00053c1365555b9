import { and, asc, eq, gte, inArray, lte } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import { checkDateRange } from "../common/date-range.js";
import { type Connection, Keyset, checkPageSize, toConnection } from "../common/pagination.js";
import { incidentSources, incidents, participants, places } from "./db/tables.js";
import type { IncidentFilter } from "./incident.input.js";
import { toIncident, toParticipant, toPlace } from "./incident.rows.js";
import type { Incident, Participant, Place } from "./incident.type.js";

export const incidentsByStartDate = new Keyset(incidents.startOn, incidents.id, "ASC", "date");

/** Reads the incidents schema: incidents, their places, participants and sources. */
export class IncidentRepository {
  constructor(private readonly db: Database) {}

  async incidentsByIds(ids: readonly string[]): Promise<Incident[]> {
    const rows = await this.db.select().from(incidents).where(inArray(incidents.id, [...ids]));
    return rows.map(toIncident);
  }

  async placesByIds(ids: readonly string[]): Promise<Place[]> {
    const rows = await this.db.select().from(places).where(inArray(places.id, [...ids]));
    return rows.map(toPlace);
  }

  /** Places of each incident, the primary one first. */
  async placesOfIncidents(incidentIds: readonly string[]): Promise<Place[]> {
    const rows = await this.db
      .select()
      .from(places)
      .where(inArray(places.incidentId, [...incidentIds]))
      .orderBy(asc(places.incidentId), asc(places.isPrimary), asc(places.id));
    return rows.map(toPlace).sort((a, b) => Number(b.isPrimary) - Number(a.isPrimary));
  }

  async participantsOfIncidents(incidentIds: readonly string[]): Promise<Participant[]> {
    const rows = await this.db
      .select()
      .from(participants)
      .where(inArray(participants.incidentId, [...incidentIds]))
      .orderBy(participants.role, participants.actorId);
    return rows.map(toParticipant);
  }

  async sourceIdsOfIncidents(incidentIds: readonly string[]): Promise<{ incidentId: string; sourceId: string }[]> {
    return this.db
      .select()
      .from(incidentSources)
      .where(inArray(incidentSources.incidentId, [...incidentIds]))
      .orderBy(incidentSources.sourceId);
  }

  async listIncidents(filter: IncidentFilter | null | undefined, first: number, after: string | null | undefined): Promise<Connection<Incident>> {
    checkPageSize(first);
    checkDateRange(filter?.startFrom, filter?.startTo, { from: "filter.startFrom", to: "filter.startTo" });
    const condition = and(
      filter?.type ? eq(incidents.type, filter.type) : undefined,
      filter?.startFrom ? gte(incidents.startOn, filter.startFrom) : undefined,
      filter?.startTo ? lte(incidents.startOn, filter.startTo) : undefined,
    );
    const rows = await this.db
      .select()
      .from(incidents)
      .where(and(condition, incidentsByStartDate.after(after)))
      .orderBy(...incidentsByStartDate.orderBy())
      .limit(first + 1);
    return toConnection(rows, first, (row) => [row.startOn, row.id], toIncident, () => this.db.$count(incidents, condition));
  }
}

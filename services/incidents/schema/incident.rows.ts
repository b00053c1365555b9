import { getTableColumns } from "drizzle-orm";
import { FuzzyDate } from "../../kit/schema/dates.js";
import { gdeltMeasuresOf } from "../../kit/schema/gdelt-measures.js";
import { incidents, type participants, type places } from "../data/tables.js";
import { GdeltEventMeasures, Incident, Participant, Place } from "./incident.type.js";

// Rows of the incidents schema turned into the classes the schema exposes.

// Every column but the search document, which only Postgres reads.
const { searchDocument: _searchDocument, ...incidentColumnsToRead } = getTableColumns(incidents);
export const incidentColumns = incidentColumnsToRead;

export type IncidentRow = Omit<typeof incidents.$inferSelect, "searchDocument">;
export type PlaceRow = typeof places.$inferSelect;
export type ParticipantRow = typeof participants.$inferSelect;

export function toIncident(row: IncidentRow): Incident {
  return Object.assign(new Incident(), {
    id: row.id,
    type: row.type,
    title: row.title,
    summary: row.summary,
    startDate: FuzzyDate.of(row.startOn, row.startPrecision),
    endDate: row.endOn ? FuzzyDate.of(row.endOn, row.endPrecision ?? "DAY") : null,
    status: row.status,
    fatalities: { low: row.fatalitiesLow, best: row.fatalitiesBest, high: row.fatalitiesHigh },
    taxonomy: {
      dataset: row.dataset,
      disorderType: row.acledDisorderType,
      eventType: row.acledEventType,
      subEventType: row.acledSubEventType,
      cameoCode: row.cameoCode,
      recordVersion: row.sourceVersion,
      timePrecision: row.timePrecision,
      tags: row.tags,
      interaction: row.acledInteraction,
      civilianTargeting: row.civilianTargeting,
      sourceScale: row.acledSourceScale,
      gdelt: gdeltMeasuresOf(GdeltEventMeasures, row),
    },
  });
}

export function toPlace(row: PlaceRow): Place {
  return Object.assign(new Place(), row);
}

export function toParticipant(row: ParticipantRow): Participant {
  return Object.assign(new Participant(), row);
}

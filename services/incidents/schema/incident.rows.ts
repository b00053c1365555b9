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

/**
 * The columns each field of Incident reads, beyond the ID and start date every row of a list
 * holds (its cursor is made of them). A field not named here (taxonomy, one added later) reads
 * every column; test/services/incidents/incident-columns.db.test.ts asks for each field alone.
 */
const COLUMNS_OF_FIELD: ReadonlyMap<string, readonly (keyof IncidentRow)[]> = new Map(
  Object.entries({
    id: [],
    type: ["type"],
    title: ["title"],
    summary: ["summary"],
    startDate: ["startPrecision"],
    endDate: ["endOn", "endPrecision"],
    status: ["status"],
    fatalities: ["fatalitiesLow", "fatalitiesBest", "fatalitiesHigh"],
    // Read by the incident's ID (loaders, the history).
    history: [],
    place: [],
    places: [],
    participants: [],
    sources: [],
  } satisfies Record<string, (keyof IncidentRow)[]>),
);

/** The columns a list of incidents reads for the fields asked of its nodes: all of them when `fields` is undefined. */
export function incidentColumnsFor(fields: ReadonlySet<string> | undefined): Partial<typeof incidentColumns> {
  if (!fields || [...fields].some((field) => !COLUMNS_OF_FIELD.has(field))) return incidentColumns;
  const names = new Set<keyof IncidentRow>(["id", "startOn", ...[...fields].flatMap((field) => COLUMNS_OF_FIELD.get(field)!)]);
  return Object.fromEntries([...names].map((name) => [name, incidentColumns[name]]));
}

/** An incident from its row; from a row of some columns only (incidentColumnsFor), the fields they give. */
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
    // A row read without the taxonomy's columns has no dataset (which is never null).
    taxonomy:
      row.dataset === undefined
        ? undefined
        : {
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

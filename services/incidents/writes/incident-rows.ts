// The rows of the incidents schema that a document describes: incidents with their places,
// participants and sources.
import type { incidentSources, incidents, participants, places } from "../data/tables.js";
import type { IncidentInput, IncidentsDocumentLists } from "./incident.document.js";
import { duplicatesIn } from "../../kit/records/duplicates.js";
import { derivedPlaceKey, meridianId, placeId } from "../../kit/records/entity-ids.js";
import type { ReportProblem } from "../../kit/records/problems.js";
import { type ReferenceResolver, UNRESOLVED } from "../../kit/records/reference-resolver.js";

export type IncidentRow = typeof incidents.$inferInsert;
export type PlaceRow = typeof places.$inferInsert;
export type ParticipantRow = typeof participants.$inferInsert;
export type IncidentSourceRow = typeof incidentSources.$inferInsert;

/** The dataset of incidents that come from Meridian documents rather than ACLED or GDELT. */
export const MERIDIAN_DATASET = "MERIDIAN";

export interface IncidentsPart {
  incidents: { row: IncidentRow; places: PlaceRow[]; participants: ParticipantRow[]; sources: IncidentSourceRow[] }[];
}

export function buildIncidentsPart(document: IncidentsDocumentLists, resolver: ReferenceResolver, report: ReportProblem): IncidentsPart {
  return { incidents: (document.incidents ?? []).map((incident, index) => buildIncident(incident, index, resolver, report)) };
}

function buildIncident(incident: IncidentInput, index: number, resolver: ReferenceResolver, report: ReportProblem) {
  const id = meridianId(incident.key);
  const path = ["incidents", index] as const;
  const placeRows = (incident.places ?? []).map((place, placeIndex): PlaceRow => {
    const key = place.key ?? derivedPlaceKey(place.name);
    if (!key) report([...path, "places", placeIndex], "needs a key: none can be derived from its name");
    return {
      id: key ? placeId(incident.key, key) : UNRESOLVED,
      incidentId: id,
      name: place.name,
      admin1: place.admin1 ?? null,
      admin2: place.admin2 ?? null,
      admin3: place.admin3 ?? null,
      country: place.country ?? null,
      latitude: place.latitude ?? null,
      longitude: place.longitude ?? null,
      geoPrecision: place.geoPrecision ?? null,
      isPrimary: place.primary,
      isDisputed: place.disputed ?? false,
      sourceId: resolver.resolveOptional("source", place.source, [...path, "places", placeIndex, "source"]),
      note: place.note ?? null,
    };
  });
  for (const duplicate of duplicatesIn(placeRows, (row) => row.id || undefined)) {
    report(
      [...path, "places", duplicate.index],
      `has the same ID ${placeRows[duplicate.index]!.id} as places[${duplicate.firstIndex}]; give them keys of their own`,
    );
  }
  const participantRows = (incident.participants ?? []).map((participant, participantIndex) => ({
    incidentId: id,
    actorId: resolver.resolve("actor", participant.actor, [...path, "participants", participantIndex, "actor"]),
    role: participant.role,
    associatedWith: participant.associatedWith ?? null,
    count: participant.count ?? null,
  }));
  for (const duplicate of duplicatesIn(participantRows, (row) => (row.actorId ? `${row.actorId} ${row.role} ${row.associatedWith}` : undefined))) {
    report(
      [...path, "participants", duplicate.index],
      `repeats the actor and role of participants[${duplicate.firstIndex}]${participantRows[duplicate.index]!.associatedWith ? " with the same side" : ""}`,
    );
  }
  const primaryPlace = placeRows.find((place) => place.isPrimary);
  const sourceIds = (incident.sources ?? []).map((source, sourceIndex) => resolver.resolve("source", source, [...path, "sources", sourceIndex]));
  return {
    row: {
      id,
      type: incident.type,
      title: incident.title,
      summary: incident.summary ?? null,
      startOn: incident.start.date,
      startPrecision: incident.start.precision,
      endOn: incident.end?.date ?? null,
      endPrecision: incident.end?.precision ?? null,
      status: incident.status,
      fatalitiesLow: incident.fatalities?.low ?? null,
      fatalitiesBest: incident.fatalities?.best ?? null,
      fatalitiesHigh: incident.fatalities?.high ?? null,
      dataset: MERIDIAN_DATASET,
      acledDisorderType: null,
      acledEventType: null,
      acledSubEventType: null,
      cameoCode: null,
      // Copied from the primary place, so that incidents can be filtered by area and
      // position without a join; every writer of incidents (documents, dataset imports) fills them.
      country: primaryPlace?.country ?? null,
      admin1: primaryPlace?.admin1 ?? null,
      latitude: primaryPlace?.latitude ?? null,
      longitude: primaryPlace?.longitude ?? null,
    },
    places: placeRows,
    participants: participantRows,
    // A key and a full ID may name the same source; it is listed once.
    sources: [...new Set(sourceIds)].map((sourceId) => ({ incidentId: id, sourceId })),
  };
}

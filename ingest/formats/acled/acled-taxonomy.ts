// ACLED's classifications turned into Meridian's: event and sub-event types into incident
// types, actor types (inter1/inter2) and ACLED's naming conventions into actor kinds, time
// precision codes into date precisions. ACLED's own values are kept beside ours on the incident.
import type { ActorKind, IncidentType } from "../../import/dataset-record.js";

/** ACLED event type → incident type. Exports differ in capitalisation ("Strategic Developments"), so keys are lower case. */
const INCIDENT_TYPE_OF_EVENT_TYPE: ReadonlyMap<string, IncidentType> = new Map([
  ["battles", "ARMED_CLASH"],
  ["explosions/remote violence", "REMOTE_VIOLENCE"],
  ["violence against civilians", "ATTACK"],
  ["protests", "PROTEST"],
  ["riots", "RIOT"],
  ["strategic developments", "OTHER"],
]);

/** Sub-event types that have an incident type of their own, whatever their event type. */
const INCIDENT_TYPE_OF_SUB_EVENT_TYPE: ReadonlyMap<string, IncidentType> = new Map([
  ["arrests", "ARREST"],
  ["agreement", "AGREEMENT"],
  ["abduction/forced disappearance", "CAPTURE"],
]);

export const ACLED_EVENT_TYPES = ["Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots", "Strategic developments"];

/** Undefined for an event type ACLED does not have. */
export function incidentTypeOf(eventType: string, subEventType: string): IncidentType | undefined {
  const byEvent = INCIDENT_TYPE_OF_EVENT_TYPE.get(eventType.toLowerCase());
  if (byEvent === undefined) return undefined;
  return INCIDENT_TYPE_OF_SUB_EVENT_TYPE.get(subEventType.toLowerCase()) ?? byEvent;
}

/** ACLED actor types, as text labels (current exports) or as the numeric codes of older ones. */
const KIND_OF_ACTOR_TYPE: ReadonlyMap<string, ActorKind> = new Map([
  ["state forces", "ARMED_FORCE"],
  ["1", "ARMED_FORCE"],
  ["rebel group", "ARMED_GROUP"],
  ["rebel groups", "ARMED_GROUP"],
  ["2", "ARMED_GROUP"],
  ["political militia", "ARMED_GROUP"],
  ["political militias", "ARMED_GROUP"],
  ["3", "ARMED_GROUP"],
  ["identity militia", "ARMED_GROUP"],
  ["identity militias", "ARMED_GROUP"],
  ["4", "ARMED_GROUP"],
  ["rioters", "POPULATION_GROUP"],
  ["5", "POPULATION_GROUP"],
  ["protesters", "POPULATION_GROUP"],
  ["6", "POPULATION_GROUP"],
  ["civilians", "POPULATION_GROUP"],
  ["7", "POPULATION_GROUP"],
  ["external/other forces", "ARMED_FORCE"],
  ["8", "ARMED_FORCE"],
]);

export const ACLED_ACTOR_TYPES = [
  "State forces",
  "Rebel group",
  "Political militia",
  "Identity militia",
  "Rioters",
  "Protesters",
  "Civilians",
  "External/Other forces",
];

/** Undefined for a label ACLED does not use. */
export function kindOfActorType(label: string): ActorKind | undefined {
  return KIND_OF_ACTOR_TYPE.get(label.toLowerCase());
}

// ACLED names actors by fixed patterns: "Government of Somalia (2022-)" is the government
// even where its inter code says "State forces"; associated actors, which have no inter
// code, are recognised by their names.
const GOVERNMENT = /^(Former )?Government of\b/i;
const KIND_BY_NAME: readonly [RegExp, ActorKind][] = [
  [/\b(Military|Police|Security) Forces\b|^AUSSOM\b|\bNAVFOR\b/i, "ARMED_FORCE"],
  [/\bMilitia\b|\bArmed Group\b/i, "ARMED_GROUP"],
  [/\bParty\b/i, "ORGANIZATION"],
];

/**
 * The kind of an ACLED actor: a government by its name; else its actor type when the row
 * gives one; else by its name; else a population group, as ACLED's unnamed associated
 * actors mostly are ("Women (Somalia)", "Taxi Drivers (Somalia)").
 */
export function acledActorKind(name: string, actorType: ActorKind | undefined): { kind: ActorKind; isStated: boolean } {
  if (GOVERNMENT.test(name)) return { kind: "GOVERNMENT_BODY", isStated: true };
  if (actorType) return { kind: actorType, isStated: true };
  const byName = KIND_BY_NAME.find(([pattern]) => pattern.test(name));
  return byName ? { kind: byName[1], isStated: true } : { kind: "POPULATION_GROUP", isStated: false };
}

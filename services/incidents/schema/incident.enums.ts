import "reflect-metadata";
import { type EnumValue, registerDescribedEnum } from "../../kit/schema/described-enum.js";
import { INCIDENT_STATUS_VALUES, INCIDENT_TYPE_VALUES, PARTICIPANT_ROLE_VALUES } from "../data/tables.js";

export const IncidentType = registerDescribedEnum(INCIDENT_TYPE_VALUES, {
  name: "IncidentType",
  description: "Meridian's type of an incident; the source's own taxonomy is kept in `taxonomy`.",
  valueDescriptions: {
    CAPTURE: "People taken prisoner.",
    RECRUITMENT: "People recruited into a force or group.",
    TRAINING: "Military training of recruits.",
    DEPLOYMENT: "Forces sent to an area.",
    ARMED_CLASH: "Armed fighting between organised sides.",
    ATTACK: "Violence by one side on another that does not fight back (e.g. on civilians).",
    REMOTE_VIOLENCE: "Strikes from a distance: air and drone strikes, shelling, explosives.",
    PROTEST: "A demonstration.",
    RIOT: "A violent demonstration or mob violence.",
    ARREST: "Detention by authorities.",
    AGREEMENT: "An agreement, a ceasefire, a deal.",
    OTHER: "Anything else; see the source taxonomy.",
  },
});
export type IncidentType = EnumValue<typeof IncidentType>;

export const IncidentStatus = registerDescribedEnum(INCIDENT_STATUS_VALUES, {
  name: "IncidentStatus",
  description: "How well the incident is established.",
  valueDescriptions: {
    ALLEGED: "Claimed by a party, not independently reported.",
    REPORTED: "Reported by sources.",
    CONFIRMED: "Confirmed by independent sources or by the parties.",
    DISPUTED: "Sources contradict each other on whether it happened.",
  },
});
export type IncidentStatus = EnumValue<typeof IncidentStatus>;

export const ParticipantRole = registerDescribedEnum(PARTICIPANT_ROLE_VALUES, {
  name: "ParticipantRole",
  description: "The part an actor plays in an incident.",
  valueDescriptions: {
    CAPTOR: "Took the captives.",
    CAPTIVE: "Was taken prisoner.",
    RECRUITER: "Recruited others.",
    RECRUIT: "Was recruited.",
    TRAINER: "Trained recruits.",
    PERPETRATOR: "Carried out an attack.",
    TARGET: "Was attacked.",
    ASSOCIATE: "Took part alongside a main side (ACLED's associated actors).",
    SIDE_A: "The first side (ACLED actor1, GDELT Actor1).",
    SIDE_B: "The second side (ACLED actor2, GDELT Actor2).",
  },
});
export type ParticipantRole = EnumValue<typeof ParticipantRole>;

export const IncidentSortField = registerDescribedEnum(["OCCURRED_AT"], {
  name: "IncidentSortField",
  description: "What a list of incidents is sorted by; ties are broken by ID.",
  valueDescriptions: {
    OCCURRED_AT: "When the incident happened or began (`startDate`).",
  },
});
export type IncidentSortField = EnumValue<typeof IncidentSortField>;

export const IncidentGrouping = registerDescribedEnum(["TIME", "TYPE", "COUNTRY", "ADMIN1", "ACTOR"], {
  name: "IncidentGrouping",
  description: "How `incidentStats` groups incidents into buckets.",
  valueDescriptions: {
    TIME: "By period of `startDate`, one bucket per `interval`, empty periods included.",
    TYPE: "By incident type.",
    COUNTRY: "By the primary place's country; incidents without one are left out.",
    ADMIN1: "By the primary place's first-level area within its country; incidents without both are left out.",
    ACTOR: "By participating actor; an incident counts once for each of its actors.",
  },
});
export type IncidentGrouping = EnumValue<typeof IncidentGrouping>;

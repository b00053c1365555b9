import "reflect-metadata";
import { registerEnumType } from "type-graphql";

export enum IncidentType {
  CAPTURE = "CAPTURE",
  RECRUITMENT = "RECRUITMENT",
  TRAINING = "TRAINING",
  DEPLOYMENT = "DEPLOYMENT",
  ARMED_CLASH = "ARMED_CLASH",
  ATTACK = "ATTACK",
  REMOTE_VIOLENCE = "REMOTE_VIOLENCE",
  PROTEST = "PROTEST",
  RIOT = "RIOT",
  ARREST = "ARREST",
  AGREEMENT = "AGREEMENT",
  OTHER = "OTHER",
}

registerEnumType(IncidentType, {
  name: "IncidentType",
  description: "Meridian's type of an incident; the source's own taxonomy is kept in `taxonomy`.",
  valuesConfig: {
    CAPTURE: { description: "People taken prisoner." },
    RECRUITMENT: { description: "People recruited into a force or group." },
    TRAINING: { description: "Military training of recruits." },
    DEPLOYMENT: { description: "Forces sent to an area." },
    ARMED_CLASH: { description: "Armed fighting between organised sides." },
    ATTACK: { description: "Violence by one side on another that does not fight back (e.g. on civilians)." },
    REMOTE_VIOLENCE: { description: "Strikes from a distance: air and drone strikes, shelling, explosives." },
    PROTEST: { description: "A demonstration." },
    RIOT: { description: "A violent demonstration or mob violence." },
    ARREST: { description: "Detention by authorities." },
    AGREEMENT: { description: "An agreement, a ceasefire, a deal." },
    OTHER: { description: "Anything else; see the source taxonomy." },
  },
});

export enum IncidentStatus {
  ALLEGED = "ALLEGED",
  REPORTED = "REPORTED",
  CONFIRMED = "CONFIRMED",
  DISPUTED = "DISPUTED",
}

registerEnumType(IncidentStatus, {
  name: "IncidentStatus",
  description: "How well the incident is established.",
  valuesConfig: {
    ALLEGED: { description: "Claimed by a party, not independently reported." },
    REPORTED: { description: "Reported by sources." },
    CONFIRMED: { description: "Confirmed by independent sources or by the parties." },
    DISPUTED: { description: "Sources contradict each other on whether it happened." },
  },
});

export enum ParticipantRole {
  CAPTOR = "CAPTOR",
  CAPTIVE = "CAPTIVE",
  RECRUITER = "RECRUITER",
  RECRUIT = "RECRUIT",
  TRAINER = "TRAINER",
  PERPETRATOR = "PERPETRATOR",
  TARGET = "TARGET",
  ASSOCIATE = "ASSOCIATE",
  SIDE_A = "SIDE_A",
  SIDE_B = "SIDE_B",
}

registerEnumType(ParticipantRole, {
  name: "ParticipantRole",
  description: "The part an actor plays in an incident.",
  valuesConfig: {
    CAPTOR: { description: "Took the captives." },
    CAPTIVE: { description: "Was taken prisoner." },
    RECRUITER: { description: "Recruited others." },
    RECRUIT: { description: "Was recruited." },
    TRAINER: { description: "Trained recruits." },
    PERPETRATOR: { description: "Carried out an attack." },
    TARGET: { description: "Was attacked." },
    ASSOCIATE: { description: "Took part alongside a main side (ACLED's associated actors)." },
    SIDE_A: { description: "The first side (ACLED actor1, GDELT Actor1)." },
    SIDE_B: { description: "The second side (ACLED actor2, GDELT Actor2)." },
  },
});

export enum IncidentSortField {
  OCCURRED_AT = "OCCURRED_AT",
}

registerEnumType(IncidentSortField, {
  name: "IncidentSortField",
  description: "What a list of incidents is sorted by; ties are broken by ID.",
  valuesConfig: {
    OCCURRED_AT: { description: "When the incident happened or began (`startDate`)." },
  },
});

export enum IncidentGrouping {
  TIME = "TIME",
  TYPE = "TYPE",
  COUNTRY = "COUNTRY",
  ADMIN1 = "ADMIN1",
  ACTOR = "ACTOR",
}

registerEnumType(IncidentGrouping, {
  name: "IncidentGrouping",
  description: "How `incidentStats` groups incidents into buckets.",
  valuesConfig: {
    TIME: { description: "By period of `startDate`, one bucket per `interval`, empty periods included." },
    TYPE: { description: "By incident type." },
    COUNTRY: { description: "By the primary place's country; incidents without one are left out." },
    ADMIN1: { description: "By the primary place's first-level area within its country; incidents without both are left out." },
    ACTOR: { description: "By participating actor; an incident counts once for each of its actors." },
  },
});

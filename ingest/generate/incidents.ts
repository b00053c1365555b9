// Generated incidents with their places, participants and sources, as the writers store them:
// the primary place's country, admin1 and position are copied onto the incident row
// (services/incidents/writes/incident-rows.ts), and ACLED and GDELT records keep their own taxonomy.
import type { IncidentRow, IncidentSourceRow, ParticipantRow, PlaceRow } from "../../services/incidents/writes/incident-rows.js";
import { MERIDIAN_DATASET } from "../../services/incidents/writes/incident-rows.js";
import { firstOfMonth, isoDay, randomDayNumber } from "./dates.js";
import { actorId, incidentId, placeId, sourceId } from "./ids.js";
import { COUNTRY_WEIGHTS, SETTLEMENT_WORDS } from "./places.js";
import { Random } from "./random.js";
import type { Scale } from "./scales.js";
import * as words from "./words.js";

const INCIDENT_STREAM = 6;

type IncidentType = IncidentRow["type"];
type Role = ParticipantRow["role"];

interface TypeShape {
  weight: number;
  /** How titles say it. */
  phrase: string;
  roles: readonly [Role, Role];
  acled: readonly [disorder: string, event: string, subEvent: string] | null;
  cameo: string;
}

const TYPES: Record<IncidentType, TypeShape> = {
  ARMED_CLASH: { weight: 30, phrase: "Armed clash", roles: ["SIDE_A", "SIDE_B"], acled: ["Political violence", "Battles", "Armed clash"], cameo: "190" },
  REMOTE_VIOLENCE: {
    weight: 18,
    phrase: "Shelling",
    roles: ["PERPETRATOR", "TARGET"],
    acled: ["Political violence", "Explosions/Remote violence", "Shelling/artillery/missile attack"],
    cameo: "195",
  },
  ATTACK: {
    weight: 12,
    phrase: "Attack on civilians",
    roles: ["PERPETRATOR", "TARGET"],
    acled: ["Political violence", "Violence against civilians", "Attack"],
    cameo: "180",
  },
  PROTEST: { weight: 15, phrase: "Protest", roles: ["SIDE_A", "ASSOCIATE"], acled: ["Demonstrations", "Protests", "Peaceful protest"], cameo: "141" },
  RIOT: { weight: 4, phrase: "Riot", roles: ["SIDE_A", "SIDE_B"], acled: ["Demonstrations", "Riots", "Violent demonstration"], cameo: "145" },
  ARREST: { weight: 5, phrase: "Arrests", roles: ["CAPTOR", "CAPTIVE"], acled: ["Strategic developments", "Strategic developments", "Arrests"], cameo: "173" },
  CAPTURE: {
    weight: 3,
    phrase: "Capture",
    roles: ["CAPTOR", "CAPTIVE"],
    acled: ["Political violence", "Violence against civilians", "Abduction/forced disappearance"],
    cameo: "181",
  },
  RECRUITMENT: { weight: 2, phrase: "Recruitment", roles: ["RECRUITER", "RECRUIT"], acled: null, cameo: "070" },
  TRAINING: { weight: 1, phrase: "Training", roles: ["TRAINER", "ASSOCIATE"], acled: null, cameo: "062" },
  DEPLOYMENT: {
    weight: 3,
    phrase: "Deployment",
    roles: ["SIDE_A", "ASSOCIATE"],
    acled: ["Strategic developments", "Strategic developments", "Headquarters or base established"],
    cameo: "154",
  },
  AGREEMENT: {
    weight: 1,
    phrase: "Agreement",
    roles: ["SIDE_A", "SIDE_B"],
    acled: ["Strategic developments", "Strategic developments", "Agreement"],
    cameo: "057",
  },
  OTHER: { weight: 6, phrase: "Incident", roles: ["SIDE_A", "ASSOCIATE"], acled: ["Strategic developments", "Strategic developments", "Other"], cameo: "010" },
};

const TYPE_WEIGHTS = (Object.entries(TYPES) as [IncidentType, TypeShape][]).map(([type, shape]) => [type, shape.weight] as const);

export interface GeneratedIncident {
  row: IncidentRow;
  places: PlaceRow[];
  participants: ParticipantRow[];
  sources: IncidentSourceRow[];
}

export function generateIncident(seed: number, index: number, scale: Scale): GeneratedIncident {
  const random = new Random(seed, INCIDENT_STREAM, index);
  const id = incidentId(index);
  const type = random.weighted(TYPE_WEIGHTS);
  const shape = TYPES[type];
  const dataset = random.weighted([
    ["ACLED", 70],
    ["GDELT", 20],
    [MERIDIAN_DATASET, 10],
  ] as const);
  const country = random.weighted(COUNTRY_WEIGHTS);
  const area = random.pick(country.areas);
  const district = area.districts.length > 0 && random.chance(0.6) ? random.pick(area.districts) : null;
  const site = random.pick(SETTLEMENT_WORDS);
  const hasPosition = !random.chance(0.03);
  const place = (number: number, latitude: number, longitude: number, isPrimary: boolean, isDisputed: boolean): PlaceRow => ({
    id: placeId(index, number),
    incidentId: id,
    name: `${district ?? area.name} ${site}`,
    admin1: area.name,
    admin2: district,
    admin3: null,
    country: country.iso3,
    latitude: hasPosition ? round(latitude) : null,
    longitude: hasPosition ? round(longitude) : null,
    geoPrecision: 1 + random.int(3),
    isPrimary,
    isDisputed,
    sourceId: null,
    note: isDisputed ? "Sources disagree about where this happened." : null,
  });
  const jitter = () => (random.next() - 0.5) * 1.2;
  const disputed = random.chance(0.05);
  const places = [place(1, area.latitude + jitter(), area.longitude + jitter(), true, disputed)];
  if (disputed) places.push(place(2, area.latitude + jitter(), area.longitude + jitter(), false, true));
  const primary = places[0]!;

  const participants: ParticipantRow[] = [];
  const addParticipant = (role: Role) => {
    const actor = actorId(random.skewed(scale.actors));
    if (!participants.some((participant) => participant.actorId === actor && participant.role === role)) {
      participants.push({ incidentId: id, actorId: actor, role, count: random.chance(0.2) ? 1 + random.int(200) : null });
    }
  };
  addParticipant(shape.roles[0]);
  if (random.chance(0.85)) addParticipant(shape.roles[1]);
  for (
    let extra = random.weighted([
      [0, 70],
      [1, 25],
      [2, 5],
    ] as const);
    extra > 0;
    extra--
  )
    addParticipant("ASSOCIATE");

  const day = randomDayNumber(random);
  const precision = random.weighted([
    ["DAY", 92],
    ["MONTH", 7],
    ["YEAR", 1],
  ] as const);
  const startOn = precision === "DAY" ? isoDay(day) : precision === "MONTH" ? firstOfMonth(isoDay(day)) : `${isoDay(day).slice(0, 4)}-01-01`;
  const lasts = precision === "DAY" && random.chance(0.08);
  const fatalities = fatalitiesOf(type, random);
  const sourceCount = 1 + (random.chance(0.3) ? 1 : 0);
  const sources = [...new Set(Array.from({ length: sourceCount }, () => sourceId(random.int(scale.sources))))];
  return {
    row: {
      id,
      type,
      title: `${shape.phrase} ${random.pick(["near", "in", "outside", "at"])} ${primary.name}, ${country.name}`,
      summary: random.chance(0.9)
        ? `${capitalize(random.pick(words.SUBJECTS))} ${random.pick(words.VERBS)} ${random.pick(words.OBJECTS)} in ${area.name}. ${fatalities.best ? `${fatalities.best} people were reported killed.` : "No casualties were reported."}`
        : null,
      startOn,
      startPrecision: precision,
      endOn: lasts ? isoDay(day + 1 + random.int(20)) : null,
      endPrecision: lasts ? "DAY" : null,
      status: random.weighted([
        ["REPORTED", 55],
        ["CONFIRMED", 25],
        ["ALLEGED", 15],
        ["DISPUTED", 5],
      ] as const),
      fatalitiesLow: fatalities.low,
      fatalitiesBest: fatalities.best,
      fatalitiesHigh: fatalities.high,
      dataset,
      acledDisorderType: dataset === "ACLED" && shape.acled ? shape.acled[0] : null,
      acledEventType: dataset === "ACLED" && shape.acled ? shape.acled[1] : null,
      acledSubEventType: dataset === "ACLED" && shape.acled ? shape.acled[2] : null,
      cameoCode: dataset === "GDELT" ? shape.cameo : null,
      country: primary.country,
      admin1: primary.admin1,
      latitude: primary.latitude,
      longitude: primary.longitude,
    },
    places,
    participants,
    sources: sources.map((source) => ({ incidentId: id, sourceId: source })),
  };
}

/** Most incidents kill no one; the violent types kill some, now and then many. */
function fatalitiesOf(type: IncidentType, random: Random): { low: number | null; best: number | null; high: number | null } {
  if (random.chance(0.1)) return { low: null, best: null, high: null };
  const violent = type === "ARMED_CLASH" || type === "REMOTE_VIOLENCE" || type === "ATTACK";
  if (!violent || random.chance(0.6)) return { low: 0, best: 0, high: 0 };
  const best = 1 + Math.floor(random.next() ** 3 * 80);
  return { low: Math.max(1, Math.floor(best * 0.7)), best, high: Math.ceil(best * 1.5) };
}

function round(degrees: number): number {
  return Math.round(degrees * 10_000) / 10_000;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// CAMEO, the event and actor coding of GDELT, turned into Meridian's types. Codes are kept
// as strings: "040" (consult) and "04" are different codes from 40 and 4.
import type { ActorKind, IncidentType } from "../../import/dataset-record.js";

/** The 20 root codes, named as the CAMEO manual names them; titles and texts quote them. */
export const CAMEO_ROOT_NAMES: ReadonlyMap<string, string> = new Map([
  ["01", "make public statement"],
  ["02", "appeal"],
  ["03", "express intent to cooperate"],
  ["04", "consult"],
  ["05", "engage in diplomatic cooperation"],
  ["06", "engage in material cooperation"],
  ["07", "provide aid"],
  ["08", "yield"],
  ["09", "investigate"],
  ["10", "demand"],
  ["11", "disapprove"],
  ["12", "reject"],
  ["13", "threaten"],
  ["14", "protest"],
  ["15", "exhibit force posture"],
  ["16", "reduce relations"],
  ["17", "coerce"],
  ["18", "assault"],
  ["19", "fight"],
  ["20", "use unconventional mass violence"],
]);

const PROTEST_ROOT = "14";

/**
 * Verbal events (QuadClass 1, verbal cooperation, and 3, verbal conflict) are statements;
 * material ones (2 and 4) incidents. Protests (root 14) are counted as verbal conflict by
 * GDELT but are demonstrations, strikes and blockades that happen somewhere: incidents.
 */
export function isStatement(quadClass: number, rootCode: string): boolean {
  return rootCode !== PROTEST_ROOT && (quadClass === 1 || quadClass === 3);
}

/** Codes whose type differs from their root's, longest prefix first. */
const INCIDENT_TYPE_OF_CODE: readonly [string, IncidentType][] = [
  ["173", "ARREST"], // arrest, detain, or charge with legal action
  ["175", "ATTACK"], // use tactics of violent repression
  ["181", "CAPTURE"], // abduct, hijack, or take hostage
  ["183", "REMOTE_VIOLENCE"], // suicide, car or roadside bombing
  ["194", "REMOTE_VIOLENCE"], // fight with artillery and tanks
  ["195", "REMOTE_VIOLENCE"], // employ aerial weapons
];

const INCIDENT_TYPE_OF_ROOT: ReadonlyMap<string, IncidentType> = new Map([
  ["14", "PROTEST"],
  ["15", "DEPLOYMENT"],
  ["18", "ATTACK"],
  ["19", "ARMED_CLASH"],
  ["20", "ATTACK"],
]);

/** The incident type of a material event: cooperation, aid, yielding, investigation, sanctions and other coercion are OTHER. */
export function incidentTypeOfCameo(eventCode: string): IncidentType {
  const byCode = INCIDENT_TYPE_OF_CODE.find(([prefix]) => eventCode.startsWith(prefix));
  return byCode?.[1] ?? INCIDENT_TYPE_OF_ROOT.get(eventCode.slice(0, 2)) ?? "OTHER";
}

/** CAMEO actor type codes → actor kinds; types not listed (religions, ethnicities) say nothing about kind. */
const KIND_OF_ACTOR_TYPE: ReadonlyMap<string, ActorKind> = new Map([
  ...(["GOV", "JUD", "LEG", "SPY"] as const).map((code) => [code, "GOVERNMENT_BODY"] as const),
  ...(["MIL", "COP", "PKO"] as const).map((code) => [code, "ARMED_FORCE"] as const),
  ...(["REB", "INS", "SEP", "UAF"] as const).map((code) => [code, "ARMED_GROUP"] as const),
  ...(["BUS", "MED", "NGO", "NGM", "IGO", "IMG", "INT", "MNC", "UNO", "AMN", "IRC", "GRP", "HRI", "EDU", "HLH", "ENV", "DEV", "OPP", "PTY"] as const).map(
    (code) => [code, "ORGANIZATION"] as const,
  ),
  ...(["CVL", "REF", "LAB", "AGR", "ELI", "MOD", "RAD", "CRM"] as const).map((code) => [code, "POPULATION_GROUP"] as const),
]);

/**
 * The kind of a CAMEO actor: by its first type code ("USAGOV": GOV); a known group
 * ("IGOEUREEC": the EU) is an organisation; a bare country code ("USA") a state.
 */
export function cameoActorKind(parts: {
  code: string;
  countryCode: string | null;
  knownGroupCode: string | null;
  typeCode: string | null;
  isCountry: boolean;
}): {
  kind: ActorKind;
  isStated: boolean;
} {
  const byType = parts.typeCode ? KIND_OF_ACTOR_TYPE.get(parts.typeCode) : undefined;
  if (byType) return { kind: byType, isStated: true };
  if (parts.knownGroupCode) return { kind: "ORGANIZATION", isStated: true };
  if (parts.isCountry && parts.code === parts.countryCode) return { kind: "STATE", isStated: true };
  return { kind: "ORGANIZATION", isStated: false };
}

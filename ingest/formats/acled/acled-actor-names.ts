// What an ACLED actor's name says about it, by ACLED's naming conventions:
//   "Military Forces of Somalia (2022-)"                  a state force: role, country, period
//   "Military Forces of Somalia (2022-) Puntland Dervish Force"   a unit of that force
//   "Former Military Forces of Somalia (2022-)"           former members: the country only
//   "AUSSOM: … in Somalia (2025-) (Uganda)"                a contingent of a multinational force
//   "EU NAVFOR: European Union Naval Force Somalia (2008-)"   a period, no country
//   "Civilians (Somalia)", "Hawiye-Abgal Sub-Clan Militia (Somalia)"   a group and its country
// A period is part of the identity: "Government of X (2017-2022)" and "Government of X (2022-)"
// are two governments; a name with an open period ("(2022-)") is the one in force now.
import { countryCodeNamed } from "../../../services/actors/writes/country-names.js";

/** The state roles ACLED names, as the CAMEO role codes that denote the same bodies. */
export type AcledStateRole = "MIL" | "COP" | "GOV";

export interface AcledActorName {
  /** ISO 3166-1 alpha-3; null when the name gives none ("Al Shabaab", "Civilians (International)"). */
  country: string | null;
  /** The years of the government or force, as ACLED writes them: (2022-) is {from: 2022, to: null}. */
  period: { from: number; to: number | null } | null;
  /** A state force, police or government of an ISO country, not a unit or former members of one. */
  state: { role: AcledStateRole; country: string } | null;
  /** The name of the actor it is a part of: a unit's force, a contingent's mission. */
  parent: string | null;
}

const ROLE_OF_TITLE: ReadonlyMap<string, AcledStateRole> = new Map([
  ["Military Forces", "MIL"],
  ["Police Forces", "COP"],
  ["Government", "GOV"],
]);

// "(Former )Military Forces of (the )Somalia (2022-)( Puntland Dervish Force)".
const STATE = /^(Former )?(Military Forces|Police Forces|Government) of (.+?) \((\d{4})-(\d{4})?\)(?: (.+))?$/;
// "… (2025-) (Uganda)": a period, then a country in parentheses.
const CONTINGENT = /^(.+ \(\d{4}-(?:\d{4})?\)) \(([^()]+)\)$/;
const PERIOD = / \((\d{4})-(\d{4})?\)$/;
const COUNTRY_IN_PARENTHESES = / \(([^()]+)\)$/;

/**
 * Regions ACLED names as the country of an actor that ISO counts as part of another: their
 * actors have that country, but their forces are not the country's (no crosswalk to CAMEO).
 */
const TERRITORIES: ReadonlyMap<string, string> = new Map([["Somaliland", "SOM"]]);

export function parseAcledActorName(name: string): AcledActorName {
  const state = STATE.exec(name);
  if (state) {
    const [, former, title, place, from, to, unit] = state;
    const ownCountry = countryCodeNamed(place!);
    const country = ownCountry ?? TERRITORIES.get(place!) ?? null;
    const period = { from: Number(from), to: to === undefined ? null : Number(to) };
    const isForce = !former && unit === undefined;
    return {
      country,
      period,
      state: isForce && ownCountry !== undefined ? { role: ROLE_OF_TITLE.get(title!)!, country: ownCountry } : null,
      // Former members of a force are no part of it.
      parent: !former && unit !== undefined ? name.slice(0, name.length - unit.length - 1) : null,
    };
  }
  const contingent = CONTINGENT.exec(name);
  if (contingent) {
    const [, mission, place] = contingent;
    const country = countryCodeNamed(place!) ?? TERRITORIES.get(place!);
    if (country !== undefined) return { country, period: periodOf(mission!), state: null, parent: mission! };
  }
  const period = periodOf(name);
  if (period) return { country: null, period, state: null, parent: null };
  const inParentheses = COUNTRY_IN_PARENTHESES.exec(name)?.[1];
  const country = inParentheses === undefined ? null : (countryCodeNamed(inParentheses) ?? TERRITORIES.get(inParentheses) ?? null);
  return { country, period: null, state: null, parent: null };
}

function periodOf(name: string): AcledActorName["period"] {
  const match = PERIOD.exec(name);
  return match ? { from: Number(match[1]), to: match[2] === undefined ? null : Number(match[2]) } : null;
}

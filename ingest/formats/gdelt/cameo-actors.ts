// The entity a CAMEO actor code denotes, read from GDELT's columns of its parts (country,
// known group, ethnic and religious codes, up to three role types) and named from the CAMEO
// codebook: DEUGOV is the government of Germany, "Government of Germany", whatever words the
// article used ("ANGELA MERKEL", "BERLIN"), which are kept as an alias. A code with neither an
// ISO country nor a known group (a bare role such as GOV, "PRESIDENT"; a region such as AFR;
// a religion such as SIKREL) names no single entity: it is kept as written, not made an actor.
// The role and group titles are facts of the CAMEO manual (chapter 3); only the known groups,
// religions and ethnicities a dataset commonly names are listed, others are named by their words.
import { countryName } from "../../../services/actors/writes/country-names.js";
import { isAlpha3Country } from "../../import/country-codes.js";

/** The columns of one actor of a GDELT row (Actor1… or Actor2…). */
export interface CameoActorParts {
  code: string;
  /** What the article said ("FINANCIAL SECRETARY"); null when GDELT gives none. */
  words: string | null;
  countryCode: string | null;
  knownGroupCode: string | null;
  ethnicCode: string | null;
  religionCodes: string[];
  typeCodes: string[];
}

/** An entity the code denotes: named from the codebook. */
export interface CameoEntity {
  code: string;
  name: string;
  country: string | null;
}

/** CAMEO role types, titled as a name's head ("Government of Germany"). */
const ROLE_TITLES: ReadonlyMap<string, string> = new Map([
  ["COP", "Police"],
  ["GOV", "Government"],
  ["INS", "Insurgents"],
  ["JUD", "Judiciary"],
  ["MIL", "Military"],
  ["OPP", "Political opposition"],
  ["REB", "Rebels"],
  ["SEP", "Separatists"],
  ["SPY", "Intelligence services"],
  ["UAF", "Unaligned armed forces"],
  ["AGR", "Agriculture"],
  ["BUS", "Business"],
  ["CRM", "Criminals"],
  ["CVL", "Civilians"],
  ["DEV", "Development agencies"],
  ["EDU", "Education"],
  ["ELI", "Elites"],
  ["ENV", "Environmental groups"],
  ["HLH", "Health"],
  ["HRI", "Human rights groups"],
  ["LAB", "Labour"],
  ["LEG", "Legislature"],
  ["MED", "Media"],
  ["REF", "Refugees"],
  ["MOD", "Moderates"],
  ["RAD", "Radicals"],
  ["IGO", "Intergovernmental organisations"],
  ["IMG", "International militarised groups"],
  ["INT", "International actors"],
  ["MNC", "Multinational corporations"],
  ["NGM", "Non-governmental movements"],
  ["NGO", "Non-governmental organisations"],
  ["UIS", "Unidentified state actors"],
]);

/** International generics: a known group that has one of these types is that organisation itself. */
const GENERIC_TYPES = new Set(["IGO", "IMG", "INT", "MNC", "NGM", "NGO"]);

const KNOWN_GROUP_NAMES: ReadonlyMap<string, string> = new Map([
  ["UNO", "United Nations"],
  ["EEC", "European Union"],
  ["NAT", "NATO"],
  ["ASN", "ASEAN"],
  ["AFU", "African Union"],
  ["ARL", "Arab League"],
  ["OPC", "OPEC"],
  ["SAD", "Southern African Development Community"],
  ["TAL", "Taliban"],
  ["HMS", "Hamas"],
  ["HEZ", "Hezbollah"],
  ["WBK", "World Bank"],
  ["IMF", "International Monetary Fund"],
  ["WTO", "World Trade Organization"],
]);

const RELIGION_NAMES: ReadonlyMap<string, string> = new Map([
  ["CHR", "Christians"],
  ["MOS", "Muslims"],
  ["JEW", "Jews"],
  ["SIK", "Sikhs"],
  ["HIN", "Hindus"],
  ["BUD", "Buddhists"],
]);

const ETHNIC_NAMES: ReadonlyMap<string, string> = new Map([
  ["kur", "Kurds"],
  ["cat", "Catalans"],
]);

/** Country names read after "of" with an article. */
const WITH_ARTICLE = new Set(["USA", "GBR", "ARE", "NLD", "PHL", "CZE", "CAF", "COD", "DOM", "BHS", "GMB", "MDV", "COM", "SYC"]);

/** The entity the parts denote, or null when they name no single entity (kept as written). */
export function cameoEntity(parts: CameoActorParts): CameoEntity | null {
  const country = parts.countryCode !== null && isAlpha3Country(parts.countryCode) ? parts.countryCode : null;
  if (country === null && parts.knownGroupCode === null) return null;
  const base =
    parts.knownGroupCode !== null
      ? (KNOWN_GROUP_NAMES.get(parts.knownGroupCode) ?? titleCase(parts.words ?? parts.knownGroupCode))
      : `${WITH_ARTICLE.has(country!) ? "the " : ""}${countryName(country!)}`;
  const roles = parts.typeCodes
    .filter((type) => !(parts.knownGroupCode !== null && GENERIC_TYPES.has(type)))
    .map((type) => ROLE_TITLES.get(type))
    .filter((title): title is string => title !== undefined);
  const groups = [
    ...(parts.ethnicCode ? [ETHNIC_NAMES.get(parts.ethnicCode) ?? `Ethnic group ${parts.ethnicCode}`] : []),
    ...parts.religionCodes.map((code) => RELIGION_NAMES.get(code) ?? `Religious group ${code}`),
  ];
  const heads = [...groups, ...roles];
  const name = heads.length > 0 ? `${heads.join(", ")} of ${base}` : base.replace(/^the /, "");
  return { code: parts.code, name: name.charAt(0).toUpperCase() + name.slice(1), country };
}

/** The entity of a country's role, as ACLED's state actors link to it: MIL of SOM is SOMMIL, "Military of Somalia". */
export function cameoCountryRole(country: string, role: "GOV" | "MIL" | "COP"): CameoEntity {
  return cameoEntity({
    code: `${country}${role}`,
    words: null,
    countryCode: country,
    knownGroupCode: null,
    ethnicCode: null,
    religionCodes: [],
    typeCodes: [role],
  })!;
}

/** How the mention was written, for a mention that names no single entity: "FINANCIAL SECRETARY (CAMEO GOV)". */
export function asWritten(parts: Pick<CameoActorParts, "code" | "words">): string {
  return parts.words ? `${parts.words} (CAMEO ${parts.code})` : `CAMEO ${parts.code}`;
}

function titleCase(words: string): string {
  return words.toLowerCase().replace(/\b\p{L}/gu, (letter) => letter.toUpperCase());
}

// Generated actors with their aliases, and relations between them, as the document loader
// stores them: every actor's name is also its FREE alias, normalized like any other.
import type { ActorRow, AliasRow, RelationRow } from "../../services/actors/writes/actor-rows.js";
import { normalizeName } from "../../services/kit/records/normalize-name.js";
import { isoDay, randomDayNumber } from "./dates.js";
import { actorId, relationId } from "./ids.js";
import { COUNTRY_WEIGHTS, type Country } from "./places.js";
import { Random } from "./random.js";
import type { Scale } from "./scales.js";
import * as words from "./words.js";

const ACTOR_STREAM = 1;
const RELATION_STREAM = 2;

type Kind = ActorRow["kind"];

const KIND_WEIGHTS: readonly (readonly [Kind, number])[] = [
  ["PERSON", 45],
  ["ARMED_GROUP", 15],
  ["ARMED_FORCE", 8],
  ["GOVERNMENT_BODY", 10],
  ["ORGANIZATION", 10],
  ["POPULATION_GROUP", 10],
  ["STATE", 2],
];

export interface GeneratedActor {
  row: ActorRow;
  aliases: AliasRow[];
  country: Country;
}

export function generateActor(seed: number, index: number): GeneratedActor {
  const random = new Random(seed, ACTOR_STREAM, index);
  const kind = random.weighted(KIND_WEIGHTS);
  const country = random.weighted(COUNTRY_WEIGHTS);
  const name = nameOf(kind, country, random);
  const id = actorId(index);
  const listed: { scheme: AliasRow["scheme"]; value: string; validFrom?: string; validTo?: string }[] = [{ scheme: "FREE", value: name }];
  if (kind === "PERSON") {
    // Transliterations differ: a second FREE spelling for some.
    if (random.chance(0.2)) listed.push({ scheme: "FREE", value: name.replace(/y/g, "i").replace(/kh/g, "h").replace(/ou/g, "u") });
    if (random.chance(0.4)) {
      const from = randomDayNumber(random);
      listed.push({
        scheme: "TITLE",
        value: `${random.pick(words.PERSON_TITLES)} ${name}`,
        validFrom: isoDay(from),
        ...(random.chance(0.5) ? { validTo: isoDay(from + 200 + random.int(900)) } : {}),
      });
    }
  }
  if (kind !== "PERSON" && kind !== "POPULATION_GROUP" && random.chance(0.6)) {
    listed.push({ scheme: "ACLED", value: `${name} (${2010 + random.int(15)}-)` });
  }
  if ((kind === "STATE" || kind === "ARMED_FORCE" || kind === "GOVERNMENT_BODY") && random.chance(0.8)) {
    listed.push({ scheme: "CAMEO", value: `${country.iso3}${kind === "ARMED_FORCE" ? "MIL" : kind === "GOVERNMENT_BODY" ? "GOV" : ""}` });
  }
  if (random.chance(0.3)) listed.push({ scheme: "WIKIDATA", value: `Q${100_000 + index}` });
  const unique = [...new Map(listed.map((alias) => [`${alias.scheme} ${alias.value}`, alias])).values()];
  return {
    row: {
      id,
      kind,
      name,
      country: kind === "POPULATION_GROUP" && random.chance(0.3) ? null : country.iso3,
      description: random.chance(0.5) ? `${describe(kind)} based in ${country.name}.` : null,
    },
    aliases: unique.map((alias) => ({
      actorId: id,
      scheme: alias.scheme,
      value: alias.value,
      normalizedValue: normalizeName(alias.value),
      validFrom: alias.validFrom ?? null,
      validTo: alias.validTo ?? null,
    })),
    country,
  };
}

function nameOf(kind: Kind, country: Country, random: Random): string {
  switch (kind) {
    case "PERSON":
      return `${random.pick(words.FIRST_NAMES)} ${random.pick(words.LAST_NAMES)}`;
    case "STATE":
      return country.name;
    case "ARMED_FORCE":
      return random.chance(0.5)
        ? `Military Forces of ${country.name}`
        : `${country.adjective} ${random.pick(["Army", "Navy", "Air Force", "National Guard", "Police Forces"])}`;
    case "ARMED_GROUP":
      return `${random.pick(words.GROUP_WORDS)} ${random.pick(words.GROUP_NOUNS)} of ${random.pick(country.areas).name}`;
    case "GOVERNMENT_BODY":
      return `${random.pick(words.MINISTRIES)} of ${country.name}`;
    case "ORGANIZATION":
      return `${country.adjective} ${random.pick(words.ORGANIZATIONS)}`;
    case "POPULATION_GROUP":
      return `${random.pick(words.POPULATION_GROUPS)} (${country.name})`;
  }
}

function describe(kind: Kind): string {
  return kind.charAt(0) + kind.slice(1).toLowerCase().replaceAll("_", " ");
}

const PREDICATES_BY_SUBJECT: Partial<Record<Kind, readonly RelationRow["predicate"][]>> = {
  PERSON: ["LEADER_OF", "SPOKESPERSON_FOR", "MEMBER_OF", "CITIZEN_OF", "SERVES_IN"],
  ARMED_GROUP: ["FIGHTS_FOR", "PART_OF"],
  ARMED_FORCE: ["PART_OF"],
  GOVERNMENT_BODY: ["PART_OF"],
  ORGANIZATION: ["MEMBER_OF"],
};

/** Relation `index`: its subject an actor of a kind that has such relations, its object another; null when the pair would be one actor. */
export function generateRelation(seed: number, index: number, scale: Scale): RelationRow | null {
  const random = new Random(seed, RELATION_STREAM, index);
  const subjectIndex = random.int(scale.actors);
  const subject = generateActor(seed, subjectIndex);
  const predicate: RelationRow["predicate"] = random.pick(PREDICATES_BY_SUBJECT[subject.row.kind] ?? ["MEMBER_OF"]);
  // Organisations are few and popular: objects come mostly from the low indexes.
  const objectIndex = random.skewed(scale.actors);
  if (objectIndex === subjectIndex) return null;
  const from = randomDayNumber(random);
  return {
    id: relationId(index),
    subjectId: subject.row.id,
    predicate,
    objectId: actorId(objectIndex),
    validFrom: random.chance(0.7) ? isoDay(from) : null,
    validTo: random.chance(0.3) ? isoDay(from + 30 + random.int(1500)) : null,
    sourceId: null,
  };
}

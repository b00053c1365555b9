import "reflect-metadata";
import { type EnumValue, registerDescribedEnum } from "../../kit/schema/described-enum.js";
import { ACTOR_KIND_VALUES, ALIAS_SCHEME_VALUES, IDENTIFIER_SCHEME_VALUES, RELATION_PREDICATE_VALUES } from "../data/tables.js";

export const ActorKind = registerDescribedEnum(ACTOR_KIND_VALUES, {
  name: "ActorKind",
  description: "What sort of actor this is.",
  valueDescriptions: {
    PERSON: "A named individual.",
    STATE: "A sovereign state as a whole.",
    GOVERNMENT_BODY: "A government or one of its bodies (a ministry, an agency).",
    ARMED_FORCE: "A state's military or security force, or a unit of it.",
    ARMED_GROUP: "A non-state armed group: rebels, militias.",
    ORGANIZATION: "A non-armed organisation: a company, an NGO, an international body.",
    POPULATION_GROUP: "People described together: civilians, protesters, 'Chinese citizens fighting for Russia'.",
  },
});
export type ActorKind = EnumValue<typeof ActorKind>;

export const AliasScheme = registerDescribedEnum(ALIAS_SCHEME_VALUES, {
  name: "AliasScheme",
  description: "Which naming system an alias belongs to.",
  valueDescriptions: {
    FREE: 'A name or spelling used in text ("Zelenskyy").',
    TITLE: 'A title that designates the actor while held ("President of Ukraine").',
    ACLED: 'ACLED\'s actor name ("Military Forces of Russia (2022-)").',
    CAMEO: 'A CAMEO actor code as GDELT uses it ("RUSMIL").',
    WIKIDATA: 'A Wikidata item ID ("Q3874799").',
  },
});
export type AliasScheme = EnumValue<typeof AliasScheme>;

/** Schemes whose values identify an actor in another dataset, as opposed to names. */
export const IDENTIFIER_SCHEMES: readonly AliasScheme[] = IDENTIFIER_SCHEME_VALUES;

export const RelationPredicate = registerDescribedEnum(RELATION_PREDICATE_VALUES, {
  name: "RelationPredicate",
  description: "How the subject of a relation stands to its object.",
  valueDescriptions: {
    LEADER_OF: "The subject leads the object (a president of a state).",
    SPOKESPERSON_FOR: "The subject speaks for the object (Lin Jian for China's foreign ministry).",
    MEMBER_OF: "The subject is a member of the object.",
    CITIZEN_OF: "The subject is a citizen of the object state.",
    SERVES_IN: "The subject serves in the object force or unit.",
    PART_OF: "The subject is a part of the object (a ministry of a government, a brigade of an army).",
    FIGHTS_FOR: "The subject fights on the side of the object.",
  },
});
export type RelationPredicate = EnumValue<typeof RelationPredicate>;

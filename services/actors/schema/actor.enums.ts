import "reflect-metadata";
import { registerEnumType } from "type-graphql";

export enum ActorKind {
  PERSON = "PERSON",
  STATE = "STATE",
  GOVERNMENT_BODY = "GOVERNMENT_BODY",
  ARMED_FORCE = "ARMED_FORCE",
  ARMED_GROUP = "ARMED_GROUP",
  ORGANIZATION = "ORGANIZATION",
  POPULATION_GROUP = "POPULATION_GROUP",
}

registerEnumType(ActorKind, {
  name: "ActorKind",
  description: "What sort of actor this is.",
  valuesConfig: {
    PERSON: { description: "A named individual." },
    STATE: { description: "A sovereign state as a whole." },
    GOVERNMENT_BODY: { description: "A government or one of its bodies (a ministry, an agency)." },
    ARMED_FORCE: { description: "A state's military or security force, or a unit of it." },
    ARMED_GROUP: { description: "A non-state armed group: rebels, militias." },
    ORGANIZATION: { description: "A non-armed organisation: a company, an NGO, an international body." },
    POPULATION_GROUP: { description: "People described together: civilians, protesters, 'Chinese citizens fighting for Russia'." },
  },
});

export enum AliasScheme {
  FREE = "FREE",
  TITLE = "TITLE",
  ACLED = "ACLED",
  CAMEO = "CAMEO",
  WIKIDATA = "WIKIDATA",
}

registerEnumType(AliasScheme, {
  name: "AliasScheme",
  description: "Which naming system an alias belongs to.",
  valuesConfig: {
    FREE: { description: "A name or spelling used in text (\"Zelenskyy\")." },
    TITLE: { description: "A title that designates the actor while held (\"President of Ukraine\")." },
    ACLED: { description: "ACLED's actor name (\"Military Forces of Russia (2022-)\")." },
    CAMEO: { description: "A CAMEO actor code as GDELT uses it (\"RUSMIL\")." },
    WIKIDATA: { description: "A Wikidata item ID (\"Q3874799\")." },
  },
});

/** Schemes whose values identify an actor in another dataset, as opposed to names. */
export const IDENTIFIER_SCHEMES = [AliasScheme.ACLED, AliasScheme.CAMEO, AliasScheme.WIKIDATA];

export enum RelationPredicate {
  LEADER_OF = "LEADER_OF",
  SPOKESPERSON_FOR = "SPOKESPERSON_FOR",
  MEMBER_OF = "MEMBER_OF",
  CITIZEN_OF = "CITIZEN_OF",
  SERVES_IN = "SERVES_IN",
  PART_OF = "PART_OF",
  FIGHTS_FOR = "FIGHTS_FOR",
}

registerEnumType(RelationPredicate, {
  name: "RelationPredicate",
  description: "How the subject of a relation stands to its object.",
  valuesConfig: {
    LEADER_OF: { description: "The subject leads the object (a president of a state)." },
    SPOKESPERSON_FOR: { description: "The subject speaks for the object (Lin Jian for China's foreign ministry)." },
    MEMBER_OF: { description: "The subject is a member of the object." },
    CITIZEN_OF: { description: "The subject is a citizen of the object state." },
    SERVES_IN: { description: "The subject serves in the object force or unit." },
    PART_OF: { description: "The subject is a part of the object (a ministry of a government, a brigade of an army)." },
    FIGHTS_FOR: { description: "The subject fights on the side of the object." },
  },
});

import "reflect-metadata";
import { Field, ID, InputType } from "type-graphql";
import { type EnumValue, registerDescribedEnum } from "../../kit/schema/described-enum.js";
import { ActorKind, AliasScheme, RelationPredicate } from "./actor.enums.js";

@InputType({ description: "A relation the actor must be the subject of: everyone who SERVES_IN a given force, who was SPOKESPERSON_FOR a ministry on a day." })
export class ActorRelationCondition {
  @Field(() => RelationPredicate, { description: "The relation's predicate." })
  predicate!: RelationPredicate;

  @Field(() => ID, { nullable: true, description: "The relation's object (e.g. the force served in); any object when left out." })
  object?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "Only relations valid on this day (YYYY-MM-DD): begun on or before it or with no known start, and not ended before it. Any time when left out.",
  })
  at?: string | null;
}

@InputType({ description: "Conditions an actor must meet; all given conditions apply." })
export class ActorFilter {
  @Field(() => ActorKind, { nullable: true, description: "Only actors of this kind." })
  kind?: ActorKind | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-3 country code, e.g. "UKR".' })
  country?: string | null;

  @Field(() => ActorRelationCondition, { nullable: true, description: "Only actors that are the subject of such a relation." })
  relation?: ActorRelationCondition | null;

  @Field(() => AliasScheme, { nullable: true, description: "Only actors with at least one alias in this scheme (e.g. ACLED: actors ACLED data can name)." })
  hasAliasInScheme?: AliasScheme | null;
}

export const RelationDirection = registerDescribedEnum(["OUTGOING", "INCOMING"], {
  name: "RelationDirection",
  description: "Which end of a relation the actor is at.",
  valueDescriptions: {
    OUTGOING: "The actor is the subject (Lin Jian → SPOKESPERSON_FOR → ministry).",
    INCOMING: "The actor is the object (ministry ← SPOKESPERSON_FOR ← Lin Jian).",
  },
});
export type RelationDirection = EnumValue<typeof RelationDirection>;

@InputType({ description: "Which of an actor's relations to list." })
export class RelationFilter {
  @Field(() => RelationPredicate, { nullable: true, description: "Only relations with this predicate." })
  predicate?: RelationPredicate | null;
}

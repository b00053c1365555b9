import "reflect-metadata";
import { Field, InputType, registerEnumType } from "type-graphql";
import { ActorKind, RelationPredicate } from "./actor.enums.js";

@InputType({ description: "Conditions an actor must meet; all given conditions apply." })
export class ActorFilter {
  @Field(() => ActorKind, { nullable: true })
  kind?: ActorKind | null;

  @Field(() => String, { nullable: true, description: "ISO 3166-1 alpha-3 country code, e.g. \"UKR\"." })
  country?: string | null;
}

export enum RelationDirection {
  OUTGOING = "OUTGOING",
  INCOMING = "INCOMING",
}

registerEnumType(RelationDirection, {
  name: "RelationDirection",
  description: "Which end of a relation the actor is at.",
  valuesConfig: {
    OUTGOING: { description: "The actor is the subject (Lin Jian → SPOKESPERSON_FOR → ministry)." },
    INCOMING: { description: "The actor is the object (ministry ← SPOKESPERSON_FOR ← Lin Jian)." },
  },
});

@InputType({ description: "Which of an actor's relations to list." })
export class RelationFilter {
  @Field(() => RelationPredicate, { nullable: true })
  predicate?: RelationPredicate | null;
}

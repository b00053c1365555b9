import "reflect-metadata";
import { Field, Float, ObjectType } from "type-graphql";
import { ConnectionType } from "../../kit/pages/pagination.js";
import { Actor, Alias } from "./actor.type.js";

@ObjectType({ description: "An actor whose name or one of whose aliases resembles a searched name, with how closely." })
export class ActorSearchHit {
  @Field(() => Float, {
    description:
      "How closely the best-matching name resembles the query, from 0 to 1 (1: the name is the query, case, accents and punctuation aside): the mean of pg_trgm's word_similarity (the query found within the name) and similarity (the name as a whole).",
  })
  score!: number;

  @Field(() => Alias, { nullable: true, description: "The alias that matched best; null when it was the actor's name." })
  matchedAlias!: Alias | null;

  @Field(() => Actor, { description: "The actor." })
  actor!: Actor;
}

export const ActorSearchConnection = ConnectionType(ActorSearchHit, "ActorSearch", "A page of actor search hits, best first; one hit per actor.");

import "reflect-metadata";
import { Args, ArgsType, Ctx, Field, Query, Resolver } from "type-graphql";
import { type Connection, PageArgs } from "../../kit/pages/pagination.js";
import { ActorSearchConnection, ActorSearchHit } from "./actor-search.type.js";
import { ActorFilter } from "./actor.input.js";
import type { ActorsContext } from "../data/context.js";

@ArgsType()
class SearchActorsArgs extends PageArgs {
  @Field(() => String, {
    description:
      'A name as it may be written anywhere: any case, with or without accents, apostrophes or a first name, in another transliteration ("Zelenskiy", "zelensky"); 1 to 200 characters.',
  })
  query!: string;

  @Field(() => ActorFilter, { nullable: true, description: "Only hits whose actor also meets these conditions." })
  filter?: ActorFilter | null;
}

@Resolver(() => ActorSearchHit)
export class ActorSearchResolver {
  // Nullable, as every root field: with this subgraph down, the other root fields of an operation still answer.
  @Query(() => ActorSearchConnection, {
    nullable: true,
    description: "Fuzzy lookup of actors by name and alias (trigram similarity), best match first, one hit per actor; no match gives an empty page.",
  })
  async searchActors(
    @Args(() => SearchActorsArgs) { query, filter, first, after }: SearchActorsArgs,
    @Ctx() context: ActorsContext,
  ): Promise<Connection<ActorSearchHit>> {
    return context.search.search(query, filter, first, after);
  }
}

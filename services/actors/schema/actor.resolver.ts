import "reflect-metadata";
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { assertWellFormedId } from "../../kit/schema/ids.js";
import { type Connection, ConnectionType, PageArgs } from "../../kit/pages/pagination.js";
import { checkDay } from "../data/actor-filter.js";
import { IDENTIFIER_SCHEMES } from "./actor.enums.js";
import { ActorFilter, RelationDirection, RelationFilter } from "./actor.input.js";
import { Actor, ActorRelation, Alias, ExternalIdentifier } from "./actor.type.js";
import type { ActorsContext } from "../data/context.js";

export const ActorConnection = ConnectionType(Actor, "Actor", "A page of actors, ordered by name.");
export const ActorRelationConnection = ConnectionType(ActorRelation, "ActorRelation", "A page of an actor's relations.");

@ArgsType()
class ActorsArgs extends PageArgs {
  @Field(() => ActorFilter, { nullable: true, description: "Only actors that meet these conditions." })
  filter?: ActorFilter | null;
}

@ArgsType()
class RelationsArgs extends PageArgs {
  @Field(() => RelationDirection, {
    defaultValue: RelationDirection.OUTGOING,
    description: "Whether the actor is the subject (OUTGOING) or the object (INCOMING) of the relations listed.",
  })
  direction: RelationDirection = RelationDirection.OUTGOING;

  @Field(() => RelationFilter, { nullable: true, description: "Only relations that meet these conditions." })
  filter?: RelationFilter | null;

  @Field(() => String, {
    nullable: true,
    description:
      "Only relations valid on this day (YYYY-MM-DD): begun on or before it or with no known start, and not ended before it. All relations when left out.",
  })
  at?: string | null;
}

@Resolver(() => Actor)
export class ActorResolver {
  @Query(() => Actor, { nullable: true, description: "One actor by ID; null when there is none." })
  async actor(@Arg("id", () => ID) id: string, @Ctx() context: ActorsContext): Promise<Actor | null> {
    return context.loaders.actorById.load(assertWellFormedId("id", id));
  }

  // Nullable, as every root field: with this subgraph down, the other root fields of an operation still answer.
  @Query(() => ActorConnection, {
    nullable: true,
    description: "Actors ordered by name, optionally filtered by kind, country, a relation they are the subject of, or an alias scheme.",
  })
  async actors(@Args(() => ActorsArgs) { filter, first, after }: ActorsArgs, @Ctx() context: ActorsContext): Promise<Connection<Actor>> {
    return context.actors.list(filter, first, after);
  }

  @FieldResolver(() => [Alias], { description: "Every name and code the actor is known by, the name included." })
  async aliases(@Root() actor: Actor, @Ctx() context: ActorsContext): Promise<Alias[]> {
    return context.loaders.aliasesByActor.load(actor.id);
  }

  @FieldResolver(() => [ExternalIdentifier], { description: "The actor's IDs in other datasets: Wikidata, ACLED, CAMEO." })
  async identifiers(@Root() actor: Actor, @Ctx() context: ActorsContext): Promise<ExternalIdentifier[]> {
    const aliases = await context.loaders.aliasesByActor.load(actor.id);
    return aliases.filter((alias) => IDENTIFIER_SCHEMES.includes(alias.scheme)).map(({ scheme, value }) => ({ scheme, value }));
  }

  @FieldResolver(() => ActorRelationConnection, {
    description:
      "The actor's relations to other actors, from its side (OUTGOING) or theirs (INCOMING), ordered by predicate; optionally only those valid on a day.",
  })
  async relations(
    @Root() actor: Actor,
    @Args(() => RelationsArgs) { direction, filter, at, first, after }: RelationsArgs,
    @Ctx() context: ActorsContext,
  ): Promise<Connection<ActorRelation>> {
    checkDay("at", at);
    const loader = direction === RelationDirection.INCOMING ? context.loaders.relations.incoming : context.loaders.relations.outgoing;
    return loader.load({ parentId: actor.id, first, after, filter: { predicate: filter?.predicate ?? null, at: at ?? null } });
  }
}

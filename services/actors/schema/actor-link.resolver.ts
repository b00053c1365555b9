import "reflect-metadata";
import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import { EDITOR } from "../../kit/schema/authorization.js";
import { type Connection, ConnectionType, PageArgs } from "../../kit/pages/pagination.js";
import { ActorLinkFilter } from "./actor-link.input.js";
import { ActorLink, LinkStatus } from "./actor-link.type.js";
import { AliasScheme, RelationPredicate } from "./actor.enums.js";
import { Actor } from "./actor.type.js";
import type { ActorsContext } from "../data/context.js";

export const ActorLinkConnection = ConnectionType(ActorLink, "ActorLink", "A page of links, least sure first.");

@ArgsType()
class ActorLinksArgs extends PageArgs {
  @Field(() => ActorLinkFilter, { nullable: true, description: "Only links that meet these conditions." })
  filter?: ActorLinkFilter | null;
}

@Resolver(() => ActorLink)
export class ActorLinkResolver {
  // Nullable, as every root field: with this subgraph down, the other root fields of an operation still answer.
  @Query(() => ActorLinkConnection, {
    nullable: true,
    description:
      "Links between datasets' identifiers and actors, least sure first: what editors review (filter by status PROPOSED for those no one has decided).",
  })
  async actorLinks(@Args(() => ActorLinksArgs) { filter, first, after }: ActorLinksArgs, @Ctx() context: ActorsContext): Promise<Connection<ActorLink>> {
    return context.links.list(filter, first, after);
  }

  @FieldResolver(() => Actor, {
    nullable: true,
    description: "The actor the identifier was joined to (for a rejected or split link: the one decided against).",
  })
  async actor(@Root() link: ActorLink, @Ctx() context: ActorsContext): Promise<Actor | null> {
    return context.loaders.actorById.load(link.actorId);
  }

  @FieldResolver(() => Actor, {
    nullable: true,
    description: "For a REJECTED or SPLIT link: the actor the identifier is now (ownActorId); null while the link is in force.",
  })
  async separateActor(@Root() link: ActorLink, @Ctx() context: ActorsContext): Promise<Actor | null> {
    if (link.status !== LinkStatus.REJECTED && link.status !== LinkStatus.SPLIT) return null;
    return context.loaders.actorById.load(link.ownActorId);
  }

  @Authorized(EDITOR)
  @Mutation(() => ActorLink, { description: "Confirms the link of a dataset's identifier in force: it stands, with confidence 1." })
  async confirmActorLink(
    @Arg("scheme", () => AliasScheme) scheme: AliasScheme,
    @Arg("value", () => String) value: string,
    @Ctx() context: ActorsContext,
  ): Promise<ActorLink> {
    return context.linkDecisions.confirm(scheme, value);
  }

  @Authorized(EDITOR)
  @Mutation(() => ActorLink, {
    description:
      "Rejects the link of a dataset's identifier in force: the two are not the same. The identifier becomes its own actor (ownActorId) with its alias, and no import joins them again. Statements and incidents that hold the own actor's ID (an actor merged by the link) name it again; those an import wrote with the actor's ID keep it until their dataset is imported again.",
  })
  async rejectActorLink(
    @Arg("scheme", () => AliasScheme) scheme: AliasScheme,
    @Arg("value", () => String) value: string,
    @Ctx() context: ActorsContext,
  ): Promise<ActorLink> {
    return context.linkDecisions.reject(scheme, value);
  }

  @Authorized(EDITOR)
  @Mutation(() => ActorLink, {
    description:
      "Splits the link of a dataset's identifier in force: the two are related but distinct. As rejectActorLink, and the identifier's own actor is related to the actor by `predicate` (PART_OF: a period's force of the country's forces).",
  })
  async splitActorLink(
    @Arg("scheme", () => AliasScheme) scheme: AliasScheme,
    @Arg("value", () => String) value: string,
    @Arg("predicate", () => RelationPredicate, { defaultValue: RelationPredicate.PART_OF, description: "How the identifier's own actor stands to the actor." })
    predicate: RelationPredicate,
    @Ctx() context: ActorsContext,
  ): Promise<ActorLink> {
    return context.linkDecisions.split(scheme, value, predicate);
  }
}

@Resolver(() => Actor)
export class ActorLinksOfActorResolver {
  @FieldResolver(() => [ActorLink], {
    description: "The datasets' identifiers joined to this actor, with how each link was made and what editors decided (rejected and split ones too).",
  })
  async links(@Root() actor: Actor, @Ctx() context: ActorsContext): Promise<ActorLink[]> {
    return context.loaders.linksByActor.load(actor.id);
  }
}

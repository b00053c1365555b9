import "reflect-metadata";
import { Args, ArgsType, Ctx, Directive, Field, FieldResolver, Resolver, Root } from "type-graphql";
import { actorListParent } from "../../kit/schema/merged-actor-ids.js";
import { type Connection, PageArgs } from "../../kit/pages/pagination.js";
import { RelatedClaimFilter } from "./claim.input.js";
import { ClaimConnection } from "./claim.resolver.js";
import type { StatementsContext } from "../data/context.js";
import { ActorReference } from "./references.type.js";
import { DateRange } from "../../kit/schema/date-range.js";
import { StatementConnection } from "./statement.resolver.js";
import type { Claim, Statement } from "./statement.type.js";

@ArgsType()
class ActorStatementsArgs extends PageArgs {
  @Field(() => DateRange, { nullable: true, description: "Only statements said within these days." })
  said?: DateRange | null;
}

@ArgsType()
class ActorClaimsArgs extends PageArgs {
  @Field(() => RelatedClaimFilter, { nullable: true, description: "Only claims that meet these conditions, e.g. `{ status: CONTESTED }`." })
  filter?: RelatedClaimFilter | null;
}

/** The fields this subgraph adds to the actors subgraph's Actor. */
@Resolver(() => ActorReference)
export class ActorExtensionResolver {
  // Nullable, as every field this subgraph adds to another's type: when this subgraph is down,
  // the gateway still answers with the actor and null here, instead of nulling the whole list.
  // The rows of actors merged into this one count as its own (see actorListParent).
  @Directive('@requires(fields: "canonicalId mergedIds")')
  @FieldResolver(() => StatementConnection, {
    nullable: true,
    description: "What the actor said, oldest first (null when the statements subgraph is unavailable).",
  })
  async statements(
    @Root() actor: ActorReference,
    @Args(() => ActorStatementsArgs) { said, first, after }: ActorStatementsArgs,
    @Ctx() context: StatementsContext,
  ): Promise<Connection<Statement>> {
    const filter = { from: said?.from ?? null, to: said?.to ?? null };
    return context.loaders.statementsBySpeaker.load({ ...actorListParent(actor), first, after, filter });
  }

  @Directive('@requires(fields: "canonicalId mergedIds")')
  @FieldResolver(() => ClaimConnection, {
    nullable: true,
    description: "Claims whose subject or object the actor is, by ID (null when the statements subgraph is unavailable).",
  })
  async claimsAbout(
    @Root() actor: ActorReference,
    @Args(() => ActorClaimsArgs) { filter, first, after }: ActorClaimsArgs,
    @Ctx() context: StatementsContext,
  ): Promise<Connection<Claim>> {
    return context.loaders.claimsAboutActor.load({ ...actorListParent(actor), first, after, filter: filter ?? undefined });
  }
}

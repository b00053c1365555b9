import "reflect-metadata";
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { assertWellFormedId } from "../../kit/schema/ids.js";
import { type Connection, ConnectionType, PageArgs } from "../../kit/pages/pagination.js";
import { ClaimStatus } from "./claim.enums.js";
import { ClaimFilter } from "./claim.input.js";
import type { StatementsContext } from "../data/context.js";
import { ActorReference, IncidentReference } from "./references.type.js";
import { Claim, Stance, Statement } from "./statement.type.js";

export const ClaimConnection = ConnectionType(Claim, "Claim", "A page of claims.");
export const StanceConnection = ConnectionType(Stance, "Stance", "A page of stances, in the order they were taken.");

@ArgsType()
class ClaimsArgs extends PageArgs {
  @Field(() => ClaimFilter, { nullable: true, description: "Only claims that meet these conditions." })
  filter?: ClaimFilter | null;
}

@Resolver(() => Claim)
export class ClaimResolver {
  @Query(() => Claim, { nullable: true, description: "One claim by ID; null when there is none." })
  async claim(@Arg("id", () => ID) id: string, @Ctx() context: StatementsContext): Promise<Claim | null> {
    return context.loaders.claimById.load(assertWellFormedId("id", id));
  }

  // Nullable, as every root field: with this subgraph down, the other root fields of an operation still answer.
  @Query(() => ClaimConnection, { nullable: true, description: "Claims by ID, optionally only those with a status, about an actor or about an incident." })
  async claims(@Args(() => ClaimsArgs) { filter, first, after }: ClaimsArgs, @Ctx() context: StatementsContext): Promise<Connection<Claim>> {
    return context.claims.listClaims(filter, first, after);
  }

  @FieldResolver(() => ActorReference, { nullable: true, description: "Whom or what the claim is about." })
  subject(@Root() claim: Claim): ActorReference | null {
    return claim.subjectId ? ActorReference.of(claim.subjectId) : null;
  }

  @FieldResolver(() => ActorReference, { nullable: true, description: "The other actor the claim names (Russia, in 'fight for Russia')." })
  object(@Root() claim: Claim): ActorReference | null {
    return claim.objectId ? ActorReference.of(claim.objectId) : null;
  }

  @FieldResolver(() => IncidentReference, { nullable: true, description: "The incident the claim is about." })
  incident(@Root() claim: Claim): IncidentReference | null {
    return claim.incidentId ? IncidentReference.of(claim.incidentId) : null;
  }

  @FieldResolver(() => ClaimStatus, { description: "Where the claim stands, derived from the stances taken on it." })
  async status(@Root() claim: Claim, @Ctx() context: StatementsContext): Promise<ClaimStatus> {
    return (await context.loaders.claimSides.load(claim.id)).status;
  }

  @FieldResolver(() => [ActorReference], {
    nullable: "items",
    description: "Who asserts or supports the claim: each speaker once, in the order they first did; null for a speaker since deleted.",
  })
  async assertedBy(@Root() claim: Claim, @Ctx() context: StatementsContext): Promise<ActorReference[]> {
    return (await context.loaders.claimSides.load(claim.id)).assertedBy.map(ActorReference.of);
  }

  @FieldResolver(() => [ActorReference], {
    nullable: "items",
    description: "Who disputes or denies the claim: each speaker once, in the order they first did; null for a speaker since deleted.",
  })
  async disputedBy(@Root() claim: Claim, @Ctx() context: StatementsContext): Promise<ActorReference[]> {
    return (await context.loaders.claimSides.load(claim.id)).disputedBy.map(ActorReference.of);
  }

  @FieldResolver(() => Statement, { nullable: true, description: "The earliest statement asserting or supporting the claim; null when none does." })
  async firstAssertion(@Root() claim: Claim, @Ctx() context: StatementsContext): Promise<Statement | null> {
    return context.loaders.firstAssertion.load(claim.id);
  }

  @FieldResolver(() => Statement, {
    nullable: true,
    description:
      "The latest answer to the claim: a statement that disputes, denies, questions or comments on it, or one that responds to a statement asserting it; null when there is none.",
  })
  async latestResponse(@Root() claim: Claim, @Ctx() context: StatementsContext): Promise<Statement | null> {
    return context.loaders.latestResponse.load(claim.id);
  }

  @FieldResolver(() => StanceConnection, { description: "Who took which position on the claim, in date order." })
  async stances(@Root() claim: Claim, @Args(() => PageArgs) { first, after }: PageArgs, @Ctx() context: StatementsContext): Promise<Connection<Stance>> {
    return context.loaders.stancesOnClaim.load({ parentId: claim.id, first, after });
  }
}

@Resolver(() => Stance)
export class StanceResolver {
  @FieldResolver(() => Statement, { nullable: true })
  async statement(@Root() stance: Stance, @Ctx() context: StatementsContext): Promise<Statement | null> {
    return context.loaders.statementById.load(stance.statementId);
  }

  @FieldResolver(() => Claim, { nullable: true })
  async claim(@Root() stance: Stance, @Ctx() context: StatementsContext): Promise<Claim | null> {
    return context.loaders.claimById.load(stance.claimId);
  }
}

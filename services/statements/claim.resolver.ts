import "reflect-metadata";
import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { assertWellFormedId } from "../common/ids.js";
import { type Connection, ConnectionType, PageArgs } from "../common/pagination.js";
import type { StatementsContext } from "./context.js";
import { ActorReference, IncidentReference } from "./references.type.js";
import { Claim, Stance, Statement } from "./statement.type.js";

export const ClaimConnection = ConnectionType(Claim, "Claim", "A page of claims.");
export const StanceConnection = ConnectionType(Stance, "Stance", "A page of stances, in the order they were taken.");

@Resolver(() => Claim)
export class ClaimResolver {
  @Query(() => Claim, { nullable: true, description: "One claim by ID; null when there is none." })
  async claim(@Arg("id", () => ID) id: string, @Ctx() context: StatementsContext): Promise<Claim | null> {
    return context.loaders.claimById.load(assertWellFormedId("id", id));
  }

  @Query(() => ClaimConnection, { description: "All claims, by ID." })
  async claims(@Args(() => PageArgs) { first, after }: PageArgs, @Ctx() context: StatementsContext): Promise<Connection<Claim>> {
    return context.statements.listClaims(first, after);
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

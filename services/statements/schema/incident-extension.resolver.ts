import "reflect-metadata";
import { Args, ArgsType, Ctx, Field, FieldResolver, Resolver, Root } from "type-graphql";
import { type Connection, PageArgs } from "../../kit/pages/pagination.js";
import { RelatedClaimFilter } from "./claim.input.js";
import { ClaimConnection } from "./claim.resolver.js";
import type { StatementsContext } from "../data/context.js";
import { IncidentReference } from "./references.type.js";
import { StatementConnection } from "./statement.resolver.js";
import type { Claim, Statement } from "./statement.type.js";

@ArgsType()
class IncidentClaimsArgs extends PageArgs {
  @Field(() => RelatedClaimFilter, { nullable: true, description: "Only claims that meet these conditions, e.g. `{ status: CONTESTED }`." })
  filter?: RelatedClaimFilter | null;
}

/** The fields this subgraph adds to the incidents subgraph's Incident. */
@Resolver(() => IncidentReference)
export class IncidentExtensionResolver {
  // Nullable so that the incident survives this subgraph being down (see actor-extension.resolver.ts).
  @FieldResolver(() => StatementConnection, {
    nullable: true,
    description: "Statements about the incident, oldest first (null when the statements subgraph is unavailable).",
  })
  async statements(
    @Root() incident: IncidentReference,
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Ctx() context: StatementsContext,
  ): Promise<Connection<Statement>> {
    return context.loaders.statementsAboutIncident.load({ parentId: incident.id, first, after });
  }

  @FieldResolver(() => ClaimConnection, {
    nullable: true,
    description: "Claims made about the incident, by ID (null when the statements subgraph is unavailable).",
  })
  async claims(
    @Root() incident: IncidentReference,
    @Args(() => IncidentClaimsArgs) { filter, first, after }: IncidentClaimsArgs,
    @Ctx() context: StatementsContext,
  ): Promise<Connection<Claim>> {
    return context.loaders.claimsOfIncident.load({ parentId: incident.id, first, after, filter: filter ?? undefined });
  }
}

import "reflect-metadata";
import type { GraphQLResolveInfo } from "graphql";
import { Args, ArgsType, Ctx, Directive, Field, FieldResolver, Info, Resolver, Root } from "type-graphql";
import { actorListParent } from "../../kit/schema/merged-actor-ids.js";
import { type Connection, PageArgs } from "../../kit/pages/pagination.js";
import { selectedNodeFields } from "../../kit/pages/node-fields.js";
import type { IncidentsContext } from "../data/context.js";
import { ActorIncidentFilter } from "./incident.input.js";
import { IncidentConnection } from "./incident.resolver.js";
import type { Incident } from "./incident.type.js";
import { ActorReference } from "./references.type.js";

@ArgsType()
class ActorIncidentsArgs extends PageArgs {
  @Field(() => ActorIncidentFilter, { nullable: true })
  filter?: ActorIncidentFilter | null;
}

/** The field this subgraph adds to the actors subgraph's Actor. */
@Resolver(() => ActorReference)
export class ActorExtensionResolver {
  // Nullable, as every field a subgraph adds to another's type: when this subgraph is down,
  // the gateway still answers with the actor and null here, instead of nulling the actor.
  // The rows of actors merged into this one count as its own (see actorListParent).
  @Directive('@requires(fields: "canonicalId mergedIds")')
  @FieldResolver(() => IncidentConnection, {
    nullable: true,
    description: "Incidents the actor took part in, oldest first (null when the incidents subgraph is unavailable).",
  })
  async incidents(
    @Root() actor: ActorReference,
    @Args(() => ActorIncidentsArgs) { filter, first, after }: ActorIncidentsArgs,
    @Ctx() context: IncidentsContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<Incident>> {
    // Only the columns the page's answer needs, as the incidents list reads them.
    const page = { ...actorListParent(actor), first, after, nodeFields: selectedNodeFields(info) };
    if (filter?.role) return context.loaders.incidentsOfActorInRole.load({ ...page, filter: { role: filter.role } });
    return context.loaders.incidentsOfActor.load(page);
  }
}

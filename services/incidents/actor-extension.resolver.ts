import "reflect-metadata";
import { Args, ArgsType, Ctx, Field, FieldResolver, Resolver, Root } from "type-graphql";
import { type Connection, PageArgs } from "../common/pagination.js";
import type { IncidentsContext } from "./context.js";
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
  @FieldResolver(() => IncidentConnection, { description: "Incidents the actor took part in, oldest first." })
  async incidents(@Root() actor: ActorReference, @Args(() => ActorIncidentsArgs) { filter, first, after }: ActorIncidentsArgs, @Ctx() context: IncidentsContext): Promise<Connection<Incident>> {
    if (filter?.role) {
      return context.loaders.incidentsOfActorInRole.load({ parentId: actor.id, first, after, filter: { role: filter.role } });
    }
    return context.loaders.incidentsOfActor.load({ parentId: actor.id, first, after });
  }
}

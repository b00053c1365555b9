import "reflect-metadata";
import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Info, Query, Resolver, Root } from "type-graphql";
import { assertWellFormedId } from "../../kit/schema/ids.js";
import { type Connection, ConnectionType, PageArgs } from "../../kit/pages/pagination.js";
import { selectedNodeFields } from "../../kit/pages/node-fields.js";
import type { IncidentsContext } from "../data/context.js";
import { IncidentFilter, IncidentSort } from "./incident.input.js";
import { Incident, Participant, Place } from "./incident.type.js";
import { SourceReference } from "./references.type.js";

export const IncidentConnection = ConnectionType(Incident, "Incident", "A page of incidents.");

@ArgsType()
class IncidentsArgs extends PageArgs {
  @Field(() => IncidentFilter, { nullable: true, description: "Which incidents to list; all of them when left out." })
  filter?: IncidentFilter | null;

  @Field(() => IncidentSort, { nullable: true, description: "The order, oldest first when left out. A cursor is only valid in the order it came from." })
  sort?: IncidentSort | null;
}

@Resolver(() => Incident)
export class IncidentResolver {
  @Query(() => Incident, { nullable: true, description: "One incident by ID; null when there is none." })
  async incident(@Arg("id", () => ID) id: string, @Ctx() context: IncidentsContext): Promise<Incident | null> {
    return context.loaders.incidentById.load(assertWellFormedId("id", id));
  }

  // Nullable, as every root field: with this subgraph down, the other root fields of an operation still answer.
  @Query(() => IncidentConnection, {
    nullable: true,
    description: "Incidents in date order, optionally filtered by type, status, place, dates, participant, deaths and dataset.",
  })
  async incidents(
    @Args(() => IncidentsArgs) { filter, sort, first, after }: IncidentsArgs,
    @Ctx() context: IncidentsContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<Incident>> {
    // Only the columns the page's answer needs: a page of 50 reads twice as fast with the 9 the benchmark asks for as with all 33 (docs/performance.md).
    return context.incidents.listIncidents(filter, sort, first, after, selectedNodeFields(info));
  }

  @FieldResolver(() => Place, { nullable: true, description: "Where it happened: the primary place." })
  async place(@Root() incident: Incident, @Ctx() context: IncidentsContext): Promise<Place | null> {
    const places = await context.loaders.placesOfIncident.load(incident.id);
    return places.find((place) => place.isPrimary) ?? places[0] ?? null;
  }

  @FieldResolver(() => [Place], { description: "Every place sources give, the primary first; more than one when sources disagree." })
  async places(@Root() incident: Incident, @Ctx() context: IncidentsContext): Promise<Place[]> {
    return context.loaders.placesOfIncident.load(incident.id);
  }

  @FieldResolver(() => [Participant], { description: "The actors involved and their roles." })
  async participants(@Root() incident: Incident, @Ctx() context: IncidentsContext): Promise<Participant[]> {
    return context.loaders.participantsOfIncident.load(incident.id);
  }

  @FieldResolver(() => [SourceReference], { nullable: "items", description: "The documents that report the incident; null for a source since deleted." })
  async sources(@Root() incident: Incident, @Ctx() context: IncidentsContext): Promise<SourceReference[]> {
    const ids = await context.loaders.sourceIdsOfIncident.load(incident.id);
    return ids.map(SourceReference.of);
  }
}

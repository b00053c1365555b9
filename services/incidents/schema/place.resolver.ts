import "reflect-metadata";
import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { assertWellFormedId } from "../../kit/schema/ids.js";
import type { IncidentsContext } from "../data/context.js";
import { Incident, Participant, Place } from "./incident.type.js";
import { ActorReference, SourceReference } from "./references.type.js";

@Resolver(() => Place)
export class PlaceResolver {
  @Query(() => Place, { nullable: true, description: "One place by ID; null when there is none." })
  async place(@Arg("id", () => ID) id: string, @Ctx() context: IncidentsContext): Promise<Place | null> {
    return context.loaders.placeById.load(assertWellFormedId("id", id));
  }

  @FieldResolver(() => Incident, { nullable: true, description: "The incident this place is given for." })
  async incident(@Root() place: Place, @Ctx() context: IncidentsContext): Promise<Incident | null> {
    return context.loaders.incidentById.load(place.incidentId);
  }

  @FieldResolver(() => SourceReference, { nullable: true, description: "The document that gives this place." })
  source(@Root() place: Place): SourceReference | null {
    return place.sourceId ? SourceReference.of(place.sourceId) : null;
  }
}

@Resolver(() => Participant)
export class ParticipantResolver {
  // Nullable so that, with the actors subgraph down, the rest of the incident still comes back.
  @FieldResolver(() => ActorReference, { nullable: true })
  actor(@Root() participant: Participant): ActorReference {
    return ActorReference.of(participant.actorId);
  }
}

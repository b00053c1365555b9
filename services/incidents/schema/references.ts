import type { IncidentsContext } from "../data/context.js";
import type { ActorIdentity } from "../../kit/schema/merged-actor-ids.js";
import { ActorReference } from "./references.type.js";

// Batched __resolveReference for the entities this subgraph owns; each goes through the
// request's loader, so one `_entities` call costs one SQL query per entity type.
export const incidentsReferenceResolvers = {
  Incident: {
    __resolveReference: (reference: { id: string }, context: IncidentsContext) => context.loaders.incidentById.load(reference.id),
  },
  Place: {
    __resolveReference: (reference: { id: string }, context: IncidentsContext) => context.loaders.placeById.load(reference.id),
  },
  // Actors live in the actors subgraph; their ID is all this subgraph needs to add Actor.incidents.
  Actor: { __resolveReference: (reference: ActorIdentity) => ActorReference.fromRepresentation(reference) },
};

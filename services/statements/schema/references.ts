import { ActorReference, IncidentReference } from "./references.type.js";
import type { StatementsContext } from "../data/context.js";
import type { ActorIdentity } from "../../kit/schema/merged-actor-ids.js";

// Batched __resolveReference for the entities this subgraph owns; each goes through the
// request's loader, so one `_entities` call costs one SQL query per entity type.
export const statementsReferenceResolvers = {
  Statement: {
    __resolveReference: (reference: { id: string }, context: StatementsContext) => context.loaders.statementById.load(reference.id),
  },
  Claim: {
    __resolveReference: (reference: { id: string }, context: StatementsContext) => context.loaders.claimById.load(reference.id),
  },
  Source: {
    __resolveReference: (reference: { id: string }, context: StatementsContext) => context.loaders.sourceById.load(reference.id),
  },
  // Actors and incidents live elsewhere; their ID is all this subgraph needs to add its fields.
  Actor: { __resolveReference: (reference: ActorIdentity) => ActorReference.fromRepresentation(reference) },
  Incident: { __resolveReference: (reference: { id: string }) => IncidentReference.of(reference.id) },
};

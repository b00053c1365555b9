import { actorReferenceType, entityReferenceType } from "../../kit/schema/entity-references.js";

// Entities that other subgraphs own. This subgraph knows only their IDs; it adds fields to
// them (Actor.statements, Incident.claims) and returns them as references for the gateway
// to fetch from their owners.

export const ActorReference = actorReferenceType();
export type ActorReference = InstanceType<typeof ActorReference>;

export const IncidentReference = entityReferenceType("Incident", { resolvable: true });
export type IncidentReference = InstanceType<typeof IncidentReference>;

import { actorReferenceType, entityReferenceType } from "../../kit/schema/entity-references.js";

// Entities other subgraphs own. This subgraph holds only their IDs; it adds Actor.incidents.

export const ActorReference = actorReferenceType();
export type ActorReference = InstanceType<typeof ActorReference>;

/** Sources are fetched from the statements subgraph; this one never resolves them. */
export const SourceReference = entityReferenceType("Source", { resolvable: false });
export type SourceReference = InstanceType<typeof SourceReference>;

/** What the actors subgraph tells another subgraph about an actor whose lists it resolves. */
export interface ActorIdentity {
  /** The ID the actor was referred to by: its own, or that of an actor merged into it. */
  id: string;
  /** Its own ID (Actor.canonicalId), when the gateway sent it. */
  canonicalId?: string | null;
  /** The IDs of the actors merged into it (Actor.mergedIds), when the gateway sent them. */
  mergedIds?: readonly string[] | null;
}

/**
 * The parent of an actor's lists (statements, claims, incidents) for the batched list loaders:
 * the actor's own ID, and as other IDs those merged into it, since rows in this subgraph still
 * name them. Keyed by the actor's own ID, so the actor reached by a merged ID and by its own
 * is one parent.
 */
export function actorListParent(actor: ActorIdentity): { parentId: string; otherIds: string[] } {
  const parentId = actor.canonicalId ?? actor.id;
  const otherIds = [...new Set([actor.id, ...(actor.mergedIds ?? [])])].filter((id) => id !== parentId);
  return { parentId, otherIds };
}

import type { Actor } from "./actor.type.js";
import type { ActorsContext } from "../data/context.js";

/**
 * The gateway sends every Actor it needs in one `_entities` call; each representation
 * goes through the request's loader, so the whole call is one SQL query.
 */
export async function resolveActorReference(reference: { id: string }, context: ActorsContext): Promise<Actor | null> {
  return context.loaders.actorById.load(reference.id);
}

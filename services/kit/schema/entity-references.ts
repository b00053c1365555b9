import "reflect-metadata";
import { Directive, Field, ID, ObjectType } from "type-graphql";
import type { ActorIdentity } from "./merged-actor-ids.js";

// Entities another subgraph owns, which a subgraph holds by ID and returns as references for
// the gateway to fetch from their owner. These are factories, not classes: each subgraph calls
// them once for a class of its own, because type-graphql attaches a @FieldResolver's fields to
// the class itself, and one class shared by two subgraphs would carry the fields one adds
// (Actor.statements) into the other's schema.

/**
 * An entity known by its ID alone. `resolvable: false` when this subgraph only returns it and
 * never resolves it, so that the gateway fetches it from its owner.
 */
export function entityReferenceType(typeName: string, { resolvable }: { resolvable: boolean }) {
  @Directive(resolvable ? '@key(fields: "id")' : '@key(fields: "id", resolvable: false)')
  @ObjectType(typeName)
  class EntityReference {
    @Field(() => ID)
    id!: string;

    static of(id: string): EntityReference {
      return Object.assign(new EntityReference(), { id });
    }
  }
  return EntityReference;
}

/** The actors subgraph's Actor, with the identity fields the lists that other subgraphs add to it @require. */
export function actorReferenceType() {
  @Directive('@key(fields: "id")')
  @ObjectType("Actor")
  class ActorReference {
    @Field(() => ID)
    id!: string;

    // Owned by the actors subgraph: the gateway fetches them there for the fields that
    // @require them, whose lists then take in rows naming an actor merged into this one.
    @Directive("@external")
    @Field(() => ID)
    canonicalId?: string;

    @Directive("@external")
    @Field(() => [ID])
    mergedIds?: string[];

    static of(id: string): ActorReference {
      return Object.assign(new ActorReference(), { id });
    }

    /** The actor as the gateway represents it, with the fields required from the actors subgraph. */
    static fromRepresentation({ id, canonicalId, mergedIds }: ActorIdentity): ActorReference {
      return Object.assign(new ActorReference(), { id, canonicalId: canonicalId ?? undefined, mergedIds: mergedIds ? [...mergedIds] : undefined });
    }
  }
  return ActorReference;
}

import "reflect-metadata";
import { Directive, Field, ID, ObjectType } from "type-graphql";
import type { ActorIdentity } from "../../kit/schema/merged-actor-ids.js";

// Entities that other subgraphs own. This subgraph knows only their IDs; it adds fields to
// them (Actor.statements, Incident.claims) and returns them as references for the gateway
// to fetch from their owners.

// The incidents subgraph declares the same class: type-graphql attaches a @FieldResolver's fields
// to the class itself, so one class shared by both would carry the other's fields (Actor.incidents)
// into this schema.
@Directive('@key(fields: "id")')
@ObjectType("Actor")
export class ActorReference {
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

@Directive('@key(fields: "id")')
@ObjectType("Incident")
export class IncidentReference {
  @Field(() => ID)
  id!: string;

  static of(id: string): IncidentReference {
    return Object.assign(new IncidentReference(), { id });
  }
}

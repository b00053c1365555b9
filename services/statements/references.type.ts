import "reflect-metadata";
import { Directive, Field, ID, ObjectType } from "type-graphql";

// Entities that other subgraphs own. This subgraph knows only their IDs; it adds fields to
// them (Actor.statements, Incident.claims) and returns them as references for the gateway
// to fetch from their owners.

@Directive('@key(fields: "id")')
@ObjectType("Actor")
export class ActorReference {
  @Field(() => ID)
  id!: string;

  static of(id: string): ActorReference {
    return Object.assign(new ActorReference(), { id });
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

import "reflect-metadata";
import { Directive, Field, ID, ObjectType } from "type-graphql";

// Entities other subgraphs own. This subgraph holds only their IDs.

@Directive('@key(fields: "id")')
@ObjectType("Actor")
export class ActorReference {
  @Field(() => ID)
  id!: string;

  static of(id: string): ActorReference {
    return Object.assign(new ActorReference(), { id });
  }
}

/** Sources are fetched from the statements subgraph; this one never resolves them. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType("Source")
export class SourceReference {
  @Field(() => ID)
  id!: string;

  static of(id: string): SourceReference {
    return Object.assign(new SourceReference(), { id });
  }
}

import "reflect-metadata";
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { Actor, ActorRelation, SourceReference } from "./actor.type.js";
import type { ActorsContext } from "../data/context.js";

@Resolver(() => ActorRelation)
export class ActorRelationResolver {
  @FieldResolver(() => Actor, { nullable: true, description: "Who or what the relation is about." })
  async subject(@Root() relation: ActorRelation, @Ctx() context: ActorsContext): Promise<Actor | null> {
    return context.loaders.actorById.load(relation.subjectId);
  }

  @FieldResolver(() => Actor, { nullable: true, description: "Whom or what the subject stands in relation to." })
  async object(@Root() relation: ActorRelation, @Ctx() context: ActorsContext): Promise<Actor | null> {
    return context.loaders.actorById.load(relation.objectId);
  }

  @FieldResolver(() => SourceReference, { nullable: true, description: "The document that reports the relation." })
  source(@Root() relation: ActorRelation): SourceReference | null {
    return relation.sourceId ? { id: relation.sourceId } : null;
  }
}

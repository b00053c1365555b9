import "reflect-metadata";
import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from "type-graphql";
import { EDITOR } from "../../kit/schema/authorization.js";
import { AddAliasesInput, CreateActorInput, UpdateActorInput } from "./actor-curation.input.js";
import { Actor } from "./actor.type.js";
import type { ActorsContext } from "../data/context.js";

/** Curation of actors; every mutation needs an editor's API key, checked here. */
@Resolver(() => Actor)
export class ActorCurationResolver {
  // The gateway keeps the ID another subgraph referred to (a statement's speaker), since it
  // is the key; every other field comes from the survivor, and this says which actor that is.
  @FieldResolver(() => ID, {
    description: "The actor's own ID. It differs from `id` where the actor was reached by the ID of an actor merged into it (see mergeActors).",
  })
  canonicalId(@Root() actor: Actor): string {
    return actor.id;
  }

  // The other subgraphs still hold merged IDs (a statement's speaker): they @require this to
  // list, under the survivor, the rows that name an actor merged into it.
  @FieldResolver(() => [ID], {
    description: "The IDs of the actors merged into this one (see mergeActors), which now resolve to it; empty when none was.",
  })
  async mergedIds(@Root() actor: Actor, @Ctx() context: ActorsContext): Promise<string[]> {
    return context.loaders.mergedIdsOfActor.load(actor.id);
  }

  @Authorized(EDITOR)
  @Mutation(() => Actor, { description: 'Creates an actor with ID "meridian:<key>".' })
  async createActor(@Arg("input", () => CreateActorInput) input: CreateActorInput, @Ctx() context: ActorsContext): Promise<Actor> {
    return context.curation.create(input);
  }

  @Authorized(EDITOR)
  @Mutation(() => Actor, { description: "Changes an actor's fields; a merged actor's ID edits the survivor." })
  async updateActor(
    @Arg("id", () => ID) id: string,
    @Arg("input", () => UpdateActorInput) input: UpdateActorInput,
    @Ctx() context: ActorsContext,
  ): Promise<Actor> {
    return context.curation.update(id, input);
  }

  @Authorized(EDITOR)
  @Mutation(() => Boolean, {
    description:
      "Deletes an actor with its aliases and relations; false when there was none. Statements and incidents that name it keep the ID, which then resolves to null. The ID, and those of the actors merged into it, are never given to another actor.",
  })
  async deleteActor(@Arg("id", () => ID) id: string, @Ctx() context: ActorsContext): Promise<boolean> {
    return context.curation.delete(id);
  }

  @Authorized(EDITOR)
  @Mutation(() => Actor, { description: "Adds aliases to an actor." })
  async addAliases(@Arg("input", () => AddAliasesInput) input: AddAliasesInput, @Ctx() context: ActorsContext): Promise<Actor> {
    return context.curation.addAliases(input);
  }

  @Authorized(EDITOR)
  @Mutation(() => Actor, {
    description:
      "Merges one actor into another: its aliases and relations move to the survivor, and its ID keeps resolving, to the survivor, everywhere (statements and incidents that name it need no change). Returns the survivor.",
  })
  async mergeActors(
    @Arg("survivorId", () => ID, { description: "The actor that remains." }) survivorId: string,
    @Arg("mergedId", () => ID, { description: "The actor merged into the survivor; its ID becomes another name of the survivor." }) mergedId: string,
    @Ctx() context: ActorsContext,
  ): Promise<Actor> {
    return context.curation.merge(survivorId, mergedId);
  }
}

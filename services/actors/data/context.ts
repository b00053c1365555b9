import DataLoader from "dataloader";
import type { Database } from "../../../db/client.js";
import { ActorCuration } from "../writes/actor-curation.js";
import { ActorSearchRepository } from "./actor-search.repository.js";
import { ActorRepository } from "./actor.repository.js";
import type { Actor, Alias } from "../schema/actor.type.js";
import { createRelationLoaders } from "./relation.repository.js";

/** What every resolver of the actors subgraph gets: the database and this request's loaders. */
export interface ActorsContext {
  actors: ActorRepository;
  search: ActorSearchRepository;
  loaders: ActorLoaders;
  /** The mutations' writes. */
  curation: ActorCuration;
}

export type ActorLoaders = ReturnType<typeof createActorLoaders>;

/** Per-request batching: every actor, alias list or relation page asked for in one tick is one query. */
export function createActorLoaders(repository: ActorRepository, db: Database) {
  return {
    actorById: new DataLoader<string, Actor | null>(async (ids) => {
      const found = await repository.resolveIds(ids);
      return ids.map((id) => found.get(id) ?? null);
    }),
    aliasesByActor: new DataLoader<string, Alias[]>(async (actorIds) => {
      const byActor = await repository.aliasesOf(actorIds);
      return actorIds.map((id) => byActor.get(id) ?? []);
    }),
    mergedIdsOfActor: new DataLoader<string, string[]>(async (actorIds) => {
      const byActor = await repository.mergedIdsOf(actorIds);
      return actorIds.map((id) => byActor.get(id) ?? []);
    }),
    relations: createRelationLoaders(db),
  };
}

export function createActorsContext(db: Database): ActorsContext {
  const actors = new ActorRepository(db);
  return { actors, search: new ActorSearchRepository(db), loaders: createActorLoaders(actors, db), curation: new ActorCuration(db) };
}

import { createHistoryContext } from "../../kit/history/history-context.js";
import type { HistoryContext } from "../../kit/history/history.resolvers.js";
import { actorsHistory } from "./history.js";
import type { Database } from "../../../db/client.js";
import { type RequestScope, scopeWithoutRequest } from "../../kit/curation/request-scope.js";
import { loaderOfMap } from "../../kit/loaders/batch-loaders.js";
import { ActorCuration } from "../writes/actor-curation.js";
import { LinkDecisions } from "../writes/link-decisions.js";
import type { ActorLink } from "../schema/actor-link.type.js";
import { ActorLinkRepository } from "./actor-link.repository.js";
import { ActorSearchRepository } from "./actor-search.repository.js";
import { ActorRepository } from "./actor.repository.js";
import type { Actor, Alias } from "../schema/actor.type.js";
import { createRelationLoaders } from "./relation.repository.js";

/** What every resolver of the actors subgraph gets: the database and this request's loaders. */
export interface ActorsContext extends HistoryContext {
  actors: ActorRepository;
  search: ActorSearchRepository;
  loaders: ActorLoaders;
  links: ActorLinkRepository;
  /** The mutations' writes. */
  curation: ActorCuration;
  linkDecisions: LinkDecisions;
}

export type ActorLoaders = ReturnType<typeof createActorLoaders>;

/** Per-request batching: every actor, alias list or relation page asked for in one tick is one query. */
export function createActorLoaders(repository: ActorRepository, links: ActorLinkRepository, db: Database) {
  return {
    // By the ID asked for, not the actor's own: an ID merged into another actor loads the survivor.
    actorById: loaderOfMap<Actor | null>(
      (ids) => repository.resolveIds(ids),
      () => null,
    ),
    aliasesByActor: loaderOfMap<Alias[]>(
      (actorIds) => repository.aliasesOf(actorIds),
      () => [],
    ),
    linksByActor: loaderOfMap<ActorLink[]>(
      (actorIds) => links.linksOf(actorIds),
      () => [],
    ),
    mergedIdsOfActor: loaderOfMap<string[]>(
      (actorIds) => repository.mergedIdsOf(actorIds),
      () => [],
    ),
    relations: createRelationLoaders(db),
  };
}

export function createActorsContext(db: Database, request: RequestScope = scopeWithoutRequest()): ActorsContext {
  const actors = new ActorRepository(db);
  const links = new ActorLinkRepository(db);
  return {
    actors,
    search: new ActorSearchRepository(db),
    links,
    loaders: createActorLoaders(actors, links, db),
    curation: new ActorCuration(db, request),
    linkDecisions: new LinkDecisions(db, request),
    ...createHistoryContext(db, request, actorsHistory, "revertActorChange"),
  };
}

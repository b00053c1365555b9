import "reflect-metadata";
import type { GraphQLSchema } from "graphql";
import { buildFederatedSchema } from "../../kit/schema/federation.js";
import { resolveActorReference } from "./actor.reference.js";
import { ActorCurationResolver } from "./actor-curation.resolver.js";
import { ActorSearchResolver } from "./actor-search.resolver.js";
import { ActorResolver } from "./actor.resolver.js";
import { ActorRelationResolver } from "./relation.resolver.js";
import { ActorLinkResolver, ActorLinksOfActorResolver } from "./actor-link.resolver.js";

/** The actors subgraph: actors, their aliases, their relations and the links of datasets' identifiers to them. */
export function buildActorsSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    { resolvers: [ActorResolver, ActorSearchResolver, ActorRelationResolver, ActorCurationResolver, ActorLinkResolver, ActorLinksOfActorResolver] },
    { Actor: { __resolveReference: resolveActorReference } },
  );
}

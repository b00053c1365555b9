import "reflect-metadata";
import type { GraphQLSchema } from "graphql";
import { historyResolvers } from "../../kit/history/history.resolvers.js";
import { Actor } from "./actor.type.js";
import { buildFederatedSchema } from "../../kit/schema/federation.js";
import { resolveActorReference } from "./actor.reference.js";
import { ActorCurationResolver } from "./actor-curation.resolver.js";
import { ActorSearchResolver } from "./actor-search.resolver.js";
import { ActorResolver } from "./actor.resolver.js";
import { ActorRelationResolver } from "./relation.resolver.js";
import { ActorLinkResolver, ActorLinksOfActorResolver } from "./actor-link.resolver.js";

// Built once: type-graphql keeps every resolver class it is given, and the schema may be built more than once.
const ACTORS_HISTORY_RESOLVERS = historyResolvers({
  entities: [[Actor, "actor"]],
  undoes:
    "a deleted actor comes back under its ID with its aliases, relations and links; a merge is undone (the merged actor comes back with its own aliases, and the statements and incidents naming its ID name it again); aliases added and link decisions are taken back",
  changesField: "actorChanges",
  revertField: "revertActorChange",
  covers: "actors, their aliases, relations, links and tombstones",
  listsImports: true,
});

/** The actors subgraph: actors, their aliases, their relations and the links of datasets' identifiers to them. */
export function buildActorsSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    {
      resolvers: [
        ActorResolver,
        ActorSearchResolver,
        ActorRelationResolver,
        ActorCurationResolver,
        ActorLinkResolver,
        ActorLinksOfActorResolver,
        ...ACTORS_HISTORY_RESOLVERS,
      ],
    },
    { Actor: { __resolveReference: resolveActorReference } },
  );
}

import "reflect-metadata";
import type { GraphQLSchema } from "graphql";
import { type ReferenceResolvers, buildFederatedSchema } from "../../kit/schema/federation.js";
import { ActorExtensionResolver } from "./actor-extension.resolver.js";
import { IncidentCurationResolver } from "./incident-curation.resolver.js";
import { IncidentSearchResolver } from "./incident-search.resolver.js";
import { IncidentStatsResolver } from "./incident-stats.resolver.js";
import { IncidentResolver } from "./incident.resolver.js";
import { ParticipantResolver, PlaceResolver } from "./place.resolver.js";
import { incidentsReferenceResolvers } from "./references.js";

/** The incidents subgraph: incidents, their places and participants, search and statistics. */
export function buildIncidentsSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    {
      resolvers: [
        IncidentResolver,
        IncidentSearchResolver,
        IncidentStatsResolver,
        PlaceResolver,
        ParticipantResolver,
        ActorExtensionResolver,
        IncidentCurationResolver,
      ],
    },
    incidentsReferenceResolvers as unknown as ReferenceResolvers,
  );
}

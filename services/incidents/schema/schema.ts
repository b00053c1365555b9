import "reflect-metadata";
import type { GraphQLSchema } from "graphql";
import { historyResolvers } from "../../kit/history/history.resolvers.js";
import { Incident } from "./incident.type.js";
import { type ReferenceResolvers, buildFederatedSchema } from "../../kit/schema/federation.js";
import { ActorExtensionResolver } from "./actor-extension.resolver.js";
import { IncidentCurationResolver } from "./incident-curation.resolver.js";
import { IncidentSearchResolver } from "./incident-search.resolver.js";
import { IncidentStatsResolver } from "./incident-stats.resolver.js";
import { IncidentResolver } from "./incident.resolver.js";
import { ParticipantResolver, PlaceResolver } from "./place.resolver.js";
import { incidentsReferenceResolvers } from "./references.js";

// Built once: type-graphql keeps every resolver class it is given, and the schema may be built more than once.
const INCIDENTS_HISTORY_RESOLVERS = historyResolvers({
  entities: [[Incident, "incident"]],
  undoes: "a deleted incident comes back under its ID with its places, participants and sources",
  changesField: "incidentChanges",
  revertField: "revertIncidentChange",
  covers: "incidents, their places, participants and sources",
});

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
        ...INCIDENTS_HISTORY_RESOLVERS,
      ],
    },
    incidentsReferenceResolvers as unknown as ReferenceResolvers,
  );
}

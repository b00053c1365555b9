import "reflect-metadata";
import type { GraphQLSchema } from "graphql";
import { type ReferenceResolvers, buildFederatedSchema } from "../../kit/schema/federation.js";
import { ActorExtensionResolver } from "./actor-extension.resolver.js";
import { ClaimResolver, StanceResolver } from "./claim.resolver.js";
import { IncidentExtensionResolver } from "./incident-extension.resolver.js";
import { statementsReferenceResolvers } from "./references.js";
import { SourceResolver } from "./source.resolver.js";
import { StatementCurationResolver } from "./statement-curation.resolver.js";
import { StatementResolver } from "./statement.resolver.js";
import { StatementSearchResolver } from "./statement-search.resolver.js";
import { StatementStatsResolver } from "./statement-stats.resolver.js";

/** The statements subgraph: sources, statements, claims and stances. */
export function buildStatementsSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    {
      resolvers: [
        StatementResolver,
        StatementSearchResolver,
        StatementStatsResolver,
        ClaimResolver,
        StanceResolver,
        SourceResolver,
        ActorExtensionResolver,
        IncidentExtensionResolver,
        StatementCurationResolver,
      ],
    },
    statementsReferenceResolvers as unknown as ReferenceResolvers,
  );
}

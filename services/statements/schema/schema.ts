import "reflect-metadata";
import type { GraphQLSchema } from "graphql";
import { historyResolvers } from "../../kit/history/history.resolvers.js";
import { Claim, Statement } from "./statement.type.js";
import { Source } from "./source.type.js";
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

// Built once: type-graphql keeps every resolver class it is given, and the schema may be built more than once.
const STATEMENTS_HISTORY_RESOLVERS = historyResolvers({
  entities: [
    [Statement, "statement"],
    [Claim, "claim"],
    [Source, "source"],
  ],
  undoes: "a deleted statement, claim or source comes back under its ID with its stances and incidents",
  changesField: "statementChanges",
  revertField: "revertStatementChange",
  covers: "statements, claims, stances and sources",
});

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
        ...STATEMENTS_HISTORY_RESOLVERS,
      ],
    },
    statementsReferenceResolvers as unknown as ReferenceResolvers,
  );
}

import { createHistoryContext } from "../../kit/history/history-context.js";
import type { HistoryContext } from "../../kit/history/history.resolvers.js";
import { statementsHistory } from "./history.js";
import DataLoader from "dataloader";
import type { Database } from "../../../db/client.js";
import { type RequestScope, scopeWithoutRequest } from "../../kit/curation/request-scope.js";
import { loaderById, loaderOfChildren } from "../../kit/loaders/batch-loaders.js";
import { createChildListLoaders } from "./child-lists.js";
import { ClaimRepository } from "./claim.repository.js";
import { claimSidesOf, firstAssertionsOf, latestResponsesOf } from "./claim-sides.js";
import type { Source } from "../schema/source.type.js";
import { StatementCuration } from "../writes/statement-curation.js";
import { StatementRepository } from "./statement.repository.js";
import { StatementSearchRepository } from "./statement-search.repository.js";
import { StatementStatsRepository } from "./statement-stats.repository.js";
import type { Claim, Stance, Statement } from "../schema/statement.type.js";
import { incidentIdsOfStatements } from "./statement-incidents.js";

/** What every resolver of the statements subgraph gets: the repositories and this request's loaders. */
export interface StatementsContext extends HistoryContext {
  statements: StatementRepository;
  claims: ClaimRepository;
  search: StatementSearchRepository;
  stats: StatementStatsRepository;
  loaders: StatementLoaders;
  /** The mutations' writes. */
  curation: StatementCuration;
}

export type StatementLoaders = ReturnType<typeof createStatementLoaders>;

/** Per-request batching: all entities and lists of one kind asked for in one tick are one query. */
export function createStatementLoaders(repository: StatementRepository, db: Database) {
  return {
    statementById: loaderById<Statement>((ids) => repository.statementsByIds(ids)),
    claimById: loaderById<Claim>((ids) => repository.claimsByIds(ids)),
    sourceById: loaderById<Source>((ids) => repository.sourcesByIds(ids)),
    stancesOfStatement: loaderOfChildren<Stance>(
      (ids) => repository.stancesOfStatements(ids),
      (stance) => stance.statementId,
    ),
    incidentIdsOfStatement: new DataLoader<string, string[]>((statementIds) => incidentIdsOfStatements(db, statementIds)),
    // The claims view: status and both sides come from one query, whatever fields are asked.
    claimSides: new DataLoader((claimIds: readonly string[]) => claimSidesOf(db, claimIds)),
    firstAssertion: new DataLoader((claimIds: readonly string[]) => firstAssertionsOf(db, claimIds)),
    latestResponse: new DataLoader((claimIds: readonly string[]) => latestResponsesOf(db, claimIds)),
    ...createChildListLoaders(db),
  };
}

export function createStatementsContext(db: Database, request: RequestScope = scopeWithoutRequest()): StatementsContext {
  const statements = new StatementRepository(db);
  return {
    statements,
    claims: new ClaimRepository(db),
    search: new StatementSearchRepository(db),
    stats: new StatementStatsRepository(db),
    loaders: createStatementLoaders(statements, db),
    curation: new StatementCuration(db, request),
    ...createHistoryContext(db, request, statementsHistory, "revertStatementChange"),
  };
}

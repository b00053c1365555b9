import DataLoader from "dataloader";
import type { Database } from "../../db/client.js";
import { createChildListLoaders } from "./child-lists.js";
import type { Source } from "./source.type.js";
import { StatementRepository } from "./statement.repository.js";
import type { Claim, Stance, Statement } from "./statement.type.js";
import { incidentIdsOfStatements } from "./statement-incidents.js";

/** What every resolver of the statements subgraph gets: the repository and this request's loaders. */
export interface StatementsContext {
  statements: StatementRepository;
  loaders: StatementLoaders;
}

export type StatementLoaders = ReturnType<typeof createStatementLoaders>;

function byId<T extends { id: string }>(load: (ids: readonly string[]) => Promise<T[]>) {
  return new DataLoader<string, T | null>(async (ids) => {
    const found = new Map((await load(ids)).map((item) => [item.id, item]));
    return ids.map((id) => found.get(id) ?? null);
  });
}

/** Per-request batching: all entities and lists of one kind asked for in one tick are one query. */
export function createStatementLoaders(repository: StatementRepository, db: Database) {
  return {
    statementById: byId<Statement>((ids) => repository.statementsByIds(ids)),
    claimById: byId<Claim>((ids) => repository.claimsByIds(ids)),
    sourceById: byId<Source>((ids) => repository.sourcesByIds(ids)),
    stancesOfStatement: new DataLoader<string, Stance[]>(async (statementIds) => {
      const stances = await repository.stancesOfStatements(statementIds);
      return statementIds.map((id) => stances.filter((stance) => stance.statementId === id));
    }),
    incidentIdsOfStatement: new DataLoader<string, string[]>((statementIds) => incidentIdsOfStatements(db, statementIds)),
    ...createChildListLoaders(db),
  };
}

export function createStatementsContext(db: Database): StatementsContext {
  const statements = new StatementRepository(db);
  return { statements, loaders: createStatementLoaders(statements, db) };
}

// Runs operations against one subgraph's schema in process, as the gateway would send them,
// counting the SQL statements each causes.
import "reflect-metadata";
import { type GraphQLSchema, graphql } from "graphql";
import type { DatabaseHandle } from "../../db/client.js";
import type { SubgraphDefinition } from "../../services/kit/server/subgraph-definition.js";
import type { Backend, TestDatabase } from "../../scripts/harness/backends.js";

export interface SubgraphUnderTest {
  database: TestDatabase;
  /** Executes an operation with a fresh request context; returns the result and the SQL count. */
  execute(source: string, variableValues?: Record<string, unknown>): Promise<{ data?: any; errors?: readonly any[]; sqlStatements: number }>;
}

export async function subgraphUnderTest(
  backend: Backend,
  subgraph: SubgraphDefinition,
  prepare: (handle: DatabaseHandle) => Promise<void>,
): Promise<SubgraphUnderTest> {
  let statementsRun = 0;
  const database = await backend.create({ onQuery: () => statementsRun++ });
  await prepare(database.handle);
  const code = await subgraph.load();
  const schema: GraphQLSchema = await code.buildSchema();
  return {
    database,
    async execute(source, variableValues) {
      statementsRun = 0;
      const result = await graphql({ schema, source, variableValues, contextValue: code.createContext(database.handle.db) });
      return { data: result.data, errors: result.errors, sqlStatements: statementsRun };
    },
  };
}

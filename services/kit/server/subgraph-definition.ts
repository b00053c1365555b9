// What the layers above a subgraph know of it: services/<name>/index.ts describes each one,
// services/registry.ts lists them. Its code (types, resolvers, repositories) is loaded only
// when the subgraph is served or its schema built, so that a process that reads only the
// names and ports (the gateway's configuration, the migrations) does not load it.
import type { BaseContext } from "@apollo/server";
import type { GraphQLSchema } from "graphql";
import type { Database } from "../../../db/client.js";
import type { RequestScope } from "../curation/request-scope.js";

export interface SubgraphDefinition<TName extends string = string> {
  /** Its name in the supergraph; it also names its variables (ACTORS_PORT) and its migrations table. */
  readonly name: TName;
  /** Where it listens unless <NAME>_PORT says otherwise, and where the committed supergraph routes it. */
  readonly defaultPort: number;
  /** Its committed drizzle-kit migrations. */
  readonly migrationsFolder: string;
  /** Loads its code: what serves it. */
  load(): Promise<SubgraphCode>;
}

export interface SubgraphCode {
  buildSchema(): Promise<GraphQLSchema>;
  /**
   * A fresh context per request: fresh loaders, so nothing is cached across requests. Its
   * writes are given the request's scope: who is asking, and where to note the IDs they change.
   * Without one (a test, a benchmark) nobody is the author and nothing is logged.
   */
  createContext(db: Database, request?: RequestScope): BaseContext;
}

/** Keeps the subgraph's name as a literal type, from which the registry derives SubgraphName. */
export function defineSubgraph<const TName extends string>(definition: SubgraphDefinition<TName>): SubgraphDefinition<TName> {
  return definition;
}

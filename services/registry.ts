import type { BaseContext } from "@apollo/server";
import type { GraphQLSchema } from "graphql";
import type { Database } from "../db/client.js";
import type { SubgraphName } from "../db/migrate.js";
import { createActorsContext } from "./actors/data/context.js";
import { buildActorsSchema } from "./actors/schema/schema.js";
import { createIncidentsContext } from "./incidents/data/context.js";
import { buildIncidentsSchema } from "./incidents/schema/schema.js";
import { createStatementsContext } from "./statements/data/context.js";
import { buildStatementsSchema } from "./statements/schema/schema.js";

export interface SubgraphDefinition {
  name: SubgraphName;
  buildSchema: () => Promise<GraphQLSchema>;
  /** A fresh context per request: fresh loaders, so nothing is cached across requests. */
  createContext: (db: Database) => BaseContext;
}

/** The three subgraphs of the supergraph, in the order they are composed. */
export const SUBGRAPHS: readonly SubgraphDefinition[] = [
  { name: "actors", buildSchema: buildActorsSchema, createContext: createActorsContext as (db: Database) => BaseContext },
  { name: "statements", buildSchema: buildStatementsSchema, createContext: createStatementsContext as (db: Database) => BaseContext },
  { name: "incidents", buildSchema: buildIncidentsSchema, createContext: createIncidentsContext as (db: Database) => BaseContext },
];

export function subgraphNamed(name: SubgraphName): SubgraphDefinition {
  return SUBGRAPHS.find((subgraph) => subgraph.name === name)!;
}

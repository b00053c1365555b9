import "reflect-metadata";
import { buildSubgraphSchema } from "@apollo/subgraph";
import type { GraphQLResolverMap } from "@apollo/subgraph/dist/schema-helper/index.js";
import { printSchemaWithDirectives } from "@graphql-tools/utils";
import { type GraphQLSchema, parse } from "graphql";
import { type BuildSchemaOptions, buildSchema, createResolversMap } from "type-graphql";
import { checkCallerRole } from "./authorization.js";

const FEDERATION_LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires"])';

export type ReferenceResolvers = Record<string, { __resolveReference: (reference: never, context: never) => unknown }>;

/**
 * Turns type-graphql classes into a Federation 2 subgraph schema: type-graphql builds the
 * schema, its SDL (with the @key directives) is handed to @apollo/subgraph with type-graphql's
 * resolvers, plus each entity's batched __resolveReference.
 */
export async function buildFederatedSchema(options: Omit<BuildSchemaOptions, "skipCheck">, referenceResolvers: ReferenceResolvers): Promise<GraphQLSchema> {
  // @Authorized fields are checked against the caller's API key role (authorization.ts).
  const schema = await buildSchema({ authChecker: checkCallerRole, ...options, skipCheck: true });
  const resolvers = createResolversMap(schema) as GraphQLResolverMap<unknown>;
  for (const [typeName, reference] of Object.entries(referenceResolvers)) {
    resolvers[typeName] = { ...(resolvers[typeName] as object), ...reference } as GraphQLResolverMap<unknown>[string];
  }
  return buildSubgraphSchema({
    typeDefs: parse(`${FEDERATION_LINK}\n${printSchemaWithDirectives(schema)}`),
    resolvers,
  });
}

// Subgraph operations run by graphql-jit: each operation's document is compiled once into a
// function that resolves exactly its fields, instead of graphql-js walking the document and the
// schema for every field of every request. bench/LEVERS.md ("compiled execution") measures it;
// SUBGRAPH_COMPILED_EXECUTION=false runs graphql-js's own execution.
//
// Apollo Server 5 takes another executor only from a gateway, so this is one that never changes
// its schema: the subgraph's own, with Apollo's parsing, validation, plugins and error formatting
// around it as before.
import type { GatewayExecutor, GatewayInterface } from "@apollo/server-gateway-interface";
import {
  type DocumentNode,
  type ExecutionResult,
  type GraphQLInputObjectType,
  type GraphQLSchema,
  GraphQLError,
  getNamedType,
  getOperationAST,
  isInputObjectType,
} from "graphql";
import { type CompiledQuery, compileQuery, isCompiledQuery } from "graphql-jit";
import { variableDefaults } from "./variable-defaults.js";

interface Compiled {
  /** The compiled operation, or why it could not be compiled. */
  query: CompiledQuery | ExecutionResult;
  /** Gives a request's variables with the defaults graphql-jit would leave out (variable-defaults.ts). */
  withDefaults: (variables: Record<string, unknown>) => Record<string, unknown>;
}

/** Input types that contain themselves, at any depth: graphql-jit (0.8.9) compiling a variable of one never ends. */
function selfContainingInputTypes(schema: GraphQLSchema): string[] {
  const reaches = (from: GraphQLInputObjectType, target: GraphQLInputObjectType, seen: Set<string>): boolean =>
    Object.values(from.getFields()).some((field) => {
      const type = getNamedType(field.type);
      if (!isInputObjectType(type)) return false;
      if (type === target) return true;
      if (seen.has(type.name)) return false;
      seen.add(type.name);
      return reaches(type, target, seen);
    });
  return Object.values(schema.getTypeMap())
    .filter(isInputObjectType)
    .filter((type) => reaches(type, type, new Set()))
    .map((type) => type.name);
}

/**
 * graphql-jit's errors are its own kind of GraphQLError, whose `extensions` is undefined when the
 * cause gave none; Apollo reads `extensions.code` of every error, fails, and answers a bare
 * "Internal server error" without the error's path. Rebuilt as graphql's own GraphQLError, an
 * error keeps its message, path, locations, extensions and cause.
 */
function asGraphQLError(error: GraphQLError): GraphQLError {
  const rebuilt = new GraphQLError(error.message, {
    path: error.path,
    originalError: error.originalError ?? undefined,
    extensions: error.extensions ?? undefined,
  });
  if (error.locations) Object.defineProperty(rebuilt, "locations", { value: error.locations, enumerable: true });
  return rebuilt;
}

function withGraphQLErrors(result: ExecutionResult): ExecutionResult {
  return result.errors ? { ...result, errors: result.errors.map(asGraphQLError) } : result;
}

export function compiledExecution(schema: GraphQLSchema): GatewayInterface {
  const selfContaining = selfContainingInputTypes(schema);
  if (selfContaining.length > 0) {
    throw new Error(
      `compiled execution: graphql-jit cannot compile variables of input types that contain themselves (${selfContaining.join(", ")}); set SUBGRAPH_COMPILED_EXECUTION=false or change the types`,
    );
  }
  // Apollo keeps parsed documents in its bounded operation cache, so a compiled operation lives
  // as long as its document does, and a document dropped from that cache takes it along.
  const compiledByDocument = new WeakMap<DocumentNode, Map<string | undefined, Compiled>>();

  const compiledOf = (document: DocumentNode, operationName: string | undefined): Compiled => {
    let byName = compiledByDocument.get(document);
    if (!byName) {
      byName = new Map();
      compiledByDocument.set(document, byName);
    }
    let compiled = byName.get(operationName);
    if (!compiled) {
      const definitions = getOperationAST(document, operationName)?.variableDefinitions ?? [];
      compiled = { query: compileQuery(schema, document, operationName), withDefaults: variableDefaults(schema, definitions) };
      byName.set(operationName, compiled);
    }
    return compiled;
  };

  const executor: GatewayExecutor = async ({ document, operationName, request, context }) => {
    const { query, withDefaults } = compiledOf(document, operationName ?? undefined);
    // Not compiled: the operation is not executable as asked (e.g. no operation of that name), and this is why.
    if (!isCompiledQuery(query)) return withGraphQLErrors(query);
    return withGraphQLErrors(await query.query(undefined, context, withDefaults(request.variables ?? {})));
  };

  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: "" });
      return () => {};
    },
    async load() {
      return { executor };
    },
    async stop() {},
  };
}

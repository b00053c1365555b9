// Subgraph operations run by graphql-jit: each operation's document is compiled once into a
// function that resolves exactly its fields, instead of graphql-js walking the document and the
// schema for every field of every request. bench/LEVERS.md ("compiled execution") measures it;
// SUBGRAPH_COMPILED_EXECUTION=false runs graphql-js's own execution.
//
// Apollo Server 5 takes another executor only from a gateway, so this is one that never changes
// its schema: the subgraph's own, with Apollo's parsing, validation, plugins and error formatting
// around it as before.
//
// Compiled operations are dear, so they are made only for operations that come back and kept in
// a cache bounded by the heap they hold (OPERATION_CACHE_MAX_BYTES, like Apollo's caches).
// Measured (bench/compiled-operation-memory.ts, graphql-jit 0.8.9): one `incidents` page of 14
// fields compiles into 37 K characters of JavaScript in 1.4–2.5 ms and keeps 98–105 KB of heap;
// twenty aliases of it, 746 K characters in 22–29 ms, keeping 2.1 MB. Compiled on first sight
// and kept as long as Apollo kept the document, a thousand distinct operations of twenty such
// pages left a subgraph whose heap was capped at 384 MB holding 300 MB (69 MB on graphql-js),
// and an uncapped one grew to 2.7 GB. An operation seen once now runs on graphql-js, and
// compiling starts with its second request.
import type { GatewayExecutor, GatewayInterface } from "@apollo/server-gateway-interface";
import {
  type DocumentNode,
  type ExecutionResult,
  type GraphQLInputObjectType,
  type GraphQLSchema,
  GraphQLError,
  execute,
  getNamedType,
  getOperationAST,
  isInputObjectType,
  parse,
} from "graphql";
import { type CompiledQuery, type CompilerOptions, compileQuery, isCompiledQuery } from "graphql-jit";
import { measuredEntryCache, textBytes } from "../../../platform/graphql/operation-caches.js";
import type { ServiceMetrics } from "../../../platform/metrics/service-metrics.js";
import { variableDefaults } from "./variable-defaults.js";

interface Compiled {
  /** The compiled operation, or why it could not be compiled. */
  query: CompiledQuery | ExecutionResult;
  /** Gives a request's variables with the defaults graphql-jit would leave out (variable-defaults.ts). */
  withDefaults: (variables: Record<string, unknown>) => Record<string, unknown>;
  /** The heap it keeps, by the length of the JavaScript graphql-jit generated for it. */
  bytes: number;
}

/**
 * Heap a compiled operation keeps per character of the JavaScript generated for it, its
 * document included: 2.62–2.85 measured after a full collection for one to twenty aliased pages
 * of incidents (bench/compiled-operation-memory.ts).
 */
const COMPILED_BYTES_PER_SOURCE_CHARACTER = 3;
/**
 * Kept in place of an operation whose compiled function is larger than the whole cache, so that
 * it is not compiled again for every request: graphql-js runs it.
 */
const TOO_LARGE = { tooLarge: true, bytes: 0 } as const;
/** What an operation graphql-jit refused to compile keeps: its errors. */
const REFUSED_COMPILATION_BYTES = 4 * 1024;
/** graphql-jit's debug option keeps the generated source on the compiled query under this name (read for its length, then dropped). */
const GENERATED_SOURCE = "__DO_NOT_USE_THIS_OR_YOU_WILL_BE_FIRED_compilation";

export interface CompiledExecutionOptions {
  /** The most heap compiled operations may keep together (OPERATION_CACHE_MAX_BYTES). */
  maxBytes: number;
  /** Reports the cache's bytes as `meridian_operation_cache_bytes{cache="compiled_operations"}`. */
  metrics?: ServiceMetrics;
}

/** Compiles `operationName` of `document`, and measures what it keeps. */
function compile(schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined): Compiled {
  const definitions = getOperationAST(document, operationName)?.variableDefinitions ?? [];
  const withDefaults = variableDefaults(schema, definitions);
  // `debug` is not in graphql-jit's typed options; it keeps the generated source, whose length is the size.
  const query = compileQuery(schema, document, operationName, { debug: true } as Partial<CompilerOptions>) as (CompiledQuery | ExecutionResult) &
    Record<string, unknown>;
  if (!isCompiledQuery(query)) return { query, withDefaults, bytes: REFUSED_COMPILATION_BYTES };
  const source = query[GENERATED_SOURCE];
  if (typeof source !== "string")
    throw new Error(
      `compiled execution: graphql-jit no longer gives the generated source (${GENERATED_SOURCE}) to size its cache by; set SUBGRAPH_COMPILED_EXECUTION=false`,
    );
  delete query[GENERATED_SOURCE];
  return { query, withDefaults, bytes: source.length * COMPILED_BYTES_PER_SOURCE_CHARACTER };
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

export function compiledExecution(schema: GraphQLSchema, options: CompiledExecutionOptions): GatewayInterface {
  const selfContaining = selfContainingInputTypes(schema);
  if (selfContaining.length > 0) {
    throw new Error(
      `compiled execution: graphql-jit cannot compile variables of input types that contain themselves (${selfContaining.join(", ")}); set SUBGRAPH_COMPILED_EXECUTION=false or change the types`,
    );
  }
  // At start, not at some operation's second request: a graphql-jit that no longer gives its
  // generated source (which the cache is sized by) stops the subgraph here, saying why.
  compile(schema, parse("{ __typename }"), undefined);
  // By operation name and text: the same operation parsed again (Apollo's document cache let it
  // go) finds its compiled function still here.
  const compiled = measuredEntryCache<Compiled | typeof TOO_LARGE>(options.maxBytes);
  options.metrics?.watchCache("compiled_operations", compiled);
  // Operations run once so far, by their parsed document (which Apollo's bounded cache keeps):
  // one that comes back is compiled.
  const seenOnce = new WeakMap<DocumentNode, Set<string | undefined>>();
  const firstSight = (document: DocumentNode, operationName: string | undefined): boolean => {
    let names = seenOnce.get(document);
    if (!names) {
      names = new Set();
      seenOnce.set(document, names);
    }
    if (names.has(operationName)) return false;
    names.add(operationName);
    return true;
  };

  const executor: GatewayExecutor = async ({ document, operationName, request, context }) => {
    const name = operationName ?? undefined;
    const key = request.query === undefined ? undefined : `${name ?? ""}\n${request.query}`;
    let entry = key === undefined ? undefined : await compiled.get(key);
    if (!entry && key !== undefined && !firstSight(document, name)) {
      const made = compile(schema, document, name);
      await compiled.set(key, made.bytes + textBytes(key) > options.maxBytes ? TOO_LARGE : made);
      entry = made;
    }
    // Seen once, too large to keep compiled, or sent without its text: graphql-js runs it, as Apollo would.
    if (!entry || "tooLarge" in entry) {
      return execute({ schema, document, contextValue: context, variableValues: request.variables, operationName: name });
    }
    // Not compiled: the operation is not executable as asked (e.g. no operation of that name), and this is why.
    if (!isCompiledQuery(entry.query)) return withGraphQLErrors(entry.query);
    return withGraphQLErrors(await entry.query.query(undefined, context, entry.withDefaults(request.variables ?? {})));
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

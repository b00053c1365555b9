// Safelisting for production: with PERSISTED_OPERATIONS_SAFELIST on, the gateway runs only the
// operations in its persisted operation manifest (Apollo's manifest format, generated from
// examples/*.graphql by `npm run persisted:manifest`). Clients may send an operation's ID
// alone (Apollo Client's persisted-query link, Apollo's persisted query lists) or its body.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { ApolloServerPlugin, PersistedQueryOptions } from "@apollo/server";
import { type DocumentNode, GraphQLError, parse, print, visit } from "graphql";
import { z } from "zod";
import type { ByteBoundedCache } from "../platform/graphql/byte-bounded-cache.js";
import { StartupError } from "../platform/process/fail.js";
import { DEFAULT_OPERATION_CACHE_BYTES, persistedQueryCache } from "../platform/graphql/operation-caches.js";

/** The committed manifest of the example operations. */
export const PERSISTED_OPERATIONS_PATH = fileURLToPath(new URL("./persisted-operations.json", import.meta.url));

/** Apollo Router's code for the same refusal, so clients handle either gateway alike. */
export const NOT_IN_LIST_CODE = "PERSISTED_QUERY_NOT_IN_LIST";

const manifestSchema = z.object({
  format: z.literal("apollo-persisted-query-manifest"),
  version: z.literal(1),
  operations: z.array(
    z.object({
      id: z.string().regex(/^[0-9a-f]{64}$/, "must be the body's SHA-256 in lowercase hex"),
      name: z.string().min(1),
      type: z.enum(["query", "mutation", "subscription"]),
      body: z.string().min(1),
    }),
  ),
});

export type PersistedOperationManifest = z.infer<typeof manifestSchema>;

/** The hash automatic persisted queries and the manifest use for an operation's text. */
export const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** The manifest's operation texts by their SHA-256. */
export function persistedOperationTexts(manifest: PersistedOperationManifest): ReadonlyMap<string, string> {
  return new Map(manifest.operations.map((operation) => [operation.id, operation.body]));
}

/** A manifest file, checked whole; problems stop the gateway's start, naming the file and each entry. */
export function readManifest(path = PERSISTED_OPERATIONS_PATH): PersistedOperationManifest {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new StartupError(`${path}: not a readable JSON persisted operation manifest: ${(error as Error).message}`);
  }
  const parsed = manifestSchema.safeParse(json);
  const problems = parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
  parsed.data?.operations.forEach((operation, index) => {
    if (canonicalOperation(operation.body) === undefined) problems.push(`operations.${index}.body: is not a GraphQL document`);
    else if (operation.id !== sha256(operation.body)) problems.push(`operations.${index}.id: is not the SHA-256 of operations.${index}.body`);
  });
  if (problems.length > 0) throw new StartupError(`${path}: invalid persisted operation manifest:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
  return parsed.data!;
}

/**
 * An operation as compared against the list: its document printed canonically, without
 * `__typename` fields (which Apollo Client adds and which only name types in the answer), so
 * formatting, comments and those fields do not matter. Undefined when it does not parse.
 */
export function canonicalOperation(source: string): string | undefined {
  let document: DocumentNode;
  try {
    document = parse(source, { noLocation: true });
  } catch {
    return undefined;
  }
  // biome-ignore lint/correctness/noComponentHookFactories: a graphql-js visitor keyed by node kind, not a React component
  return print(visit(document, { Field: (field) => (field.name.value === "__typename" && !field.alias ? null : undefined) }));
}

export interface Safelist {
  /** Refuses every operation not in the list, before it runs or is registered for APQ. */
  plugin: ApolloServerPlugin;
  /** The APQ cache: the manifest's operations by ID, so an ID alone is enough for them. */
  persistedQueries: PersistedQueryOptions;
  /** The APQ registrations of listed operations printed another way, at most `cacheBytes`. */
  registrations: ByteBoundedCache<string>;
}

export function createSafelist(manifest: PersistedOperationManifest, cacheBytes = DEFAULT_OPERATION_CACHE_BYTES): Safelist {
  const bodies = new Map(manifest.operations.map((operation) => [operation.id, operation.body]));
  const canonicalBodies = new Set(manifest.operations.map((operation) => canonicalOperation(operation.body)));
  // Registrations (a body sent with its hash) get here only for listed operations printed
  // another way, since every other body is refused first; comments make any number of those.
  const registered = persistedQueryCache(cacheBytes);
  const isListed = (query: string) => bodies.has(sha256(query)) || canonicalBodies.has(canonicalOperation(query));
  return {
    plugin: {
      async requestDidStart() {
        return {
          // The earliest hook whose errors Apollo sends as they are (earlier ones become 500s),
          // and where Apollo's own operation registry refused operations: one that does not
          // parse or validate has been refused by then. Before an APQ registration, too.
          async didResolveOperation({ source, operationName }) {
            if (isListed(source)) return;
            throw new GraphQLError(
              `Operation ${operationName ?? "(unnamed)"} is not in this gateway's persisted operation list; ` +
                "with PERSISTED_OPERATIONS_SAFELIST on, only the operations listed there run.",
              { extensions: { code: NOT_IN_LIST_CODE, http: { status: 400 } } },
            );
          },
        };
      },
    },
    persistedQueries: {
      cache: {
        // Apollo prefixes every key with "apq:".
        get: async (key) => bodies.get(key.replace(/^apq:/, "")) ?? (await registered.get(key)),
        set: async (key, value) => registered.set(key, value),
        delete: async (key) => registered.delete(key),
      },
    },
    registrations: registered,
  };
}

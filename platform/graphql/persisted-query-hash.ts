// A request that sends an operation with an automatic-persisted-query hash that is not the
// operation's SHA-256 is the caller's mistake. Apollo refuses it with an error without a code,
// which counts as an internal error and reads "Internal server error" in production; this
// refuses it first, saying what is wrong, with Apollo Router's code for the same refusal.
import { createHash } from "node:crypto";
import type { Request, RequestHandler } from "express";

export const HASH_MISMATCH_CODE = "PERSISTED_QUERY_HASH_MISMATCH";

/** The request's operation text and APQ hash, from a POST's JSON body or a GET's query string (where extensions is JSON text). */
function operationAndHash(request: Request): { query: unknown; hash: unknown } {
  const source = (request.method === "GET" ? request.query : request.body) as Record<string, unknown> | undefined;
  if (!source || typeof source !== "object" || Array.isArray(source)) return { query: undefined, hash: undefined };
  let extensions = source.extensions;
  if (typeof extensions === "string") {
    try {
      extensions = JSON.parse(extensions);
    } catch {
      // Apollo answers unreadable extensions itself.
      return { query: undefined, hash: undefined };
    }
  }
  const persistedQuery = (extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined)?.persistedQuery;
  return { query: source.query, hash: persistedQuery?.sha256Hash };
}

export function refuseMismatchedPersistedQueryHash(): RequestHandler {
  return (request, response, next) => {
    const { query, hash } = operationAndHash(request);
    if (typeof query !== "string" || typeof hash !== "string") return next();
    const actual = createHash("sha256").update(query).digest("hex");
    if (actual === hash) return next();
    response.status(400).json({
      errors: [
        {
          message: `extensions.persistedQuery.sha256Hash is ${JSON.stringify(hash.slice(0, 80))}, but the SHA-256 of the query sent with it is ${actual}: send the query's own hash (lowercase hex).`,
          extensions: { code: HASH_MISMATCH_CODE },
        },
      ],
    });
  };
}

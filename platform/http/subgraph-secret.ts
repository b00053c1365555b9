// Private subgraphs: the gateway proves itself to each subgraph with a shared secret in a
// header, as Apollo's guide to securing subgraphs describes, so Apollo Router can send it
// too (`headers: all: request: - insert: { name: meridian-subgraph-secret, value: ... }`).
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import type { RequestHandler } from "express";
import type { Config } from "../config/config.js";
import { StartupError } from "../process/fail.js";

export const SUBGRAPH_SECRET_HEADER = "meridian-subgraph-secret";

/**
 * Compares digests rather than the strings: they have the same length whatever was sent,
 * so neither the length nor the first differing byte of the secret shows in the timing.
 */
export function secretsMatch(given: string, expected: string): boolean {
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** What a request without the secret is answered, with 401. */
export const SECRET_REFUSAL = {
  errors: [{ message: "this subgraph answers only the Meridian gateway", extensions: { code: "UNAUTHENTICATED" } }],
};

/** Whether a request's headers carry the secret: the Express guard's test, and the raw data-version listener's. */
export function carriesSubgraphSecret(headers: IncomingHttpHeaders, secret: string): boolean {
  const given = headers[SUBGRAPH_SECRET_HEADER];
  return typeof given === "string" && secretsMatch(given, secret);
}

/** Answers 401 to any request that does not carry the secret. */
export function requireSubgraphSecret(secret: string): RequestHandler {
  return (request, response, next) => {
    if (carriesSubgraphSecret(request.headers, secret)) return next();
    response.status(401).json(SECRET_REFUSAL);
  };
}

/**
 * The secret a process uses. `npm start` runs gateway and subgraphs in one process, so
 * without a configured secret it makes one up that nobody outside the process knows.
 * Separate processes share only a configured one: production demands it, development
 * runs open without it.
 */
export function resolveSubgraphSecret(config: Config, options: { embedded: boolean }): string | undefined {
  if (config.subgraphSecret) return config.subgraphSecret;
  if (options.embedded) return randomBytes(32).toString("base64url");
  if (config.isProduction) {
    throw new StartupError("SUBGRAPH_SECRET is not set: in production the gateway and every subgraph need the same secret (16 or more characters)");
  }
  return undefined;
}

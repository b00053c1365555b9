// Who is calling: identified from the `Authorization: Bearer <key>` header, at the gateway and
// again in every subgraph (the gateway forwards the header), so that a subgraph reached
// around the gateway still knows nobody is an editor without a key.
import type { Request, RequestHandler } from "express";
import { GraphQLError } from "graphql";
import { type ApiKeyEntry, type ApiRole, findApiKey } from "../config/api-keys.js";
import { addToRequestLog } from "../logging/request-log.js";

export type Caller =
  | { kind: "anonymous" }
  /** A key or Authorization header was sent but it is not one of ours. */
  | { kind: "unrecognised" }
  /** One of our keys: its entry's name (never the key) and role. */
  | { kind: "key"; keyName: string; role: ApiRole };

export const ANONYMOUS: Caller = { kind: "anonymous" };

/** What a resolver's context carries about the caller; undefined counts as anonymous. */
export interface CallerContext {
  caller?: Caller;
}

export function identifyCaller(authorization: string | undefined | null, keys: readonly ApiKeyEntry[]): Caller {
  if (!authorization) return ANONYMOUS;
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  if (!bearer) return { kind: "unrecognised" };
  const entry = findApiKey(bearer[1]!, keys);
  return entry ? { kind: "key", keyName: entry.name, role: entry.role } : { kind: "unrecognised" };
}

/**
 * Identifies the caller of a request once, for its GraphQL context (callerOf) and its log
 * line: the key's name and role, or that a key was sent that is not one of ours; nothing for
 * an anonymous caller. The key itself is never logged.
 */
export function identifyCallers(keys: readonly ApiKeyEntry[]): RequestHandler {
  return (request, response, next) => {
    const caller = identifyCaller(request.get("authorization"), keys);
    response.locals.caller = caller;
    addToRequestLog(request, () => callerLogFields(caller));
    next();
  };
}

/** The caller identifyCallers found for the request; anonymous when it did not run. */
export function callerOf(request: Request): Caller {
  return (request.res?.locals.caller as Caller | undefined) ?? ANONYMOUS;
}

/** What a request's log line says of its caller: never the key. */
export function callerLogFields(caller: Caller): Record<string, unknown> {
  if (caller.kind === "key") return { keyName: caller.keyName, role: caller.role };
  if (caller.kind === "unrecognised") return { unrecognisedKey: true };
  return {};
}

// An editor may do whatever a reader may.
const GRANTS: Record<ApiRole, readonly ApiRole[]> = { reader: ["reader"], editor: ["reader", "editor"] };

/**
 * Throws unless the caller holds one of `roles`: UNAUTHENTICATED (HTTP 401) without a valid
 * key, FORBIDDEN (403) with a key whose role is not enough.
 */
export function requireRole(caller: Caller | undefined, roles: readonly ApiRole[]): void {
  if (!caller || caller.kind === "anonymous") {
    throw new GraphQLError(`this needs an API key with the ${roles.join(" or ")} role: send "Authorization: Bearer <key>"`, {
      extensions: { code: "UNAUTHENTICATED", http: { status: 401 } },
    });
  }
  if (caller.kind === "unrecognised") {
    throw new GraphQLError('the API key is not valid (or the Authorization header is not "Bearer <key>")', {
      extensions: { code: "UNAUTHENTICATED", http: { status: 401 } },
    });
  }
  if (!roles.some((role) => GRANTS[caller.role].includes(role))) {
    throw new GraphQLError(`the API key's role ${caller.role} may not do this; it needs the ${roles.join(" or ")} role`, {
      extensions: { code: "FORBIDDEN", http: { status: 403 } },
    });
  }
}

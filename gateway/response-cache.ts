// Answers repeated read operations from memory: the same operation text, operation name,
// variables and caller's role, at the same data versions of every subgraph
// (data-versions.ts), get the answer stored the first time. Every write that commits moves the
// versions (services/kit/server/data-version-route.ts), so after it no request, at this gateway
// process or any other, finds an answer stored before it: invalidation is exact and needs no
// message between processes. Only the versions of the subgraphs an operation's plan fetches from
// are read, once its plan is known (query-plans.ts): an answer depends on no other, and a page of
// incidents then costs one version read instead of three, and stays cached while another subgraph
// is down. Only complete answers without errors are stored; mutations,
// subscriptions and unrecognised keys pass through. Bounded by bytes (RESPONSE_CACHE_MAX_BYTES),
// least recently used first out; 0 turns it off.
//
// An answer is kept as the bytes sent and their ETag, both made once when it is stored: turning
// a stored string into bytes again for every hit, and Express digesting it for its ETag, took
// a quarter of the gateway's CPU on a hit (a page of 50 incidents, 2026-12-07 profile).
//
// Over GET (persisted operations, for CDNs and browsers) an answer carries an ETag, Express's
// own digest of the body, and `Cache-Control: no-cache` (public without a key, private with
// one): a cache may keep it but asks again each time, and `If-None-Match` is answered 304 while
// the answer is the same. A longer max-age would serve answers a write has changed.
import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Request, RequestHandler, Response } from "express";
import { type DocumentNode, getOperationAST, parse } from "graphql";
import { Counter } from "prom-client";
import { ByteBoundedCache } from "../platform/graphql/byte-bounded-cache.js";
import { persistedQueryCache, textBytes } from "../platform/graphql/operation-caches.js";
import { type Caller, callerOf } from "../platform/http/caller.js";
import type { EarlyAnswerer } from "../platform/http/early-answers.js";
import type { ServiceMetrics } from "../platform/metrics/service-metrics.js";
import type { QueryPlan } from "@apollo/query-planner";
import { type DataVersions, versionsText } from "./data-versions.js";
import { apolloPlanKey, subgraphsOfPlan } from "./query-plans.js";
import { isTooLong, operationText } from "./limits/operation-length.js";

/** Says whether an answer came from the cache ("hit") or was computed and stored ("miss"). */
export const RESPONSE_CACHE_HEADER = "meridian-response-cache";

/** What an ETag holds: Express's weak ETag of a body is under 40 characters, 2 bytes each. */
const ETAG_BYTES = 80;
/** What an entry holds besides its body and key: the Map's entry and the object. */
const ENTRY_OVERHEAD_BYTES = 200;
/** Operations by text and name (their types and subgraphs), so that a repeated operation is not parsed again; and registered texts. */
const OPERATIONS_BYTES = 4 * 1024 * 1024;

export interface ResponseCacheOptions {
  maxBytes: number;
  dataVersions: DataVersions;
  /** The gateway's query plan cache, where Apollo stores each operation's plan: which subgraphs an operation asks. */
  queryPlans?: { get(key: string): Promise<QueryPlan | undefined> };
  /** Persisted operations' texts by SHA-256, for requests that send only the hash. */
  persistedOperations?: ReadonlyMap<string, string>;
  metrics?: ServiceMetrics;
}

interface OperationRequest {
  text: string;
  /** The persisted-query hash sent with it, if any. */
  hash?: string;
  /** The text came with its hash: an automatic persisted query's registration, which Apollo must see. */
  registers: boolean;
  operationName: string | null;
  /** The variables as JSON text, as the key compares them. */
  variables: string;
}

/** A stored answer: the body as sent, and its ETag (none where the application turned ETags off). */
export interface StoredAnswer {
  body: Buffer;
  etag?: string;
}

export interface ResponseCache {
  middleware: RequestHandler;
  /** Answers hits before Express, given the operation length limit Express's chain checks. */
  earlyAnswerer(checks: { maxOperationLength: number }): EarlyAnswerer;
  /** The stored answers, for /metrics and the tests. */
  entries: ByteBoundedCache<StoredAnswer>;
}

export function createResponseCache(options: ResponseCacheOptions): ResponseCache {
  const entries = new ByteBoundedCache<StoredAnswer>(options.maxBytes, ({ body }, key) => body.byteLength + ETAG_BYTES + textBytes(key) + ENTRY_OVERHEAD_BYTES);
  const operations = new ByteBoundedCache<KnownOperation>(
    OPERATIONS_BYTES,
    ({ type, subgraphs }, key) => textBytes(type) + textBytes(subgraphs?.join() ?? "") + textBytes(key),
  );
  // The subgraphs a query's plan fetches from, learnt from its plan once Apollo has made it;
  // until then (its first request) every subgraph's version is read.
  const learnSubgraphs = async ({ text, operationName }: OperationRequest): Promise<string[] | undefined> => {
    const plan = await options.queryPlans?.get(apolloPlanKey(createHash("sha256").update(text).digest("hex"), operationName));
    if (!plan) return undefined;
    const subgraphs = subgraphsOfPlan(plan);
    await operations.set(operationKey(operationName, text), { type: "query", subgraphs });
    return subgraphs;
  };
  // Texts of automatic persisted queries by hash, learnt from their registrations, so that a GET
  // sending only the hash is keyed like the text (the manifest's are known from the start).
  const registeredTexts = persistedQueryCache(OPERATIONS_BYTES);
  const textOf = async (hash: string) => options.persistedOperations?.get(hash) ?? (await registeredTexts.get(hash));
  options.metrics?.watchCache("responses", entries);
  const lookups = options.metrics
    ? new Counter({
        name: "meridian_response_cache_lookups_total",
        help: "Read operations looked up in the response cache, by outcome: hit (answered from it) or miss (computed, and stored when without errors)",
        labelNames: ["outcome"],
        registers: [options.metrics.registry],
      })
    : undefined;

  // Where the cache stands for one request: not its to answer, a stored answer, or an answer to
  // compute and store. Made once a request: the early answerer's lookup is kept for Express.
  const lookUp = async ({ request, response, fields, role }: LookupRequest): Promise<Lookup> => {
    const arrivedAt = performance.now();
    const operation = role === undefined ? undefined : await operationOf(request, fields, textOf);
    if (role === undefined || operation === undefined) return PASS;
    const { type, subgraphs } = await knownOperation(operations, operation);
    if (type !== "query") return PASS;
    const versions = await options.dataVersions(arrivedAt, subgraphs);
    if (versions === undefined) {
      // Learnt once the answer is sent: Apollo has stored the plan by then. Failing to learn
      // costs only this: every version is read again next time.
      if (subgraphs === undefined) response.once("finish", () => learnSubgraphs(operation).catch(() => undefined));
      return PASS;
    }
    const keyOf = (asked: readonly string[]) =>
      createHash("sha256")
        .update(JSON.stringify([role, operation.text, operation.operationName, operation.variables, versionsText(versions, asked)]))
        .digest("base64url");
    const key = keyOf(subgraphs ?? Object.keys(versions));
    const cacheControl = request.method === "GET" ? `${role === "anonymous" ? "public" : "private"}, no-cache` : undefined;
    // A registration goes to Apollo, which keeps the hash; its answer is stored like any other.
    if (operation.registers && operation.hash) await registeredTexts.set(operation.hash, operation.text);
    const stored = operation.registers ? undefined : await entries.get(key);
    if (stored !== undefined) {
      lookups?.inc({ outcome: "hit" });
      return { outcome: "hit", answer: stored, cacheControl };
    }
    lookups?.inc({ outcome: "miss" });
    const store = (answer: StoredAnswer) => {
      if (subgraphs !== undefined) {
        void entries.set(key, answer);
        return;
      }
      // An operation's first answer is stored under the key its repeats will look for: the
      // versions of the subgraphs its plan asks, read with the others before it was computed.
      learnSubgraphs(operation)
        .then((learnt) => entries.set(learnt ? keyOf(learnt) : key, answer))
        .catch(() => undefined);
    };
    return { outcome: "miss", cacheControl, store };
  };
  // Lookups the early answerer made and left to Express: a miss, or a hit Express must send.
  const lookupsLeft = new WeakMap<IncomingMessage, Lookup>();

  const middleware: RequestHandler = async (request, response, next) => {
    try {
      const lookup = lookupsLeft.get(request) ?? (await lookUp({ request, response, fields: fieldsOf(request), role: roleOf(callerOf(request)) }));
      if (lookup.outcome === "pass") return next();
      response.vary(VARIES_BY);
      if (lookup.outcome === "hit") {
        // With the ETag set, Express's send does not digest the body again, and still answers a matching If-None-Match with 304.
        for (const [name, value] of Object.entries(hitHeaders(lookup))) response.setHeader(name, value);
        response.send(lookup.answer.body);
        return;
      }
      response.setHeader(RESPONSE_CACHE_HEADER, "miss");
      storeWhenComplete(response, lookup.cacheControl, (body) => {
        const bytes = Buffer.from(body, "utf8");
        lookup.store({ body: bytes, etag: etagOf(request, bytes) });
      });
      next();
    } catch (error) {
      next(error);
    }
  };

  // A hit answered before Express (platform/http/early-answers.ts), where Express's chain cost a
  // quarter of the gateway's CPU a hit. Only requests that chain would let through to the cache
  // are looked up here: any other is left to Express untouched, to be refused as before.
  const earlyAnswerer = ({ maxOperationLength }: { maxOperationLength: number }): EarlyAnswerer => {
    return async ({ request, response, fields, caller }) => {
      const role = roleOf(caller);
      if (role === undefined || !passesRequestChecks(fields, maxOperationLength)) return undefined;
      const lookup = await lookUp({ request, response, fields, role });
      // Express answers a conditional GET (304 or the body), by the same rules as always.
      if (lookup.outcome !== "hit" || request.headers["if-none-match"] !== undefined) {
        lookupsLeft.set(request, lookup);
        return undefined;
      }
      return { body: lookup.answer.body, headers: hitHeaders(lookup), vary: VARIES_BY };
    };
  };
  return { middleware, earlyAnswerer, entries };
}

const PASS: Lookup = { outcome: "pass" };

/** An answer of the cache, stored or to be stored, is the caller's role's: it varies by the key sent. */
const VARIES_BY = "authorization";

/** The headers of a hit, whether sent before Express or by it. */
function hitHeaders(hit: Extract<Lookup, { outcome: "hit" }>): Record<string, string> {
  return {
    [RESPONSE_CACHE_HEADER]: "hit",
    "content-type": "application/json; charset=utf-8",
    ...(hit.cacheControl ? { "cache-control": hit.cacheControl } : {}),
    ...(hit.answer.etag ? { etag: hit.answer.etag } : {}),
  };
}

/** A request as the cache reads it: its GET query or JSON body, and the caller's role. */
interface LookupRequest {
  request: IncomingMessage;
  response: ServerResponse;
  /** The query string's fields of a GET, or the body of a POST sent as JSON; undefined for any other POST. */
  fields: unknown;
  role: string | undefined;
}

/** Where the cache stands for one request. */
type Lookup =
  | { outcome: "pass" }
  | { outcome: "hit"; answer: StoredAnswer; cacheControl?: string }
  | { outcome: "miss"; cacheControl?: string; store: (answer: StoredAnswer) => void };

/**
 * Whether Express's checks before the cache would let the request through: an operation text no
 * longer than the limit (gateway/limits/operation-length.ts), and no text sent with a persisted
 * query's hash, which platform/graphql/persisted-query-hash.ts checks and the cache never answers.
 */
function passesRequestChecks(fields: unknown, maxOperationLength: number): boolean {
  const text = operationText(fields);
  if (typeof text !== "string") return true;
  return !isTooLong(text, maxOperationLength) && (fields as Record<string, unknown>).extensions === undefined;
}

/** A GET's query string, or a POST's body when it was read as JSON, as Apollo's CSRF prevention demands. */
function fieldsOf(request: Request): unknown {
  if (request.method === "GET") return request.query;
  return request.is("application/json") ? request.body : undefined;
}

/** "anonymous", or a key's role; undefined for a key that is not one of ours (its answer is an error). */
function roleOf(caller: Caller): string | undefined {
  if (caller.kind === "anonymous") return "anonymous";
  return caller.kind === "key" ? caller.role : undefined;
}

/**
 * The operation a GET or POST asks for, or undefined when it is not one the cache can key (no
 * text, malformed variables) or one Apollo's CSRF prevention refuses: a GET without a header a
 * browser cannot send cross-site unasked, a POST that is not JSON (its fields are undefined).
 * Apollo answers those itself.
 */
async function operationOf(
  request: IncomingMessage,
  sent: unknown,
  textOf: (hash: string) => Promise<string | undefined>,
): Promise<OperationRequest | undefined> {
  const headers = request.headers;
  if (request.method === "GET" && !headers["apollo-require-preflight"] && !headers["x-apollo-operation-name"]) return undefined;
  if (!sent || typeof sent !== "object") return undefined;
  const fields = sent as Record<string, unknown>;
  const extensions = jsonField(fields.extensions) as { persistedQuery?: { sha256Hash?: unknown } } | undefined;
  const sentHash = extensions?.persistedQuery?.sha256Hash;
  const hash = typeof sentHash === "string" ? sentHash : undefined;
  const text = typeof fields.query === "string" ? fields.query : hash !== undefined ? await textOf(hash) : undefined;
  if (text === undefined) return undefined;
  const operationName = fields.operationName;
  if (operationName !== undefined && operationName !== null && typeof operationName !== "string") return undefined;
  const variables = jsonField(fields.variables);
  if (variables === INVALID) return undefined;
  return {
    text,
    hash,
    registers: hash !== undefined && typeof fields.query === "string",
    operationName: operationName ?? null,
    variables: JSON.stringify(variables ?? null),
  };
}

const INVALID = Symbol("invalid JSON");

/** What the operation caches are keyed by: the operation's name and text. */
function operationKey(operationName: string | null, text: string): string {
  return `${operationName ?? ""}\n${text}`;
}

/** A GET sends objects as JSON text, a POST as JSON values. */
function jsonField(value: unknown): unknown {
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value);
  } catch {
    return INVALID;
  }
}

/**
 * What is known of an operation: its type, "query", "mutation", "subscription", or "none" when
 * the text does not parse or names no single operation (Apollo answers the error); and for a
 * query, once learnt, the subgraphs its plan asks.
 */
interface KnownOperation {
  type: string;
  subgraphs?: string[];
}

/** The operation as known, its type found by parsing it the first time. */
async function knownOperation(cache: ByteBoundedCache<KnownOperation>, { text, operationName }: OperationRequest): Promise<KnownOperation> {
  const key = operationKey(operationName, text);
  const known = await cache.get(key);
  if (known !== undefined) return known;
  let document: DocumentNode | undefined;
  try {
    document = parse(text, { noLocation: true });
  } catch {
    document = undefined;
  }
  const operation = { type: (document && getOperationAST(document, operationName)?.operation) ?? "none" };
  await cache.set(key, operation);
  return operation;
}

/**
 * Calls `store` with the body Apollo sends, when it is a complete JSON answer without errors,
 * and gives such an answer `cacheControl` in place of Apollo's no-store.
 */
function storeWhenComplete(response: Response, cacheControl: string | undefined, store: (body: string) => void): void {
  const send = response.send.bind(response);
  response.send = (body?: unknown) => {
    const type = String(response.getHeader("content-type") ?? "");
    if (response.statusCode === 200 && typeof body === "string" && type.startsWith("application/json") && withoutErrors(body)) {
      store(body);
      if (cacheControl) response.setHeader("cache-control", cacheControl);
    }
    return send(body);
  };
}

/** The ETag Express's send would give these bytes, by the application's own setting ("etag fn"); none when it is off. */
function etagOf(request: Request, body: Buffer): string | undefined {
  const generate = request.app.get("etag fn") as ((body: Buffer, encoding?: string) => string) | undefined;
  return generate?.(body);
}

function withoutErrors(body: string): boolean {
  try {
    const answer = JSON.parse(body) as { errors?: unknown; data?: unknown };
    return answer.errors === undefined && answer.data !== undefined && answer.data !== null;
  } catch {
    return false;
  }
}

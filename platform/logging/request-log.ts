// One JSON log line per HTTP request, tied together across processes by a request ID: the
// gateway accepts the caller's `x-request-id` when it is short and plain (or makes one) and
// passes it to the subgraphs.
import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import type { Request, RequestHandler } from "express";
import type { Logger } from "pino";

export const REQUEST_ID_HEADER = "x-request-id";

// A caller's ID is logged and passed to every subgraph, so only a short one of letters, digits,
// "-" and "_" is taken (a UUID, a ULID, a W3C trace ID); anything else gets an ID of our own.
const ACCEPTABLE_REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

export function requestIdFor(request: IncomingMessage): string {
  const given = request.headers[REQUEST_ID_HEADER];
  return typeof given === "string" && ACCEPTABLE_REQUEST_ID.test(given) ? given : randomUUID();
}

/**
 * Gives every request its ID before anything else reads the header: the caller's when it is
 * acceptable, else a new one. Later handlers, the log line and the gateway's calls to the
 * subgraphs read it from the request; the caller gets it back in the response.
 */
export function assignRequestId(): RequestHandler {
  return (request, response, next) => {
    const requestId = requestIdFor(request);
    request.headers[REQUEST_ID_HEADER] = requestId;
    response.setHeader(REQUEST_ID_HEADER, requestId);
    next();
  };
}

/** When a request arrived, where it was read before Express (platform/http/early-answers.ts). */
const ARRIVED = Symbol("arrived");

/** Notes that a request arrived now, before Express: its line's duration counts from here. */
export function noteArrival(request: IncomingMessage): bigint {
  const arrived = process.hrtime.bigint();
  (request as { [ARRIVED]?: bigint })[ARRIVED] = arrived;
  return arrived;
}

/** Fields a part of the server adds to a request's line, read when the line is written. */
export type RequestLogFields = () => Record<string, unknown> | undefined;

/**
 * Adds fields to the request's log line: who called (caller.ts), the IDs a mutation changed.
 * They are read when the line is written, after the answer, so they may say what happened.
 */
export function addToRequestLog(request: Request, fields: RequestLogFields): void {
  const locals = request.res?.locals;
  if (!locals) return;
  locals.requestLogFields = [...((locals.requestLogFields ?? []) as RequestLogFields[]), fields];
}

/**
 * Logs method, path, the operation's name and type, who called, status, duration and what a
 * mutation changed when the response is sent, under the ID assignRequestId gave the request.
 * Never headers (they carry API keys and the subgraph secret), never variables.
 * Probes (/health, /ready) log at debug level so that they do not drown the rest.
 */
/**
 * Paths asked by machines on a schedule, logged at debug level: health checks and scrapes. The
 * gateway's data-version reads, made for every request its response cache may answer, are
 * answered before Express (services/kit/server/data-version-route.ts) and never logged: at info
 * level they were most of each subgraph's log under load, one line per subgraph per read.
 */
const PROBE_PATHS: ReadonlySet<string> = new Set(["/health", "/ready", "/metrics"]);

export function logRequests(logger: Logger): RequestHandler {
  return (request, response, next) => {
    const requestId = request.get(REQUEST_ID_HEADER);
    // Read now: mounted handlers rewrite the request's path while they run.
    const path = request.path;
    // A request read before Express (and left to it) is timed from its arrival, not from here.
    const started = (request as { [ARRIVED]?: bigint })[ARRIVED] ?? process.hrtime.bigint();
    response.once("finish", () => {
      const operation = response.locals.operation as ResolvedOperation | undefined;
      const added = ((response.locals.requestLogFields ?? []) as RequestLogFields[]).map((fields) => fields());
      writeRequestLine(logger, {
        requestId,
        method: request.method,
        path,
        fields: {
          // The name Apollo resolved; the body's when the operation never got that far (it did not parse or validate).
          operationName: operation?.name ?? operationNameOf(request),
          ...(operation ? { operationType: operation.type } : {}),
          ...Object.assign({}, ...added),
        },
        status: response.statusCode,
        // A GraphQL answer is HTTP 200 even with errors (partial data): their codes, never messages.
        errorCodes: response.locals.graphqlErrorCodes as string[] | undefined,
        started,
      });
    });
    next();
  };
}

/** What one request's line says: `fields` between the path and the status. */
export interface RequestLine {
  requestId: string | undefined;
  method: string;
  path: string;
  fields: Record<string, unknown>;
  status: number;
  errorCodes?: string[];
  /** process.hrtime.bigint() when the request arrived. */
  started: bigint;
}

/** Writes a request's line, at debug level for probes, else at info. */
export function writeRequestLine(logger: Logger, line: RequestLine): void {
  const durationMs = Number(process.hrtime.bigint() - line.started) / 1e6;
  logger[PROBE_PATHS.has(line.path) ? "debug" : "info"](
    {
      requestId: line.requestId,
      method: line.method,
      path: line.path,
      ...line.fields,
      status: line.status,
      ...(line.errorCodes ? { errorCodes: line.errorCodes } : {}),
      durationMs: Math.round(durationMs * 10) / 10,
    },
    "request",
  );
}

interface ResolvedOperation {
  name: string | undefined;
  type: string;
}

// The Express request each Apollo context was made for, so that the plugin below can reach
// the response whose log line it adds to. A symbol-keyed property rather than a WeakMap:
// Apollo executes on a shallow copy of the context, which keeps the property.
const EXPRESS_REQUEST = Symbol("express request");

export function rememberRequest<TContext extends BaseContext>(context: TContext, request: Request): TContext {
  return Object.assign(context, { [EXPRESS_REQUEST]: request });
}

/**
 * Notes for the request's log line what only Apollo knows: the operation it resolved (its
 * name and whether it is a query or a mutation) and the codes of the GraphQL errors in the answer.
 */
export function requestLogPlugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  const expressResponseOf = (context: TContext) => (context as { [EXPRESS_REQUEST]?: Request })[EXPRESS_REQUEST]?.res;
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operation, operationName }) {
          const expressResponse = expressResponseOf(contextValue);
          if (operation && expressResponse) {
            expressResponse.locals.operation = { name: operationName ?? undefined, type: operation.operation } satisfies ResolvedOperation;
          }
        },
        async willSendResponse({ contextValue, response }) {
          const errors = response.body.kind === "single" ? response.body.singleResult.errors : undefined;
          const expressResponse = expressResponseOf(contextValue);
          if (errors?.length && expressResponse) {
            expressResponse.locals.graphqlErrorCodes = errors.map((error) => String(error.extensions?.code ?? "INTERNAL_SERVER_ERROR"));
          }
        },
      };
    },
  };
}

const NAMED_OPERATION = /^\s*(?:#[^\n]*\n\s*)*(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/;

/** The operation's name from the body (POST) or the query string (GET), else from its text. */
export function operationNameOf(request: Request): string | undefined {
  return operationNameIn(request.method === "GET" ? request.query : request.body);
}

/** The operation's name among a request's fields (its body or query string), else from its text. */
export function operationNameIn(fields: unknown): string | undefined {
  if (!fields || typeof fields !== "object") return undefined;
  const source = fields as Record<string, unknown>;
  const name = source.operationName ?? (typeof source.query === "string" ? NAMED_OPERATION.exec(source.query)?.[1] : undefined);
  return typeof name === "string" ? name.slice(0, 100) : undefined;
}

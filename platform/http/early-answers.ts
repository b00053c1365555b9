// Answers some GraphQL requests before Express: the gateway's response cache hits, where Express's
// chain (its router, CORS, the caller's key, the body, the checks) cost a quarter of the
// gateway's CPU a hit (a page of 50 incidents, 2026-12-07 profile). The request is read here as
// that chain reads it, with the same parts (body-parser, cors, the caller's key); whatever the
// answerer does not answer goes on to Express, which runs its whole chain as before. A body read
// here is left on the request for Express, so body-parser there skips it, and an unreadable one
// is refused there with its usual error (request-body.ts).
import type http from "node:http";
import { parse as parseQueryString } from "node:querystring";
import type { RequestHandler } from "express";
import type { Logger } from "pino";
import vary from "vary";
import type { ApiKeyEntry } from "../config/api-keys.js";
import { REQUEST_ID_HEADER, noteArrival, operationNameIn, requestIdFor, writeRequestLine } from "../logging/request-log.js";
import { type Caller, callerLogFields, identifyCaller } from "./caller.js";
import { jsonBodyParser, keepBodyError } from "./request-body.js";

/** A GET's or POST's GraphQL request, read as Express's chain reads it. */
export interface EarlyRequest {
  request: http.IncomingMessage;
  response: http.ServerResponse;
  /** The query string's fields of a GET, or the body of a POST sent as JSON; undefined for any other POST. */
  fields: unknown;
  caller: Caller;
}

/** An answer sent before Express: 200 with this body and these headers. */
export interface EarlyAnswer {
  body: Buffer;
  headers: Record<string, string>;
  /** Request headers the answer varies by, beside the Origin CORS adds. */
  vary?: string;
}

/** Answers a request, or says undefined to leave it to Express. */
export type EarlyAnswerer = (request: EarlyRequest) => Promise<EarlyAnswer | undefined>;

export interface EarlyAnswersOptions {
  answerer: EarlyAnswerer;
  /** The CORS handlers Express runs first; run here only for a request answered here. */
  cors: readonly RequestHandler[];
  apiKeys: readonly ApiKeyEntry[];
  maxRequestBodyBytes: number;
  logger?: Logger;
}

type EarlyRead = http.IncomingMessage & { body?: unknown };

/**
 * Sends a request on to Express (`express`) unless the answerer answers it. Called only for GET
 * and POST on a GraphQL path.
 */
export function earlyAnswers(options: EarlyAnswersOptions): (request: http.IncomingMessage, response: http.ServerResponse, express: () => void) => void {
  const readBody = jsonBodyParser(options.maxRequestBodyBytes);
  return (request, response, toExpress) => {
    const started = noteArrival(request);
    // The ID Express's chain would give it (request-log.ts); Express reads it back from the header.
    const requestId = requestIdFor(request);
    request.headers[REQUEST_ID_HEADER] = requestId;
    const answer = async (): Promise<boolean> => {
      const fields = request.method === "GET" ? queryFields(request.url ?? "") : await readJsonBody(readBody, request as EarlyRead, response);
      if (fields === BODY_REFUSED) return false;
      const caller = identifyCaller(request.headers.authorization, options.apiKeys);
      const answered = await options.answerer({ request, response, fields, caller });
      if (!answered) return false;
      await runHandlers(options.cors, request, response);
      response.setHeader(REQUEST_ID_HEADER, requestId);
      for (const [name, value] of Object.entries(answered.headers)) response.setHeader(name, value);
      if (answered.vary) vary(response, answered.vary);
      response.setHeader("content-length", answered.body.byteLength);
      const logger = options.logger;
      if (logger) {
        response.once("finish", () =>
          writeRequestLine(logger, {
            requestId,
            method: request.method ?? "",
            path: pathOf(request.url ?? ""),
            fields: { operationName: operationNameIn(fields), ...callerLogFields(caller) },
            status: response.statusCode,
            started,
          }),
        );
      }
      response.end(answered.body);
      return true;
    };
    answer().then(
      (answered) => {
        if (!answered) toExpress();
      },
      // Express answers it, and its error handling says what went wrong.
      () => toExpress(),
    );
  };
}

const BODY_REFUSED = Symbol("body refused");

/** The JSON body of a POST as body-parser reads it (undefined when not JSON); on an error, kept for Express. */
function readJsonBody(readBody: RequestHandler, request: EarlyRead, response: http.ServerResponse): Promise<unknown> {
  return new Promise((resolve) => {
    const next = (error?: unknown) => {
      if (error) {
        keepBodyError(request, error);
        resolve(BODY_REFUSED);
      } else resolve(request.body);
    };
    // body-parser reads only the request's headers and stream, and sets `body` on it.
    readBody(request as never, response as never, next);
  });
}

/** A GET's query string's fields, parsed as Express's default ("simple") query parser parses them. */
function queryFields(url: string): Record<string, unknown> {
  const start = url.indexOf("?");
  return start === -1 ? {} : { ...parseQueryString(url.slice(start + 1)) };
}

/** Runs connect-style handlers that call next synchronously or later, stopping at an error. */
async function runHandlers(handlers: readonly RequestHandler[], request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
  for (const handler of handlers) {
    await new Promise<void>((resolve, reject) => handler(request as never, response as never, (error?: unknown) => (error ? reject(error) : resolve())));
  }
}

/** A request URL's path, without its query string. */
export function pathOf(url: string): string {
  const end = url.indexOf("?");
  return end === -1 ? url : url.slice(0, end);
}

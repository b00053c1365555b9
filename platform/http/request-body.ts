import type { IncomingMessage } from "node:http";
import express from "express";

/** Large enough for any operation with its variables, small enough that reading it is cheap. */
export const DEFAULT_MAX_REQUEST_BODY_BYTES = 1024 * 1024;

/** The error body-parser met reading a body before Express (early-answers.ts), for Express's chain to answer. */
const EARLY_BODY_ERROR = Symbol("early body error");

/** Keeps the error met reading a request's body before Express, for readJsonBody's chain to answer. */
export function keepBodyError(request: IncomingMessage, error: unknown): void {
  (request as { [EARLY_BODY_ERROR]?: unknown })[EARLY_BODY_ERROR] = error;
}

/** Reads a JSON body of at most `maxBytes` into `request.body`; usable on Node's own request and response too. */
export function jsonBodyParser(maxBytes: number): express.RequestHandler {
  return express.json({ limit: maxBytes });
}

interface BodyParserError extends Error {
  status?: number;
  type?: string;
}

/**
 * Reads a JSON request body of at most `maxBytes` (a larger one is refused with 413 before it
 * is read, when its Content-Length says so, or as soon as it passes the limit), and answers a
 * body that cannot be read as JSON with a GraphQL-shaped error instead of Express's HTML page,
 * which outside NODE_ENV=production carries a stack trace.
 */
export function readJsonBody(maxBytes: number): [express.RequestHandler, express.RequestHandler, express.ErrorRequestHandler] {
  // A body read before Express was left on the request, and body-parser skips a body read:
  // only the error it met then is passed on, to be answered below.
  const takeEarlyBodyError: express.RequestHandler = (request, _response, next) => {
    next((request as { [EARLY_BODY_ERROR]?: unknown })[EARLY_BODY_ERROR]);
  };
  const refuseUnreadableBody: express.ErrorRequestHandler = (error: BodyParserError, _request, response, next) => {
    const status = error.status;
    if (status === undefined || status < 400 || status >= 500) return next(error);
    const tooLarge = error.type === "entity.too.large";
    response.status(status).json({
      errors: [
        {
          message: tooLarge ? `The request body is larger than ${maxBytes} bytes, the limit.` : "The request body is not valid JSON.",
          extensions: { code: tooLarge ? "PAYLOAD_TOO_LARGE" : "BAD_REQUEST" },
        },
      ],
    });
  };
  return [takeEarlyBodyError, jsonBodyParser(maxBytes), refuseUnreadableBody];
}

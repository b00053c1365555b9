import express from "express";

/** Large enough for any operation with its variables, small enough that reading it is cheap. */
export const DEFAULT_MAX_REQUEST_BODY_BYTES = 1024 * 1024;

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
export function readJsonBody(maxBytes: number): [express.RequestHandler, express.ErrorRequestHandler] {
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
  return [express.json({ limit: maxBytes }), refuseUnreadableBody];
}

// The operation length limit, checked before Apollo hashes, parses or caches anything: the
// token limit does not see comments or the inside of a string, so without it one request could
// carry up to a whole body (1 MB) of operation text.
import type { RequestHandler } from "express";

/** The operation's text among a request's fields (a POST's JSON body, or a GET's query string). */
export function operationText(fields: unknown): unknown {
  return fields && typeof fields === "object" && !Array.isArray(fields) ? (fields as Record<string, unknown>).query : undefined;
}

/** Whether an operation's text is longer than `maxLength` characters: what refuseLongOperations refuses. */
export function isTooLong(text: unknown, maxLength: number): text is string {
  return typeof text === "string" && text.length > maxLength;
}

/** Refuses an operation longer than `maxLength` characters with HTTP 400 and OPERATION_TOO_LONG. */
export function refuseLongOperations(maxLength: number): RequestHandler {
  return (request, response, next) => {
    const text = operationText(request.method === "GET" ? request.query : request.body);
    if (!isTooLong(text, maxLength)) return next();
    response.status(400).json({
      errors: [
        {
          message: `The operation is ${text.length} characters long; at most ${maxLength} are allowed. Send it without padding, or as a persisted operation.`,
          extensions: { code: "OPERATION_TOO_LONG", limit: maxLength, actual: text.length },
        },
      ],
    });
  };
}

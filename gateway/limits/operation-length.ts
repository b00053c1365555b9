// The operation length limit, checked before Apollo hashes, parses or caches anything: the
// token limit does not see comments or the inside of a string, so without it one request could
// carry up to a whole body (1 MB) of operation text.
import type { RequestHandler } from "express";

/** The operation's text as sent: in a POST's JSON body, or a GET's query string. */
function operationText(request: Parameters<RequestHandler>[0]): unknown {
  const source = request.method === "GET" ? request.query : request.body;
  return source && typeof source === "object" && !Array.isArray(source) ? (source as Record<string, unknown>).query : undefined;
}

/** Refuses an operation longer than `maxLength` characters with HTTP 400 and OPERATION_TOO_LONG. */
export function refuseLongOperations(maxLength: number): RequestHandler {
  return (request, response, next) => {
    const text = operationText(request);
    if (typeof text !== "string" || text.length <= maxLength) return next();
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

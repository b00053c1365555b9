import pino, { type DestinationStream, type Logger } from "pino";

// Defence in depth: request lines log chosen fields only, but should a request, its headers
// or a GraphQL body ever be logged whole, its API key, subgraph secret and variables are not.
const REDACTED_PATHS = [
  "authorization",
  "*.authorization",
  "headers.authorization",
  "*.headers.authorization",
  'headers["meridian-subgraph-secret"]',
  '*.headers["meridian-subgraph-secret"]',
  "variables",
  "*.variables",
];

/** Structured JSON logs, one logger per process, named for the part that writes; on stdout unless a test gives a destination. */
export function createLogger(name: string, level: string, destination?: DestinationStream): Logger {
  const options = { name, level, redact: { paths: REDACTED_PATHS, censor: "[redacted]" } };
  return destination ? pino(options, destination) : pino(options);
}

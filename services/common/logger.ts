import pino, { type Logger } from "pino";

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

/** Structured JSON logs, one logger per process, named for the part that writes. */
export function createLogger(name: string, level: string): Logger {
  return pino({ name, level, redact: { paths: REDACTED_PATHS, censor: "[redacted]" } });
}

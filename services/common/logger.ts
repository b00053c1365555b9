import pino, { type Logger } from "pino";

/** Structured JSON logs, one logger per process, named for the part that writes. */
export function createLogger(name: string, level: string): Logger {
  return pino({ name, level });
}

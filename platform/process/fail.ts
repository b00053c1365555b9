import { DatabaseUnreachableError } from "../../db/client.js";
import { ConfigError } from "../config/config.js";

/**
 * Ends a process that could not start: expected failures (bad configuration, no database)
 * get one clear line and exit 1; anything else is a bug and keeps its stack trace.
 */
export function exitOnStartupFailure(processName: string, error: unknown): never {
  if (error instanceof ConfigError || error instanceof DatabaseUnreachableError || error instanceof StartupError) {
    console.error(`${processName}: ${error.message}`);
  } else {
    console.error(`${processName}: failed to start`, error);
  }
  process.exit(1);
}

/** A startup problem the operator can fix, reported as one line. */
export class StartupError extends Error {
  override name = "StartupError";
}

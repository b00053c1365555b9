import type { Logger } from "pino";

export interface ShutdownOptions {
  logger?: Logger;
  /** The bound on draining in-flight requests (SHUTDOWN_TIMEOUT_MS); the servers enforce it. */
  timeoutMs?: number;
}

// Beyond the drain, closing the pools gets this long before the process gives up on them.
const CLOSE_GRACE_MS = 10_000;

/**
 * On SIGINT or SIGTERM, runs `stop` once (stop accepting, let in-flight requests finish
 * within the bound, then close the databases) and exits 0, so that PGlite's files are left
 * consistent and no caller sees a cut connection. Should `stop` itself hang, the process
 * exits 1 after the bound and a grace period rather than never.
 */
export function stopOnSignals(stop: () => Promise<void>, options: ShutdownOptions = {}): void {
  let stopping = false;
  const handle = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    options.logger?.info({ signal }, "shutting down: finishing in-flight requests");
    setTimeout(
      () => {
        options.logger?.error("shutdown did not finish in time; exiting");
        process.exit(1);
      },
      (options.timeoutMs ?? 10_000) + CLOSE_GRACE_MS,
    ).unref();
    try {
      await stop();
    } catch (error) {
      options.logger?.error({ err: error }, "shutdown failed");
      process.exit(1);
    }
    options.logger?.info("stopped");
    process.exit(0);
  };
  process.once("SIGINT", handle);
  process.once("SIGTERM", handle);
}

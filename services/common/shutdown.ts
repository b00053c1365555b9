/**
 * On SIGINT or SIGTERM, runs `stop` (close servers, then databases) once and exits 0, so
 * that in-flight requests finish and PGlite's files are left consistent.
 */
export function stopOnSignals(stop: () => Promise<void>): void {
  let stopping = false;
  const handle = async () => {
    if (stopping) return;
    stopping = true;
    await stop();
    process.exit(0);
  };
  process.once("SIGINT", handle);
  process.once("SIGTERM", handle);
}

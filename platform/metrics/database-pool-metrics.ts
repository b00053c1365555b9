// Database pool use on a subgraph's /metrics, read from the database handle when Prometheus
// scrapes: how many connections the pool may open, has open, and has busy with a query.
import { Gauge, type Registry } from "prom-client";
import type { PoolUsage } from "../../db/client.js";

// A scrape during a database outage answers with the other metrics instead of waiting for it.
const POOL_READ_TIMEOUT_MS = 2_000;

export function registerDatabasePoolMetrics(registry: Registry, readPoolUsage: () => Promise<PoolUsage>): void {
  new Gauge({
    name: "meridian_database_connections",
    help: "Database connections of this process's pool: max (its bound), open, in_use (running a query)",
    labelNames: ["state"],
    registers: [registry],
    async collect() {
      this.reset();
      const usage = await Promise.race([
        readPoolUsage().catch(() => undefined),
        new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), POOL_READ_TIMEOUT_MS).unref()),
      ]);
      if (!usage) return;
      this.set({ state: "max" }, usage.max);
      this.set({ state: "open" }, usage.open);
      if (usage.inUse !== undefined) this.set({ state: "in_use" }, usage.inUse);
    },
  });
}

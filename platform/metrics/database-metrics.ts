// A subgraph's database on its /metrics, read from the database handle when Prometheus scrapes:
// how many connections the pool may open, has open, and has busy with a query; and how many SQL
// statements the process has sent (the benchmark counts a request's statements by it).
import { Counter, Gauge, type Registry } from "prom-client";
import type { DatabaseHandle } from "../../db/client.js";

// A scrape during a database outage answers with the other metrics instead of waiting for it.
const POOL_READ_TIMEOUT_MS = 2_000;

export function registerDatabaseMetrics(registry: Registry, database: Pick<DatabaseHandle, "poolUsage" | "statementsSent">): void {
  new Counter({
    name: "meridian_database_statements_total",
    help: "SQL statements this process has sent to its database",
    registers: [registry],
    collect() {
      this.reset();
      this.inc(database.statementsSent());
    },
  });
  new Gauge({
    name: "meridian_database_connections",
    help: "Database connections of this process's pool: max (its bound), open, in_use (running a query)",
    labelNames: ["state"],
    registers: [registry],
    async collect() {
      this.reset();
      const usage = await Promise.race([
        database.poolUsage().catch(() => undefined),
        new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), POOL_READ_TIMEOUT_MS).unref()),
      ]);
      if (!usage) return;
      this.set({ state: "max" }, usage.max);
      this.set({ state: "open" }, usage.open);
      if (usage.inUse !== undefined) this.set({ state: "in_use" }, usage.inUse);
    },
  });
}

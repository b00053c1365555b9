// `/ready`: whether a service can do its work now (its database answers and carries every
// migration; for the gateway, every subgraph is ready), as opposed to `/health`, which
// only says the process is alive. Orchestrators route traffic by the first.
import type { RequestHandler } from "express";
import type { Database } from "../../db/client.js";
import type { SubgraphMigrations } from "../../db/migrate.js";
import { pendingMigrations } from "../../db/migration-status.js";
import { sql } from "drizzle-orm";

/** Resolves when the part is ready, throws an Error saying why not otherwise. */
export type ReadinessCheck = () => Promise<void>;

export interface Readiness {
  ready: boolean;
  checks: Record<string, "ok" | string>;
}

// A probe must answer even when what it checks hangs (a paused database, a stuck subgraph).
const CHECK_TIMEOUT_MS = 2_000;

export async function checkReadiness(checks: Record<string, ReadinessCheck>, timeoutMs = CHECK_TIMEOUT_MS): Promise<Readiness> {
  const entries = await Promise.all(
    Object.entries(checks).map(async ([name, check]) => {
      try {
        await withTimeout(check(), timeoutMs);
        return [name, "ok"] as const;
      } catch (error) {
        return [name, reasonOf(error)] as const;
      }
    }),
  );
  return { ready: entries.every(([, result]) => result === "ok"), checks: Object.fromEntries(entries) };
}

export function readinessRoute(checks: Record<string, ReadinessCheck>): RequestHandler {
  return async (_request, response) => {
    const readiness = await checkReadiness(checks);
    response.status(readiness.ready ? 200 : 503).json({ status: readiness.ready ? "ready" : "not ready", checks: readiness.checks });
  };
}

/** A subgraph is ready when its database answers and has every committed migration. */
export function subgraphReadinessChecks(db: Database, subgraph: SubgraphMigrations): Record<string, ReadinessCheck> {
  return {
    database: async () => {
      await db.execute(sql`select 1`);
    },
    migrations: async () => {
      const pending = await pendingMigrations(db, subgraph);
      if (pending.length > 0) throw new Error(`not applied: ${pending.join(", ")}`);
    },
  };
}

/** The gateway is ready when every subgraph's `/ready` says so. */
export function gatewayReadinessChecks(subgraphUrls: Record<string, string>): Record<string, ReadinessCheck> {
  return Object.fromEntries(
    Object.entries(subgraphUrls).map(([name, url]) => [
      name,
      async () => {
        const response = await fetch(new URL("/ready", url), { signal: AbortSignal.timeout(CHECK_TIMEOUT_MS) }).catch(() => {
          throw new Error(`${name} is unreachable`);
        });
        if (!response.ok) throw new Error(`${name} is not ready (HTTP ${response.status})`);
      },
    ]),
  );
}

// Drizzle wraps a driver's error in "Failed query: <sql>"; the driver's own says what is wrong.
function reasonOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.cause instanceof Error ? error.cause.message : error.message;
}

function withTimeout<T>(promise: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    }),
  ]).finally(() => clearTimeout(timer));
}

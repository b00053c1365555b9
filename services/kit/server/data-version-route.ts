// GET /data-version: where this subgraph's database stands, for the gateway's response cache
// (gateway/response-cache.ts). The version is Postgres's current snapshot
// (`pg_current_snapshot()`: the oldest transaction still running, the next to be given an ID,
// and those in progress), which differs from every earlier one once any transaction that wrote
// has committed: a mutation, an import, the seed, a migration or SQL by hand alike, with no
// writer having to announce itself. Transactions that only read are given no ID and leave it as
// it is. It moves for writes to other databases of the same server too: a cached answer is then
// computed again, never served stale.
import { sql } from "drizzle-orm";
import { type RequestHandler, Router } from "express";
import type { Database } from "../../../db/client.js";
import { resultRows } from "../../../db/result-rows.js";
import { DATA_VERSION_PATH } from "../../../platform/http/data-version-path.js";

/** Reads the version in a statement of its own: a snapshot taken now, after every commit that returned before it. */
export async function readDataVersion(db: Database): Promise<string> {
  const [row] = resultRows<{ version: string }>(await db.execute(sql`select pg_current_snapshot()::text as "version"`));
  return row!.version;
}

/** The route, behind `guard` (the subgraph secret) when there is one. */
export function dataVersionRoute(db: Database, guard?: RequestHandler): Router {
  const router = Router();
  router.get(DATA_VERSION_PATH, ...(guard ? [guard] : []), async (_request, response, next) => {
    try {
      response.setHeader("cache-control", "no-store");
      response.json({ version: await readDataVersion(db) });
    } catch (error) {
      next(error);
    }
  });
  return router;
}

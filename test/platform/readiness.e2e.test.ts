// `/ready` says whether a service can serve now: for a subgraph, its database answers and has
// every migration; for the gateway, every subgraph is ready. 503 otherwise, saying why.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGatewayServer } from "../../gateway/server.js";
import { readSupergraph } from "../../gateway/supergraph.js";
import { subgraphNamed } from "../../services/registry.js";
import type { RunningServer } from "../../platform/http/http-server.js";
import { createSubgraphServer } from "../../services/kit/server/subgraph-server.js";
import { BACKENDS, POSTGRES_SKIPPED_NOTE, type TestDatabase } from "../../scripts/harness/backends.js";
import { type RunningGraph, startGraph } from "../support/graph.js";

// postgres.js answers with an array of rows, PGlite with `{ rows }`.
async function rowsOf<TRow>(result: Promise<unknown>): Promise<TRow[]> {
  const answer = (await result) as TRow[] | { rows: TRow[] };
  return Array.isArray(answer) ? answer : answer.rows;
}

async function readiness(url: string) {
  const response = await fetch(new URL("/ready", url));
  return { status: response.status, body: (await response.json()) as { status: string; checks: Record<string, string> } };
}

describe.each(BACKENDS)("/ready on $name", (backend) => {
  let database: TestDatabase;
  let graph: RunningGraph;
  beforeAll(async () => {
    database = await backend.create();
    graph = await startGraph(database.handle);
  });
  afterAll(async () => {
    await graph?.stop();
    await database?.dispose();
  });

  it("is ready everywhere when the databases are migrated and the subgraphs up", async () => {
    for (const url of [graph.gatewayUrl, ...Object.values(graph.subgraphUrls)]) {
      const { status, body } = await readiness(url);
      expect(status, url).toBe(200);
      expect(body.status).toBe("ready");
    }
    expect((await readiness(graph.gatewayUrl)).body.checks).toEqual({ actors: "ok", statements: "ok", incidents: "ok" });
  });

  it("is not ready, naming the migration, while a migration is missing", async () => {
    const rows = sql`drizzle.incidents_migrations`;
    const [row] = await rowsOf<{ id: number; hash: string; created_at: string }>(
      database.handle.db.execute(sql`select id, hash, created_at from ${rows} order by created_at desc limit 1`),
    );
    if (!row) throw new Error("the incidents migrations table is empty");
    await database.handle.db.execute(sql`delete from ${rows} where id = ${row.id}`);
    try {
      const subgraph = await readiness(graph.subgraphUrls.incidents);
      expect(subgraph.status).toBe(503);
      expect(subgraph.body.checks.migrations).toMatch(/^not applied: \d{4}_\w+$/);
      const gateway = await readiness(graph.gatewayUrl);
      expect(gateway.status).toBe(503);
      expect(gateway.body.checks.incidents).toBe("incidents is not ready (HTTP 503)");
    } finally {
      await database.handle.db.execute(sql`insert into ${rows} (id, hash, created_at) values (${row.id}, ${row.hash}, ${row.created_at})`);
    }
    expect((await readiness(graph.gatewayUrl)).status).toBe(200);
  });
});

describe("/ready without the database", () => {
  it("is 503 for a subgraph whose database is gone, and for the gateway when a subgraph is down", async () => {
    const database = await BACKENDS[0]!.create();
    const graph = await startGraph(database.handle);
    let orphan: RunningServer | undefined;
    try {
      orphan = await (await createSubgraphServer(subgraphNamed("actors"), database.handle.db, { isProduction: false })).listen(0, "127.0.0.1");
      await database.handle.close();
      const subgraph = await readiness(orphan.url);
      expect(subgraph.status).toBe(503);
      expect(subgraph.body.checks.database).not.toBe("ok");
    } finally {
      await orphan?.stop();
      await graph.stop();
    }
    // With its subgraphs stopped, a gateway has nothing to be ready with.
    const lonely = await createGatewayServer({ supergraphSdl: readSupergraph(), subgraphUrls: graph.subgraphUrls, isProduction: false }).listen(0, "127.0.0.1");
    try {
      const gateway = await readiness(lonely.url);
      expect(gateway.status).toBe(503);
      expect(gateway.body.checks.actors).toBe("actors is unreachable");
    } finally {
      await lonely.stop();
    }
  });
});

if (POSTGRES_SKIPPED_NOTE) describe.skip(POSTGRES_SKIPPED_NOTE, () => it("runs /ready on Postgres", () => {}));

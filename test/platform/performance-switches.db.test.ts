// The performance switches whose worth bench/LEVERS.md measures: prepared statements
// (DATABASE_PREPARED_STATEMENTS), kept-alive connections from the gateway to the subgraphs
// (SUBGRAPH_KEEP_ALIVE), inline tracing in the subgraphs (SUBGRAPH_INLINE_TRACING) and their
// compiled execution (SUBGRAPH_COMPILED_EXECUTION, whose answers compiled-execution.e2e compares), and
// the gateway's single-fetch pass-through (GATEWAY_SINGLE_FETCH_PASSTHROUGH, single-fetch.e2e). Each
// has the default bench/LEVERS.md argues for, and does what it says when set.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { sql } from "drizzle-orm";
import type postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, type DatabaseHandle, openPostgres } from "../../db/client.js";
import { inOneTransactionPerHandle } from "../../db/bulk/in-one-transaction.js";
import { actors } from "../../services/actors/data/tables.js";
import { anyOfIds } from "../../db/any-of-ids.js";
import { createSubgraphFetcher } from "../../gateway/subgraph-fetcher.js";
import { loadConfig } from "../../services/config.js";
import type { RunningServer } from "../../platform/http/http-server.js";
import { createSubgraphServer } from "../../services/kit/server/subgraph-server.js";
import { subgraphNamed, forEverySubgraph } from "../../services/registry.js";
import { BACKENDS, POSTGRES_SKIPPED_NOTE, type TestDatabase } from "../../scripts/harness/backends.js";

describe("performance switches in the configuration", () => {
  it("prepares statements, keeps connections alive, compiles operations and leaves tracing off when nothing is set", () => {
    expect(loadConfig({})).toMatchObject({
      databasePreparedStatements: true,
      subgraphKeepAlive: true,
      subgraphInlineTracing: false,
      subgraphCompiledExecution: true,
      gatewaySingleFetchPassthrough: true,
    });
  });

  it("reads each as a flag and refuses anything else, naming the variable", () => {
    expect(
      loadConfig({
        DATABASE_PREPARED_STATEMENTS: "false",
        SUBGRAPH_KEEP_ALIVE: "0",
        SUBGRAPH_INLINE_TRACING: "1",
        SUBGRAPH_COMPILED_EXECUTION: "false",
        GATEWAY_SINGLE_FETCH_PASSTHROUGH: "false",
      }),
    ).toMatchObject({
      databasePreparedStatements: false,
      subgraphKeepAlive: false,
      subgraphInlineTracing: true,
      subgraphCompiledExecution: false,
      gatewaySingleFetchPassthrough: false,
    });
    expect(() => loadConfig({ SUBGRAPH_KEEP_ALIVE: "yes" })).toThrow(/SUBGRAPH_KEEP_ALIVE/);
  });
});

describe("connections from the gateway to a subgraph", () => {
  let server: http.Server;
  let url: string;
  let connections = 0;
  beforeAll(async () => {
    server = http.createServer((_request, response) => response.end(JSON.stringify({ data: {} })));
    server.on("connection", () => (connections += 1));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const send = async (keepAlive: boolean, requests: number) => {
    connections = 0;
    const fetcher = createSubgraphFetcher("probe", { timeoutMs: 5_000, keepAlive });
    for (let sent = 0; sent < requests; sent += 1) await (await fetcher(url, { method: "POST", body: "{}" })).text();
    return connections;
  };

  it("are kept alive and reused by default", async () => {
    expect(await send(true, 5)).toBeLessThan(5);
  });

  it("are new for every request with keep-alive off", async () => {
    expect(await send(false, 5)).toBe(5);
  });
});

describe("inline tracing in a subgraph", () => {
  const [pglite] = BACKENDS;
  let database: TestDatabase;
  const servers: RunningServer[] = [];
  beforeAll(async () => {
    database = await pglite!.create();
  });
  afterAll(async () => {
    for (const server of servers) await server.stop();
    await database?.dispose();
  });

  const traceOf = async (inlineTracing: boolean | undefined) => {
    const server = await (await createSubgraphServer(subgraphNamed("actors"), database.handle.db, { isProduction: false, inlineTracing })).listen(
      0,
      "127.0.0.1",
    );
    servers.push(server);
    const response = await fetch(server.url, {
      method: "POST",
      headers: { "content-type": "application/json", "apollo-federation-include-trace": "ftv1" },
      body: JSON.stringify({ query: "{ actors(first: 1) { totalCount } }" }),
    });
    const answer = (await response.json()) as { errors?: unknown[]; extensions?: { ftv1?: string } };
    expect(answer.errors).toBeUndefined();
    return answer.extensions?.ftv1;
  };

  it("is off by default: a gateway asking for a trace gets none", async () => {
    expect(await traceOf(undefined)).toBeUndefined();
  });

  it("answers a gateway asking for a trace with one when switched on", async () => {
    expect(await traceOf(true)).toEqual(expect.any(String));
  });
});

/** The postgres.js client under a handle's Drizzle database, to ask Postgres what it holds. */
function postgresClientOf(handle: DatabaseHandle): postgres.Sql {
  return (handle.db as unknown as { $client: postgres.Sql }).$client;
}

describe.each(BACKENDS.filter((backend) => backend.name === "postgres"))("prepared statements on $name", (backend) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await backend.create();
  });
  afterAll(() => database?.dispose());

  /** The statements of ours that Postgres holds prepared on the one connection, after a query and a transaction. */
  const preparedAfterQueries = async (preparedStatements: boolean | undefined) => {
    const handle = await openPostgres(database.url!, { maxConnections: 1, preparedStatements });
    try {
      await handle.db.execute(sql`select count(*) from actors.actors where id = ${"acled:actor-1"}`);
      await handle.db.transaction((transaction) => transaction.execute(sql`select count(*) from actors.actors where id <> ${"acled:actor-2"}`));
      const client = postgresClientOf(handle);
      const rows = await client<{ statement: string }[]>`select statement from pg_prepared_statements where statement like ${"%from actors.actors%"}`;
      return rows.map((row) => row.statement).sort();
    } finally {
      await handle.close();
    }
  };

  it("sends every statement unprepared when switched off, as a transaction-mode pooler (PgBouncer) needs", async () => {
    expect(await preparedAfterQueries(false)).toEqual([]);
  });

  it("prepares the statements Drizzle sends, in transactions too, by default", async () => {
    expect(await preparedAfterQueries(undefined)).toEqual([
      "select count(*) from actors.actors where id <> $1",
      "select count(*) from actors.actors where id = $1",
    ]);
  });
  it("plans a prepared statement for its values each time, never with a generic plan", async () => {
    const handle = await openPostgres(database.url!, { maxConnections: 1 });
    try {
      const [setting] = await postgresClientOf(handle)<{ plan_cache_mode: string }[]>`show plan_cache_mode`;
      expect(setting!.plan_cache_mode).toBe("force_custom_plan");
    } finally {
      await handle.close();
    }
  });

  it("leaves the plan cache to Postgres inside a bulk write's transaction, and only there", async () => {
    const handle = await openPostgres(database.url!, { maxConnections: 1 });
    const planCacheMode = async (db: Database) =>
      ((await db.execute(sql`select current_setting('plan_cache_mode') as mode`)) as unknown as { mode: string }[])[0]!.mode;
    try {
      const inside = await inOneTransactionPerHandle(forEverySubgraph(handle), (databases) => planCacheMode(databases.incidents));
      expect(inside).toBe("auto");
      expect(await planCacheMode(handle.db)).toBe("force_custom_plan");
    } finally {
      await handle.close();
    }
  });

  it("prepares one statement for lists of IDs of any length", async () => {
    const handle = await openPostgres(database.url!, { maxConnections: 1 });
    try {
      for (const ids of [["acled:actor-1"], ["acled:actor-1", "acled:actor-2"], ["a", "b", "c"]]) {
        const rows = await handle.db.select({ id: actors.id }).from(actors).where(anyOfIds(actors.id, ids));
        expect(rows).toEqual([]);
      }
      const client = postgresClientOf(handle);
      const prepared = await client<{ statement: string }[]>`select statement from pg_prepared_statements where statement like ${'%from "actors"."actors"%'}`;
      expect(prepared.map((row) => row.statement)).toEqual([expect.stringContaining("= any($1::text[])")]);
    } finally {
      await handle.close();
    }
  });
});

if (POSTGRES_SKIPPED_NOTE) it.skip(POSTGRES_SKIPPED_NOTE, () => {});

// Private subgraphs: only a caller with the shared secret (the gateway) gets an answer from
// a subgraph; probes stay open; production refuses to start without a secret.
import { spawnSync } from "node:child_process";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGatewayServer } from "../../gateway/server.js";
import { readSupergraph } from "../../gateway/supergraph.js";
import { DATA_VERSION_PATH } from "../../platform/http/data-version-path.js";
import type { RunningServer } from "../../platform/http/http-server.js";
import { SUBGRAPH_SECRET_HEADER, secretsMatch } from "../../platform/http/subgraph-secret.js";
import { BACKENDS, type TestDatabase } from "../../scripts/harness/backends.js";
import { type RunningGraph, postGraphQL, startGraph } from "../support/graph.js";

const projectRoot = new URL("../..", import.meta.url).pathname;

describe("a subgraph behind the shared secret", () => {
  let database: TestDatabase;
  let graph: RunningGraph;
  beforeAll(async () => {
    database = await BACKENDS[0]!.create();
    graph = await startGraph(database.handle);
  });
  afterAll(async () => {
    await graph?.stop();
    await database?.dispose();
  });

  const askActors = (headers: Record<string, string>) =>
    fetch(graph.subgraphUrls.actors, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ query: "{ actors(first: 1) { totalCount } }" }),
    });

  it("refuses a request without the secret with 401", async () => {
    const response = await askActors({});
    expect(response.status).toBe(401);
    expect(((await response.json()) as any).errors[0].extensions.code).toBe("UNAUTHENTICATED");
  });

  it("refuses a wrong secret, also one that shares its beginning, with 401", async () => {
    expect((await askActors({ [SUBGRAPH_SECRET_HEADER]: "wrong" })).status).toBe(401);
    expect((await askActors({ [SUBGRAPH_SECRET_HEADER]: graph.subgraphSecret.slice(0, -1) })).status).toBe(401);
  });

  it("answers the right secret", async () => {
    const response = await askActors({ [SUBGRAPH_SECRET_HEADER]: graph.subgraphSecret });
    expect(response.status).toBe(200);
    expect(((await response.json()) as any).data.actors.totalCount).toBe(0);
  });

  it("answers its data version only to the secret, the same while nothing is written and a new one after a write", async () => {
    const url = new URL(DATA_VERSION_PATH, graph.subgraphUrls.actors);
    const refused = await fetch(url);
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as any).errors[0].extensions.code).toBe("UNAUTHENTICATED");
    expect((await fetch(url, { headers: { [SUBGRAPH_SECRET_HEADER]: graph.subgraphSecret.slice(0, -1) } })).status).toBe(401);
    const read = async () => {
      const response = await fetch(url, { headers: { [SUBGRAPH_SECRET_HEADER]: graph.subgraphSecret } });
      expect(response.status).toBe(200);
      expect(response.headers.get("cache-control")).toBe("no-store");
      return ((await response.json()) as { version: string }).version;
    };
    const before = await read();
    expect(await read()).toBe(before);
    // A transaction given an ID, as every one that writes is, commits.
    await database.handle.db.execute(sql`select txid_current()`);
    expect(await read()).not.toBe(before);
    // Answered before Express for GET alone: any other method finds no such route.
    expect((await fetch(url, { method: "POST", headers: { [SUBGRAPH_SECRET_HEADER]: graph.subgraphSecret } })).status).toBe(404);
  });

  it("keeps /health and /ready open for probes", async () => {
    for (const path of ["/health", "/ready"]) {
      expect((await fetch(new URL(path, graph.subgraphUrls.actors))).status, path).toBe(200);
    }
  });

  it("answers through the gateway, which sends the secret", async () => {
    const { data, errors } = await postGraphQL(graph.gatewayUrl, "{ actors(first: 1) { totalCount } }");
    expect(errors).toBeUndefined();
    expect(data.actors.totalCount).toBe(0);
  });

  it("gives a gateway with another secret nothing but errors", async () => {
    let impostor: RunningServer | undefined;
    try {
      impostor = await createGatewayServer({
        supergraphSdl: readSupergraph(),
        subgraphUrls: graph.subgraphUrls,
        isProduction: false,
        subgraphSecret: "not-the-secret-at-all",
      }).listen(0, "127.0.0.1");
      const { data, errors } = await postGraphQL(impostor.url, "{ actors(first: 1) { totalCount } }");
      // Root fields are nullable, so the refused field is null rather than the whole answer.
      expect(data).toEqual({ actors: null });
      expect(errors?.[0]?.message).toContain("401");
    } finally {
      await impostor?.stop();
    }
  });
});

describe("comparing secrets", () => {
  it("matches only the same string, whatever the lengths", () => {
    expect(secretsMatch("s3cret-value-0123456789", "s3cret-value-0123456789")).toBe(true);
    expect(secretsMatch("s3cret-value-012345678", "s3cret-value-0123456789")).toBe(false);
    expect(secretsMatch("", "s3cret-value-0123456789")).toBe(false);
  });
});

describe("starting in production without a secret", () => {
  for (const [processName, script] of [
    ["actors", "services/actors/main.ts"],
    ["gateway", "gateway/main.ts"],
  ] as const) {
    it(`${processName}: refuses in one line and exits 1`, () => {
      const result = spawnSync(process.execPath, ["--import", "tsx", script], {
        cwd: projectRoot,
        // The secret is checked before the database is opened, so an unreachable one does not matter.
        env: { PATH: process.env.PATH, APOLLO_TELEMETRY_DISABLED: "1", NODE_ENV: "production", DATABASE_URL: "postgres://nobody@127.0.0.1:1/nowhere" },
        encoding: "utf8",
        timeout: 60_000,
      });
      expect(result.status).toBe(1);
      expect(result.stderr.trim()).toBe(
        `${processName}: SUBGRAPH_SECRET is not set: in production the gateway and every subgraph need the same secret (16 or more characters)`,
      );
    });
  }
});

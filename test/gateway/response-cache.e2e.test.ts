// The gateway's response cache (gateway/response-cache.ts): repeated reads are answered from
// memory, and no answer is ever stale. Two gateway processes (gateway/main.ts, as
// `npm run start:gateway` runs them) in front of the same subgraphs and database take reads and
// writes in turn, each read checked against the last write, whichever process took it, and
// against a write made straight to the database. Over GET an answer carries an ETag and
// Cache-Control, and If-None-Match gets 304 until a write changes the answer. The cache stays
// within its bound under many distinct operations, and one setting turns it off.
import http from "node:http";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGatewayServer } from "../../gateway/server.js";
import { readSupergraph } from "../../gateway/supergraph.js";
import { sha256 } from "../../gateway/persisted-operations.js";
import { RESPONSE_CACHE_HEADER } from "../../gateway/response-cache.js";
import { loadSeed } from "../../ingest/seed/load-seed.js";
import { apiKeyEntry } from "../../platform/config/api-keys.js";
import type { RunningServer } from "../../platform/http/http-server.js";
import { BACKENDS, POSTGRES_SKIPPED_NOTE, type TestDatabase } from "../../scripts/harness/backends.js";
import { type MeridianProcess, freePort, startProcess } from "../../scripts/harness/processes.js";
import { SUBGRAPH_NAMES, forEverySubgraph } from "../../services/registry.js";
import { type RunningGraph, startGraph } from "../support/graph.js";
import { API_KEYS, KEYS, type KeyName } from "../support/keyed-graph.js";

const ACTOR = "meridian:volodymyr-zelensky";
// Crosses two subgraphs: the actor's name from actors, its statements from statements.
const READ = `query ActorAndStatements($id: ID!) { actor(id: $id) { name description statements(first: 2) { totalCount } } }`;
const RENAME = `mutation Rename($id: ID!, $name: String!) { updateActor(id: $id, input: { name: $name }) { id } }`;

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

const agent = new http.Agent({ keepAlive: true });

/** A request as a browser or CDN sends it (not fetch, which marks conditional requests no-cache). */
function request(url: string, options: { method?: "GET" | "POST"; body?: unknown; as?: KeyName; headers?: Record<string, string> } = {}): Promise<Answer> {
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const outgoing = http.request(
      url,
      {
        agent,
        method: options.method ?? "GET",
        headers: {
          ...(options.method === "POST" ? { "content-type": "application/json" } : { "apollo-require-preflight": "1" }),
          ...(options.as ? { authorization: `Bearer ${KEYS[options.as]}` } : {}),
          ...options.headers,
        },
      },
      (incoming) => {
        let text = "";
        incoming.on("data", (chunk: Buffer) => (text += chunk.toString()));
        incoming.on("end", () => resolve({ status: incoming.statusCode!, headers: incoming.headers, body: text }));
      },
    );
    outgoing.on("error", reject);
    outgoing.end(body);
  });
}

const getUrl = (gatewayUrl: string, query: string, variables: Record<string, unknown>) =>
  `${gatewayUrl}?query=${encodeURIComponent(query)}&variables=${encodeURIComponent(JSON.stringify(variables))}`;

async function readActor(gatewayUrl: string): Promise<{ name: string; cache: string | undefined }> {
  const answer = await request(gatewayUrl, { method: "POST", body: { query: READ, variables: { id: ACTOR } } });
  const { data, errors } = JSON.parse(answer.body);
  expect(errors).toBeUndefined();
  return { name: data.actor.name, cache: answer.headers[RESPONSE_CACHE_HEADER] as string | undefined };
}

async function rename(gatewayUrl: string, name: string): Promise<void> {
  const answer = await request(gatewayUrl, { method: "POST", as: "alice", body: { query: RENAME, variables: { id: ACTOR, name } } });
  expect(JSON.parse(answer.body).errors).toBeUndefined();
  expect(answer.headers[RESPONSE_CACHE_HEADER]).toBeUndefined();
}

/** A gateway process of its own in front of the graph's subgraphs. */
async function startGatewayProcess(graph: RunningGraph): Promise<{ url: string; process: MeridianProcess }> {
  const port = await freePort();
  const process = startProcess("gateway/main.ts", {
    GATEWAY_PORT: String(port),
    SUBGRAPH_SECRET: graph.subgraphSecret,
    MERIDIAN_API_KEYS: API_KEYS.map((entry) => apiKeyEntry(entry.name, entry.role, KEYS[entry.name as KeyName])).join(","),
    ...Object.fromEntries(SUBGRAPH_NAMES.map((name) => [`${name.toUpperCase()}_URL`, graph.subgraphUrls[name]])),
  });
  await process.waitForLine((line) => line.includes("gateway ready"));
  return { url: `http://127.0.0.1:${port}/graphql`, process };
}

describe.each(BACKENDS)("the response cache on $name", (backend) => {
  let database: TestDatabase;
  let graph: RunningGraph;
  const gateways: { url: string; process: MeridianProcess }[] = [];

  beforeAll(async () => {
    database = await backend.create();
    await loadSeed(forEverySubgraph(database.handle));
    graph = await startGraph(database.handle, { apiKeys: API_KEYS });
    gateways.push(await startGatewayProcess(graph), await startGatewayProcess(graph));
  }, 180_000);
  afterAll(async () => {
    for (const gateway of gateways) await gateway.process.kill();
    await graph?.stop();
    await database?.dispose();
  });

  it("never answers stale through two gateway processes taking writes in turn, and answers repeats from the cache", async () => {
    const [first, second] = [gateways[0]!, gateways[1]!];
    const outcomes: string[] = [];
    let expected = (await readActor(first.url)).name;
    for (let round = 1; round <= 8; round += 1) {
      // Reads on both, twice: the repeats are answered from each process's cache.
      for (const gateway of [first, second, first, second]) {
        const read = await readActor(gateway.url);
        expect(read.name).toBe(expected);
        outcomes.push(read.cache!);
      }
      // The write goes through one process; the very next read, on either, sees it.
      expected = `Zelensky round ${round}`;
      await rename((round % 2 === 0 ? first : second).url, expected);
      const [onFirst, onSecond] = [await readActor(first.url), await readActor(second.url)];
      expect([onFirst.name, onSecond.name]).toEqual([expected, expected]);
      expect([onFirst.cache, onSecond.cache]).toEqual(["miss", "miss"]);
      outcomes.push(onFirst.cache!, onSecond.cache!);
    }
    expect(outcomes.filter((outcome) => outcome === "hit").length).toBeGreaterThanOrEqual(16);
    // A write that no mutation made, straight to the database, is seen too.
    await readActor(first.url);
    await database.handle.db.execute(sql`update actors.actors set name = 'Written by hand' where id = ${ACTOR}`);
    expect(await readActor(first.url)).toEqual({ name: "Written by hand", cache: "miss" });
    expect(await readActor(second.url)).toEqual({ name: "Written by hand", cache: "miss" });
  });

  it("keys answers by role: an editor's answer is not a reader's", async () => {
    const gateway = gateways[0]!;
    const editorsOnly = `{ imports(first: 1) { totalCount } }`;
    const asEditor = await request(gateway.url, { method: "POST", as: "alice", body: { query: editorsOnly } });
    expect(JSON.parse(asEditor.body).data.imports.totalCount).toBeGreaterThan(0);
    const asReader = await request(gateway.url, { method: "POST", as: "rita", body: { query: editorsOnly } });
    expect(JSON.parse(asReader.body).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const anonymous = await request(gateway.url, { method: "POST", body: { query: editorsOnly } });
    expect(JSON.parse(anonymous.body).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    // An answer with errors is not stored: asked again, it is computed again.
    expect((await request(gateway.url, { method: "POST", body: { query: editorsOnly } })).headers[RESPONSE_CACHE_HEADER]).toBe("miss");
  });

  it("answers GET with an ETag and Cache-Control, If-None-Match with 304, until a write changes the answer", async () => {
    const gateway = gateways[0]!;
    const url = getUrl(gateway.url, READ, { id: ACTOR });
    const fresh = await request(url);
    expect(fresh.status).toBe(200);
    expect(fresh.headers["cache-control"]).toBe("public, no-cache");
    expect(fresh.headers.vary).toMatch(/authorization/i);
    const etag = fresh.headers.etag!;
    expect(etag).toBeTruthy();
    // From the cache or computed again, the same answer has the same ETag.
    const repeated = await request(url, { headers: { "if-none-match": etag } });
    expect(repeated).toMatchObject({ status: 304, body: "" });
    expect(repeated.headers.etag).toBe(etag);
    // Without If-None-Match a hit sends the stored bytes as the miss sent them: body, type, length, ETag.
    const hit = await request(url);
    expect(hit.headers[RESPONSE_CACHE_HEADER]).toBe("hit");
    expect(hit.body).toBe(fresh.body);
    expect(hit.headers["content-type"]).toBe(fresh.headers["content-type"]);
    expect(hit.headers["content-length"]).toBe(String(Buffer.byteLength(fresh.body)));
    expect(hit.headers.etag).toBe(etag);
    expect((await request(url, { as: "rita" })).headers["cache-control"]).toBe("private, no-cache");
    // A persisted operation asked by its hash alone, once registered: the registration reaches
    // Apollo though its answer is stored (Apollo must keep the hash), and the hash alone is then
    // answered from the cache, 304 to the same ETag.
    const hash = sha256(READ);
    const extensions = { persistedQuery: { version: 1, sha256Hash: hash } };
    const registration = await request(gateway.url, { method: "POST", body: { query: READ, variables: { id: ACTOR }, extensions } });
    expect(registration.headers[RESPONSE_CACHE_HEADER]).toBe("miss");
    const byHash = `${gateway.url}?extensions=${encodeURIComponent(JSON.stringify(extensions))}&variables=${encodeURIComponent(JSON.stringify({ id: ACTOR }))}`;
    const hashed = await request(byHash, { headers: { "if-none-match": etag } });
    expect(hashed).toMatchObject({ status: 304 });
    expect(hashed.headers[RESPONSE_CACHE_HEADER]).toBe("hit");
    await rename(gateway.url, "Renamed for the ETag");
    const changed = await request(url, { headers: { "if-none-match": etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
    expect(JSON.parse(changed.body).data.actor.name).toBe("Renamed for the ETag");
  });
});

describe.each(BACKENDS)("the response cache's bound on $name", (backend) => {
  let database: TestDatabase;
  let graph: RunningGraph;
  const servers: RunningServer[] = [];

  beforeAll(async () => {
    database = await backend.create();
    await loadSeed(forEverySubgraph(database.handle));
    graph = await startGraph(database.handle);
  }, 120_000);
  afterAll(async () => {
    for (const server of servers) await server.stop();
    await graph?.stop();
    await database?.dispose();
  });

  const gatewayWith = async (responseCacheMaxBytes: number) => {
    const server = await createGatewayServer({
      supergraphSdl: readSupergraph(),
      subgraphUrls: graph.subgraphUrls,
      subgraphSecret: graph.subgraphSecret,
      isProduction: false,
      responseCacheMaxBytes,
    }).listen(0, "127.0.0.1");
    servers.push(server);
    return server.url;
  };

  /** The bytes /metrics reports the cache of answers holds. */
  async function heldBytes(gatewayUrl: string): Promise<number> {
    const text = await (await fetch(new URL("/metrics", gatewayUrl))).text();
    const line = text.split("\n").find((row) => row.startsWith('meridian_operation_cache_bytes{cache="responses"'));
    return Number(line!.split(" ").at(-1));
  }

  it("holds no more than RESPONSE_CACHE_MAX_BYTES under many distinct operations, the least recently used going first", async () => {
    const maxBytes = 64 * 1024;
    const url = await gatewayWith(maxBytes);
    const distinct = (index: number) => ({
      query: `query Page($first: Int!) { actors(first: $first) { totalCount edges { node { id name } } } }`,
      variables: { first: 1 + (index % 20), index },
    });
    let peak = 0;
    for (let index = 0; index < 300; index += 1) {
      const answer = await request(url, { method: "POST", body: distinct(index) });
      expect(answer.headers[RESPONSE_CACHE_HEADER]).toBe("miss");
      peak = Math.max(peak, await heldBytes(url));
    }
    expect(peak).toBeLessThanOrEqual(maxBytes);
    expect(peak).toBeGreaterThan(maxBytes / 2);
    // The newest are still there; the oldest were evicted.
    expect((await request(url, { method: "POST", body: distinct(299) })).headers[RESPONSE_CACHE_HEADER]).toBe("hit");
    expect((await request(url, { method: "POST", body: distinct(0) })).headers[RESPONSE_CACHE_HEADER]).toBe("miss");
    const metrics = await (await fetch(new URL("/metrics", url))).text();
    expect(metrics).toMatch(/meridian_response_cache_lookups_total\{outcome="hit",service="gateway"\} [1-9]/);
  });

  it("reads the versions of only the subgraphs an operation asks: a page of incidents is answered from the cache while the actors subgraph is down, and never stale", async () => {
    // Nothing listens on the actors subgraph's port: reading its version fails at once.
    const server = await createGatewayServer({
      supergraphSdl: readSupergraph(),
      subgraphUrls: { ...graph.subgraphUrls, actors: `http://127.0.0.1:${await freePort()}/graphql` },
      subgraphSecret: graph.subgraphSecret,
      isProduction: false,
    }).listen(0, "127.0.0.1");
    servers.push(server);
    const page = { query: `query Page { incidents(first: 2) { edges { node { id title } } } }` };
    const read = async () => {
      const answer = await request(server.url, { method: "POST", body: page });
      const { data, errors } = JSON.parse(answer.body);
      expect(errors).toBeUndefined();
      return { titles: data.incidents.edges.map((edge: { node: { title: string } }) => edge.node.title), cache: answer.headers[RESPONSE_CACHE_HEADER] };
    };
    // Its first request reads every subgraph's version, the actors' fails, and it goes uncached;
    // its plan, known from then on, asks the incidents subgraph alone.
    const first = await read();
    expect(first.cache).toBeUndefined();
    expect(await read()).toEqual({ ...first, cache: "miss" });
    expect(await read()).toEqual({ ...first, cache: "hit" });
    const id = JSON.parse((await request(server.url, { method: "POST", body: page })).body).data.incidents.edges[0].node.id;
    await database.handle.db.execute(sql`update incidents.incidents set title = 'Retitled by hand' where id = ${id}`);
    const changed = await read();
    expect(changed).toEqual({ titles: ["Retitled by hand", first.titles[1]], cache: "miss" });
    expect(await read()).toEqual({ ...changed, cache: "hit" });
    // An operation that asks the actors subgraph still goes uncached, and gets its error.
    const actor = await request(server.url, { method: "POST", body: { query: READ, variables: { id: ACTOR } } });
    expect(actor.headers[RESPONSE_CACHE_HEADER]).toBeUndefined();
    expect(JSON.parse(actor.body).errors).toBeDefined();
    // /metrics shows which subgraph's version could not be read, and how many reads were made.
    const metrics = await (await fetch(new URL("/metrics", server.url))).text();
    const reads = (subgraph: string, outcome: string) =>
      Number(
        metrics
          .split("\n")
          .find(
            (line) => line.startsWith("meridian_data_version_reads_total{") && line.includes(`subgraph="${subgraph}"`) && line.includes(`outcome="${outcome}"`),
          )
          ?.split(" ")
          .at(-1) ?? 0,
      );
    // Each operation's first request read all three, the page's and the actor's; the page's later ones, the incidents' alone.
    expect(reads("actors", "unreachable")).toBe(2);
    expect(reads("statements", "ok")).toBe(2);
    expect(reads("incidents", "ok")).toBeGreaterThanOrEqual(7);
  });

  it("is off with RESPONSE_CACHE_MAX_BYTES=0", async () => {
    const url = await gatewayWith(0);
    for (let round = 0; round < 2; round += 1) {
      const answer = await request(url, { method: "POST", body: { query: READ, variables: { id: ACTOR } } });
      expect(answer.status).toBe(200);
      expect(answer.headers[RESPONSE_CACHE_HEADER]).toBeUndefined();
    }
  });
});

if (POSTGRES_SKIPPED_NOTE) describe.skip(POSTGRES_SKIPPED_NOTE, () => it("the response cache on postgres"));

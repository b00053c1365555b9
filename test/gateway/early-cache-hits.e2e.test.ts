// The response cache's hits answered before Express (GATEWAY_EARLY_CACHE_HITS, on by default):
// two gateways in front of the same subgraphs, one answering hits early and one through
// Express's chain, must answer every request alike, in status, body and headers: hits over POST
// and GET, for anonymous callers and keys, from allowed origins and others, conditional GETs,
// persisted queries by hash, and the requests Express's chain refuses before the cache. Only the
// early gateway's hits never reach Express. The cache's lookups are counted once a request.
// Then requests drawn at random (test/support/http-request-cases.ts), each sent twice to both.
// PGlite only: what differs between the two paths is HTTP, never the database.
import http from "node:http";
import express from "express";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { sha256 } from "../../gateway/persisted-operations.js";
import { RESPONSE_CACHE_HEADER } from "../../gateway/response-cache.js";
import { createGatewayServer } from "../../gateway/server.js";
import { readSupergraph } from "../../gateway/supergraph.js";
import { loadSeed } from "../../ingest/seed/load-seed.js";
import { DEFAULT_OPERATION_LIMITS } from "../../platform/config/gateway-defaults.js";
import type { RunningServer } from "../../platform/http/http-server.js";
import { BACKENDS, type TestDatabase } from "../../scripts/harness/backends.js";
import { forEverySubgraph } from "../../services/registry.js";
import { type RunningGraph, startGraph } from "../support/graph.js";
import { httpRequestCases } from "../support/http-request-cases.js";
import { API_KEYS, KEYS, type KeyName } from "../support/keyed-graph.js";
import { type RawAnswer, type RawRequest, sendRaw } from "../support/raw-http.js";

const ALLOWED_ORIGIN = "https://app.example";
const PAGE = `query Page($first: Int!) { incidents(first: $first) { edges { node { id title } } } }`;
const ACTOR = `query Actor($id: ID!) { actor(id: $id) { name statements(first: 2) { totalCount } } }`;
const MAX_OPERATION_LENGTH = 2000;
/** A new draw each run, named in a failure's message so that it can be drawn again (MERIDIAN_TEST_SEED). */
const SEED = Number(process.env.MERIDIAN_TEST_SEED ?? Math.floor(Math.random() * 1e9));
const DRAWN_CASES = 150;
/** Headers that differ between any two answers: the moment, and the connection's own. */
const PER_ANSWER = new Set(["date", "connection", "keep-alive", "x-request-id"]);

const agent = new http.Agent({ keepAlive: true });

const send = (url: string, options: Omit<RawRequest, "agent">) => sendRaw(url, { ...options, agent });

/** One way of asking, sent to a gateway at `url`. */
type Ask = (url: string) => Promise<RawAnswer>;

const post =
  (body: unknown, headers: Record<string, string> = {}): Ask =>
  (url) =>
    send(url, { headers: { "content-type": "application/json", ...headers }, body: typeof body === "string" ? body : JSON.stringify(body) });
const get =
  (fields: Record<string, unknown>, headers: Record<string, string> = {}): Ask =>
  (url) => {
    const query = Object.entries(fields)
      .map(([name, value]) => `${name}=${encodeURIComponent(typeof value === "string" ? value : JSON.stringify(value))}`)
      .join("&");
    return send(`${url}?${query}`, { method: "GET", headers: { "apollo-require-preflight": "1", ...headers } });
  };
const as = (key: KeyName) => ({ authorization: `Bearer ${KEYS[key]}` });

/** What must be alike: status, body, and every header but the per-answer ones. */
function comparable(answer: RawAnswer) {
  return { status: answer.status, body: answer.body, headers: Object.fromEntries(Object.entries(answer.headers).filter(([name]) => !PER_ANSWER.has(name))) };
}

describe.each(BACKENDS.slice(0, 1))("response cache hits answered before Express, on $name", (backend) => {
  let database: TestDatabase;
  let graph: RunningGraph;
  let early: RunningServer;
  let throughExpress: RunningServer;
  /** Requests other than /metrics that reached Express's application, by the port they came in on. */
  const reachedExpress = new Map<number, number>();

  beforeAll(async () => {
    database = await backend.create();
    await loadSeed(forEverySubgraph(database.handle));
    graph = await startGraph(database.handle, { apiKeys: API_KEYS });
    // Counted before the gateways are made: each Express application copies its handle when made.
    // (`handle` is Express's own, missing from its types.)
    const application = express.application as unknown as { handle: (request: http.IncomingMessage, ...rest: unknown[]) => unknown };
    const handle = application.handle;
    vi.spyOn(application, "handle").mockImplementation(function (this: unknown, request, ...rest) {
      const port = request.socket.localPort!;
      // The gateways answer GraphQL on "/" (their URL) and "/graphql"; /metrics is read between rounds.
      if (!request.url?.startsWith("/metrics")) reachedExpress.set(port, (reachedExpress.get(port) ?? 0) + 1);
      return handle.call(this, request, ...rest);
    });
    const gateway = (earlyCacheHits: boolean) =>
      createGatewayServer({
        supergraphSdl: readSupergraph(),
        subgraphUrls: graph.subgraphUrls,
        subgraphSecret: graph.subgraphSecret,
        isProduction: false,
        apiKeys: API_KEYS,
        corsOrigins: [ALLOWED_ORIGIN],
        operationLimits: { ...DEFAULT_OPERATION_LIMITS, maxOperationLength: MAX_OPERATION_LENGTH },
        earlyCacheHits,
      }).listen(0, "127.0.0.1");
    early = await gateway(true);
    throughExpress = await gateway(false);
  }, 120_000);
  afterAll(async () => {
    vi.restoreAllMocks();
    await early?.stop();
    await throughExpress?.stop();
    await graph?.stop();
    await database?.dispose();
  });

  /** The response cache's lookups a gateway has counted, hits and misses. */
  async function lookups(gateway: RunningServer): Promise<number> {
    const text = await (await fetch(new URL("/metrics", gateway.url))).text();
    const count = (outcome: string) => Number(text.match(new RegExp(`meridian_response_cache_lookups_total\\{outcome="${outcome}"[^}]*\\} (\\d+)`))?.[1] ?? 0);
    return count("hit") + count("miss");
  }

  /** Asks both gateways `times` times; the answers of each round must be alike. Returns the last round's. */
  async function askBoth(ask: Ask, times = 2): Promise<{ early: RawAnswer; throughExpress: RawAnswer }> {
    let last: { early: RawAnswer; throughExpress: RawAnswer } | undefined;
    for (let round = 0; round < times; round += 1) {
      last = { early: await ask(early.url), throughExpress: await ask(throughExpress.url) };
      expect(comparable(last.early)).toEqual(comparable(last.throughExpress));
    }
    return last!;
  }

  it.each([
    ["an anonymous POST", post({ query: PAGE, variables: { first: 3 } })],
    ["a reader's POST", post({ query: PAGE, variables: { first: 3 } }, as("rita"))],
    [
      "an editor's POST from an allowed origin",
      post({ query: ACTOR, variables: { id: "meridian:volodymyr-zelensky" } }, { ...as("alice"), origin: ALLOWED_ORIGIN }),
    ],
    ["a POST from an origin not allowed", post({ query: PAGE, variables: { first: 4 } }, { origin: "https://elsewhere.example" })],
    ["an anonymous GET", get({ query: PAGE, variables: { first: 2 } })],
    ["a reader's GET from an allowed origin", get({ query: PAGE, variables: { first: 2 } }, { ...as("rita"), origin: ALLOWED_ORIGIN })],
    ["a GET naming its operation", get({ query: PAGE, operationName: "Page", variables: { first: 5 } })],
  ])("answers %s alike, a hit from the second time, and never asks Express for the hit", async (_name, ask) => {
    const { early: hit } = await askBoth(ask);
    expect(hit.headers[RESPONSE_CACHE_HEADER]).toBe("hit");
    expect(hit.headers.etag).toBeDefined();
    const before = { early: reachedExpress.get(early.port) ?? 0, throughExpress: reachedExpress.get(throughExpress.port) ?? 0 };
    await askBoth(ask, 3);
    expect(reachedExpress.get(early.port) ?? 0).toBe(before.early);
    expect(reachedExpress.get(throughExpress.port)).toBe(before.throughExpress + 3);
  });

  it("answers a conditional GET alike: 304 while the ETag matches, the answer when it does not", async () => {
    const ask = get({ query: PAGE, variables: { first: 6 } });
    const { early: hit } = await askBoth(ask);
    const unchanged = await askBoth(get({ query: PAGE, variables: { first: 6 } }, { "if-none-match": String(hit.headers.etag) }), 1);
    expect(unchanged.early.status).toBe(304);
    const other = await askBoth(get({ query: PAGE, variables: { first: 6 } }, { "if-none-match": 'W/"another"' }), 1);
    expect(other.early).toMatchObject({ status: 200, body: hit.body });
  });

  it("answers a persisted query's hash alike once its text is registered", async () => {
    const query = `query Registered { incidents(first: 2) { edges { node { id } } } }`;
    const extensions = { persistedQuery: { version: 1, sha256Hash: sha256(query) } };
    await askBoth(post({ query, extensions }), 1);
    const { early: hit } = await askBoth(get({ extensions }));
    expect(hit.headers[RESPONSE_CACHE_HEADER]).toBe("hit");
    expect(JSON.parse(hit.body).data.incidents.edges).toHaveLength(2);
  });

  it.each([
    ["an operation longer than the limit", post({ query: `${PAGE}${" ".repeat(MAX_OPERATION_LENGTH)}`, variables: { first: 3 } }), "OPERATION_TOO_LONG"],
    [
      "a text whose hash is not the one sent",
      post({ query: PAGE, variables: { first: 3 }, extensions: { persistedQuery: { version: 1, sha256Hash: sha256("{ x }") } } }),
      "PERSISTED_QUERY_HASH_MISMATCH",
    ],
    ["a key that is not ours", post({ query: PAGE, variables: { first: 3 } }, { authorization: "Bearer not-ours" }), undefined],
    ["a body that is not JSON", post('{"query": '), "BAD_REQUEST"],
    [
      "a GET without the CSRF header",
      (url: string) => send(`${url}?query=${encodeURIComponent(PAGE)}&variables=%7B%22first%22%3A3%7D`, { method: "GET" }),
      undefined,
    ],
  ])("refuses or passes on %s alike, as Express's chain does", async (_name, ask, code) => {
    // Made a hit first, so that only the checks before the cache can stop it.
    await askBoth(post({ query: PAGE, variables: { first: 3 } }));
    const before = { early: await lookups(early), throughExpress: await lookups(throughExpress) };
    const { early: answer } = await askBoth(ask as Ask);
    expect(answer.headers[RESPONSE_CACHE_HEADER]).toBeUndefined();
    if (code) expect(JSON.parse(answer.body).errors[0].extensions.code).toBe(code);
    // Refused or passed on before the cache: not looked up, by either.
    expect({ early: await lookups(early), throughExpress: await lookups(throughExpress) }).toEqual(before);
  });

  it("keeps no text sent with a hash that is not its own: that hash alone stays unknown", async () => {
    const wrongHash = sha256("query NotThis { __typename }");
    await askBoth(post({ query: PAGE, variables: { first: 3 }, extensions: { persistedQuery: { version: 1, sha256Hash: wrongHash } } }), 1);
    const { early: answer } = await askBoth(get({ variables: { first: 3 }, extensions: { persistedQuery: { version: 1, sha256Hash: wrongHash } } }), 1);
    expect(JSON.parse(answer.body).errors[0].extensions.code).toBe("PERSISTED_QUERY_NOT_FOUND");
  });

  it(`answers ${DRAWN_CASES} requests drawn at random alike, each twice (seed ${SEED})`, async () => {
    const cases = httpRequestCases(SEED, DRAWN_CASES, { keys: Object.values(KEYS), allowedOrigin: ALLOWED_ORIGIN, maxOperationLength: MAX_OPERATION_LENGTH });
    for (const [index, drawn] of cases.entries()) {
      const ask: Ask = (url) => send(new URL(drawn.path, url).toString(), { method: drawn.method, headers: drawn.headers, body: drawn.body });
      for (let round = 0; round < 2; round += 1) {
        const answers = { early: await ask(early.url), throughExpress: await ask(throughExpress.url) };
        expect(comparable(answers.early), `MERIDIAN_TEST_SEED=${SEED}, case ${index}, round ${round}: ${drawn.method} ${drawn.drawn.join("; ")}`).toEqual(
          comparable(answers.throughExpress),
        );
      }
    }
  });

  it("counts each request's lookup once", async () => {
    const before = await lookups(early);
    const ask = post({ query: PAGE, variables: { first: 7 } });
    for (let round = 0; round < 4; round += 1) await ask(early.url);
    // A conditional GET is looked up before Express and sent by it: still one lookup.
    await get({ query: PAGE, variables: { first: 7 } }, { "if-none-match": 'W/"x"' })(early.url);
    expect((await lookups(early)) - before).toBe(5);
  });
});

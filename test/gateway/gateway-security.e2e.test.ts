// What a GraphQL security scanner (graphql-cop, InQL, Escape) tries against the gateway in
// production, each check as a test: the whole graph in production mode, plus a lone production
// gateway (introspection configured on, a 100 KB body limit) in front of broken subgraphs: an
// actors subgraph on a database that was never migrated, the other two down.
import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, openPglite } from "../../db/client.js";
import { DEFAULT_OPERATION_LIMITS } from "../../platform/config/gateway-defaults.js";
import { createGatewayServer } from "../../gateway/server.js";
import { readSupergraph } from "../../gateway/supergraph.js";
import { loadConfig } from "../../services/config.js";
import type { RunningServer } from "../../platform/http/http-server.js";
import { DEFAULT_MAX_REQUEST_BODY_BYTES } from "../../platform/http/request-body.js";
import { SUBGRAPH_SECRET_HEADER } from "../../platform/http/subgraph-secret.js";
import { createSubgraphServer } from "../../services/kit/server/subgraph-server.js";
import { subgraphNamed } from "../../services/registry.js";
import { BACKENDS, type TestDatabase } from "../../scripts/harness/backends.js";
import { type RunningGraph, startGraph } from "../support/graph.js";

interface Answer {
  status: number;
  body: { data?: any; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

async function request(url: string, init: RequestInit = {}): Promise<Answer> {
  const response = await fetch(url, { method: "POST", ...init, headers: { "content-type": "application/json", ...init.headers } });
  const text = await response.text();
  return { status: response.status, body: text.startsWith("{") ? JSON.parse(text) : { errors: [{ message: text }] } };
}
const post = (url: string, query: string) => request(url, { body: JSON.stringify({ query }) });
const codes = (answer: Answer) => answer.body.errors?.map((error) => error.extensions?.code);
const repeat = (times: number, make: (index: number) => string) => Array.from({ length: times }, (_, index) => make(index)).join(" ");

/** A port nothing listens on: a subgraph that is down. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

// graphql-cop's circular introspection query.
const CIRCULAR_INTROSPECTION = `query { __schema { types { fields { type { fields { type { fields { type { fields { name } } } } } } } } } }`;

describe("the gateway in production against a security scanner's checks", () => {
  let database: TestDatabase;
  let graph: RunningGraph;
  let lone: RunningServer;
  let unmigrated: DatabaseHandle;
  let brokenActors: RunningServer;
  const answers: Answer[] = [];
  const gateway = async (query: string) => {
    const answer = await post(graph.gatewayUrl, query);
    answers.push(answer);
    return answer;
  };

  beforeAll(async () => {
    database = await BACKENDS[0]!.create();
    graph = await startGraph(database.handle, { isProduction: true });
    const down = `http://127.0.0.1:${await closedPort()}/graphql`;
    unmigrated = await openPglite(undefined);
    brokenActors = await (await createSubgraphServer(subgraphNamed("actors"), unmigrated.db, { isProduction: true })).listen(0, "127.0.0.1");
    lone = await createGatewayServer({
      supergraphSdl: readSupergraph(),
      subgraphUrls: { actors: brokenActors.url, statements: down, incidents: down },
      isProduction: true,
      introspection: true,
      maxRequestBodyBytes: 100_000,
    }).listen(0, "127.0.0.1");
  });
  afterAll(async () => {
    await lone?.stop();
    await brokenActors?.stop();
    await unmigrated?.close();
    await graph?.stop();
    await database?.dispose();
  });

  it("answers an ordinary query", async () => {
    const answer = await gateway(`{ actors(first: 1) { totalCount } }`);
    expect(answer.body).toEqual({ data: { actors: { totalCount: 0 } } });
  });

  it("refuses alias overloading (101 aliases) before execution", async () => {
    const answer = await gateway(`query cop { ${repeat(101, (index) => `alias${index}: __typename`)} }`);
    expect(answer.status).toBe(400);
    expect(answer.body).not.toHaveProperty("data");
    expect(codes(answer)?.[0]).toBe("TOO_MANY_ALIASES");
  });

  it("refuses a batched array of operations", async () => {
    const answer = await request(graph.gatewayUrl, { body: JSON.stringify([{ query: "{ __typename }" }, { query: "{ __typename }" }]) });
    expect(answer.status).toBe(400);
    expect(answer.body).not.toHaveProperty("data");
    expect(answer.body.errors?.[0]?.message).toBe("Operation batching disabled.");
  });

  it("refuses field duplication (500 × __typename) at the top and nested in a list", async () => {
    const top = await gateway(`query cop { ${repeat(500, () => "__typename")} }`);
    expect(top.status).toBe(400);
    expect(top.body).not.toHaveProperty("data");
    expect(codes(top)?.[0]).toBe("TOO_MANY_ROOT_FIELDS");
    const nested = await gateway(`{ actors(first: 100) { edges { node { ${repeat(500, () => "__typename")} } } } }`);
    expect(nested.body).not.toHaveProperty("data");
    expect(codes(nested)?.[0]).toBe("OPERATION_TOO_COSTLY");
  });

  it("refuses directive overloading", async () => {
    const answer = await gateway(`query cop { __typename ${repeat(10, () => "@aa")} }`);
    expect(answer.status).toBe(400);
    expect(answer.body).not.toHaveProperty("data");
    expect(codes(answer)?.[0]).toBe("TOO_MANY_DIRECTIVES");
  });

  it("refuses circular introspection, even where introspection is configured on", async () => {
    for (const url of [graph.gatewayUrl, lone.url]) {
      const answer = await post(url, CIRCULAR_INTROSPECTION);
      expect(answer.status).toBe(400);
      expect(answer.body).not.toHaveProperty("data");
    }
    const where = await post(lone.url, CIRCULAR_INTROSPECTION);
    expect(where.body.errors?.[0]?.message).toContain("Maximum introspection depth exceeded");
  });

  it("turns introspection off in production unless GATEWAY_INTROSPECTION turns it on", async () => {
    for (const query of [`{ __schema { types { name } } }`, `{ __type(name: "Actor") { fields { name } } }`]) {
      const answer = await gateway(query);
      expect(answer.status).toBe(400);
      expect(answer.body).not.toHaveProperty("data");
      expect(answer.body.errors?.[0]?.message).toContain("introspection is not allowed");
    }
    const configuredOn = await post(lone.url, `{ __schema { queryType { name } } }`);
    expect(configuredOn.body).toEqual({ data: { __schema: { queryType: { name: "Query" } } } });
    expect(loadConfig({ NODE_ENV: "production" }).introspection).toBe(false);
    expect(loadConfig({ NODE_ENV: "production", GATEWAY_INTROSPECTION: "true" }).introspection).toBe(true);
    expect(loadConfig({ NODE_ENV: "development" }).introspection).toBe(true);
  });

  it("answers a query over GET from a client that says it is not a browser form (CSRF), and refuses one that does not", async () => {
    const url = `${graph.gatewayUrl}?query=${encodeURIComponent("{ __typename }")}`;
    const allowed = await fetch(url, { headers: { "apollo-require-preflight": "true" } });
    expect(allowed.status).toBe(200);
    expect(await allowed.json()).toEqual({ data: { __typename: "Query" } });
    const simple = await fetch(url);
    expect(simple.status).toBe(400);
    expect(await simple.text()).toContain("Cross-Site Request Forgery");
  });

  it("refuses a mutation over GET with 405", async () => {
    const response = await fetch(`${graph.gatewayUrl}?query=${encodeURIComponent("mutation { __typename }")}`, {
      headers: { "apollo-require-preflight": "true" },
    });
    const body = (await response.json()) as Answer["body"];
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
    expect(body).not.toHaveProperty("data");
    expect(body.errors?.[0]?.message).toContain("GET requests only support query operations");
  });

  it.each(["application/x-www-form-urlencoded", "multipart/form-data; boundary=cop", "text/plain"])(
    "refuses a %s POST as possible CSRF, at the gateway and at a subgraph",
    async (contentType) => {
      const body = contentType.startsWith("application/x-www") ? "query=%7B__typename%7D" : JSON.stringify({ query: "{ __typename }" });
      for (const [url, headers] of [
        [graph.gatewayUrl, {}],
        [graph.subgraphUrls.actors, { [SUBGRAPH_SECRET_HEADER]: graph.subgraphSecret }],
      ] as const) {
        const answer = await request(url, { body, headers: { ...headers, "content-type": contentType } });
        expect(answer.status, url).toBe(400);
        expect(answer.body).not.toHaveProperty("data");
        expect(answer.body.errors?.[0]?.message).toContain("Cross-Site Request Forgery");
      }
    },
  );

  it("hides field suggestions (“Did you mean”) in production", async () => {
    const answer = await gateway(`{ actors(first: 1) { edges { node { nam } } } actor(id: "x") { kindd } }`);
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.length).toBeGreaterThan(0);
    for (const error of answer.body.errors!) expect(error.message).not.toMatch(/did you mean/i);
  });

  it("gives no stack traces or exception details: a database failure in a subgraph is an internal error, masked", async () => {
    const answer = await post(lone.url, `{ actors(first: 1) { totalCount } }`);
    expect(answer.body.errors?.[0]).toMatchObject({ message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR" } });
    expect(JSON.stringify(answer.body)).not.toMatch(/relation|does not exist|actors\.actors|stacktrace|exception/);
    for (const earlier of answers) {
      for (const error of earlier.body.errors ?? []) expect(error.extensions ?? {}).not.toHaveProperty("stacktrace");
    }
  });

  it("names a subgraph that is down without its address", async () => {
    const answer = await post(lone.url, `{ incidents(first: 1) { totalCount } }`);
    expect(answer.body.errors?.length).toBeGreaterThan(0);
    expect(JSON.stringify(answer.body)).not.toMatch(/127\.0\.0\.1|http:|stacktrace|exception/);
  });

  it(`refuses a request body over ${DEFAULT_MAX_REQUEST_BODY_BYTES} bytes with 413, at the gateway and at a subgraph, and takes the limit from configuration`, async () => {
    const body = JSON.stringify({ query: "{ __typename }", variables: { padding: "x".repeat(DEFAULT_MAX_REQUEST_BODY_BYTES) } });
    for (const [url, headers] of [
      [graph.gatewayUrl, {}],
      [graph.subgraphUrls.actors, { [SUBGRAPH_SECRET_HEADER]: graph.subgraphSecret }],
    ] as const) {
      const answer = await request(url, { body, headers });
      expect(answer.status, url).toBe(413);
      expect(answer.body.errors?.[0]?.extensions?.code).toBe("PAYLOAD_TOO_LARGE");
      expect(JSON.stringify(answer.body)).not.toMatch(/stack|at .*\.js/);
    }
    const overConfigured = JSON.stringify({ query: "{ __typename }", variables: { padding: "x".repeat(150_000) } });
    expect((await request(lone.url, { body: overConfigured })).status).toBe(413);
    expect((await request(graph.gatewayUrl, { body: overConfigured })).status).toBe(200);
    expect(loadConfig({ MAX_REQUEST_BODY_BYTES: "2097152" }).maxRequestBodyBytes).toBe(2_097_152);
  });

  it("applies the default operation limits unless configured otherwise", () => {
    expect(loadConfig({}).operationLimits).toEqual(DEFAULT_OPERATION_LIMITS);
    expect(loadConfig({ GATEWAY_MAX_DEPTH: "6", GATEWAY_MAX_COST: "1000" }).operationLimits).toMatchObject({ maxDepth: 6, maxCost: 1000 });
  });
});

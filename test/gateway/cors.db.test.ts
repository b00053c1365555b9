// CORS at the gateway, as a browser on another origin (or curl playing one) sees it: preflights
// answered for the origins CORS_ORIGINS allows, answers marked for them, nothing for others;
// Apollo's CSRF guard unchanged; the subgraphs, private, never answer a browser.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPglite, type DatabaseHandle } from "../../db/client.js";
import { CORS_ALLOWED_HEADERS } from "../../gateway/cors.js";
import { createGatewayServer } from "../../gateway/server.js";
import { readSupergraph } from "../../gateway/supergraph.js";
import { ConfigError } from "../../platform/config/config.js";
import { loadConfig } from "../../services/config.js";
import type { CorsOrigins } from "../../platform/config/cors-origins.js";
import type { RunningServer } from "../../platform/http/http-server.js";
import { createSubgraphServer } from "../../services/kit/server/subgraph-server.js";
import { subgraphNamed, forEverySubgraph } from "../../services/registry.js";

const APP = "https://app.example.org";
const VITE_DEV = "http://localhost:5173";
const LOOPBACK_PAGE = "http://127.0.0.1:8080";
const ELSEWHERE = "https://evil.example.net";

/** The preflight a browser sends before POSTing JSON to the gateway from another origin. */
const preflight = (url: string, origin: string) =>
  fetch(url, {
    method: "OPTIONS",
    headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "content-type" },
  });

const postTypename = (url: string, origin: string, contentType = "application/json") =>
  fetch(url, { method: "POST", headers: { origin, "content-type": contentType }, body: JSON.stringify({ query: "{ __typename }" }) });

const corsHeaders = (response: Response) => [...response.headers.keys()].filter((name) => name.startsWith("access-control-"));
const vary = (response: Response) => (response.headers.get("vary") ?? "").toLowerCase().split(/\s*,\s*/);

describe("CORS_ORIGINS", () => {
  it("defaults to any page on this machine in development and to none in production", () => {
    expect(loadConfig({}).corsOrigins).toBe("localhost");
    expect(loadConfig({ NODE_ENV: "production", SUBGRAPH_SECRET: "a".repeat(16) }).corsOrigins).toEqual([]);
  });

  it("takes a comma-separated list of origins, * alone, or nothing", () => {
    expect(loadConfig({ CORS_ORIGINS: `${APP}, ${VITE_DEV}` }).corsOrigins).toEqual([APP, VITE_DEV]);
    expect(loadConfig({ NODE_ENV: "production", CORS_ORIGINS: "*" }).corsOrigins).toBe("*");
    expect(loadConfig({ CORS_ORIGINS: "" }).corsOrigins).toEqual([]);
  });

  it("refuses every entry that is not an origin as a browser sends it, naming each at once", () => {
    const problems = (() => {
      try {
        loadConfig({ CORS_ORIGINS: "app.example.org,https://app.example.org/,https://App.example.org:443,ftp://files.example.org,https://ok.example.org" });
      } catch (error) {
        return error instanceof ConfigError ? error.problems : [];
      }
      return [];
    })();
    expect(problems).toEqual([
      'CORS_ORIGINS: "app.example.org" is not an origin (http[s]://host[:port], e.g. https://app.example.org)',
      'CORS_ORIGINS: "https://app.example.org/" is not an origin as a browser sends it: write https://app.example.org',
      'CORS_ORIGINS: "https://App.example.org:443" is not an origin as a browser sends it: write https://app.example.org',
      'CORS_ORIGINS: "ftp://files.example.org" is not an origin (http[s]://host[:port], e.g. https://app.example.org)',
    ]);
  });

  it("refuses * mixed with origins", () => {
    expect(() => loadConfig({ CORS_ORIGINS: `*,${APP}` })).toThrow("CORS_ORIGINS: * allows every origin: give it alone or list the origins");
  });
});

describe("the gateway's CORS answers", () => {
  const gateways: RunningServer[] = [];
  let development: string;
  let configured: string;
  let productionDefault: string;
  let anyOrigin: string;
  // The subgraphs are never called: CORS is settled before the gateway plans anything.
  const nowhere = "http://127.0.0.1:9/graphql";
  const startGateway = async (isProduction: boolean, corsOrigins?: CorsOrigins) => {
    const server = createGatewayServer({
      supergraphSdl: readSupergraph(),
      subgraphUrls: forEverySubgraph(nowhere),
      isProduction,
      corsOrigins,
      subgraphSecret: "s".repeat(24),
    });
    const running = await server.listen(0, "127.0.0.1");
    gateways.push(running);
    return running.url;
  };

  beforeAll(async () => {
    development = await startGateway(false);
    configured = await startGateway(true, [APP]);
    productionDefault = await startGateway(true);
    anyOrigin = await startGateway(true, "*");
  });
  afterAll(async () => {
    for (const gateway of gateways) await gateway.stop();
  });

  it("answers a preflight from an allowed origin with 204, the origin, the methods and the headers a client sends", async () => {
    const response = await preflight(configured, APP);
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe(APP);
    expect(response.headers.get("access-control-allow-methods")).toBe("GET,POST");
    const allowedHeaders = response.headers.get("access-control-allow-headers")!.split(",");
    expect(allowedHeaders).toEqual(CORS_ALLOWED_HEADERS);
    expect(allowedHeaders).toEqual(
      expect.arrayContaining(["content-type", "authorization", "apollo-require-preflight", "x-request-id", "apollographql-client-name"]),
    );
    expect(response.headers.get("access-control-max-age")).toBe("7200");
    expect(vary(response)).toContain("origin");
  });

  it("marks the answer to an allowed origin's POST with that origin and Vary: Origin, and lets the page read x-request-id", async () => {
    const response = await postTypename(configured, APP);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { __typename: "Query" } });
    expect(response.headers.get("access-control-allow-origin")).toBe(APP);
    expect(response.headers.get("access-control-expose-headers")).toBe("x-request-id");
    expect(vary(response)).toContain("origin");
  });

  it("gives an origin not allowed no CORS headers at all, on the preflight and on the answer", async () => {
    const refusedPreflight = await preflight(configured, ELSEWHERE);
    expect(refusedPreflight.status).toBe(204);
    expect(corsHeaders(refusedPreflight)).toEqual([]);
    expect(vary(refusedPreflight)).toContain("origin");
    const answer = await postTypename(configured, ELSEWHERE);
    expect(corsHeaders(answer)).toEqual([]);
    expect(vary(answer)).toContain("origin");
  });

  it("allows any page on this machine in development, and nothing else", async () => {
    for (const origin of [VITE_DEV, LOOPBACK_PAGE, "https://localhost", "http://[::1]:3000"]) {
      const response = await preflight(development, origin);
      expect({ origin, status: response.status, allowed: response.headers.get("access-control-allow-origin") }).toEqual({
        origin,
        status: 204,
        allowed: origin,
      });
      expect((await postTypename(development, origin)).headers.get("access-control-allow-origin")).toBe(origin);
    }
    for (const origin of [APP, "http://localhost.example.net", "null"]) {
      expect(corsHeaders(await preflight(development, origin))).toEqual([]);
    }
  });

  it("allows no origin in production unless configured, not even this machine's", async () => {
    for (const origin of [VITE_DEV, APP]) {
      expect(corsHeaders(await preflight(productionDefault, origin))).toEqual([]);
      expect(corsHeaders(await postTypename(productionDefault, origin))).toEqual([]);
    }
    expect(corsHeaders(await preflight(configured, VITE_DEV))).toEqual([]);
  });

  it("answers every origin with * when CORS_ORIGINS is *", async () => {
    const response = await preflight(anyOrigin, ELSEWHERE);
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect((await postTypename(anyOrigin, ELSEWHERE)).headers.get("access-control-allow-origin")).toBe("*");
  });

  it("still refuses, from an allowed origin, the simple requests a browser sends without a preflight (CSRF)", async () => {
    const textPost = await postTypename(configured, APP, "text/plain");
    expect(textPost.status).toBe(400);
    expect(await textPost.text()).toContain("This operation has been blocked as a potential Cross-Site Request Forgery");
    const simpleGet = await fetch(`${configured}?query=${encodeURIComponent("{ __typename }")}`, { headers: { origin: APP } });
    expect(simpleGet.status).toBe(400);
  });

  it("answers a preflight on /graphql too, and no CORS on /graphiql or /health", async () => {
    const graphqlPath = new URL("/graphql", development).href;
    expect((await preflight(graphqlPath, VITE_DEV)).headers.get("access-control-allow-origin")).toBe(VITE_DEV);
    for (const path of ["/health", "/graphiql"]) {
      const response = await fetch(new URL(path, development), { headers: { origin: VITE_DEV } });
      expect({ path, status: response.status, cors: corsHeaders(response) }).toEqual({ path, status: 200, cors: [] });
    }
  });
});

describe("a subgraph, private, in development", () => {
  let database: DatabaseHandle;
  let subgraph: RunningServer;
  beforeAll(async () => {
    database = await openPglite(undefined);
    subgraph = await (await createSubgraphServer(subgraphNamed("actors"), database.db, { isProduction: false })).listen(0, "127.0.0.1");
  });
  afterAll(async () => {
    await subgraph?.stop();
    await database?.close();
  });

  it("answers no browser: no CORS headers for a page on this machine", async () => {
    expect(corsHeaders(await preflight(subgraph.url, VITE_DEV))).toEqual([]);
    expect(corsHeaders(await postTypename(subgraph.url, VITE_DEV))).toEqual([]);
  });
});

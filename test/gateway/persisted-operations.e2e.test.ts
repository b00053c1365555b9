// Persisted operations through the gateway, with Apollo Client's own persisted-query link:
// automatic persisted queries by default, and with PERSISTED_OPERATIONS_SAFELIST on, only the
// operations in the committed manifest run. The gateway's behaviour does not depend on the
// database, so this runs on PGlite only.
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ApolloClient, HttpLink, InMemoryCache, gql } from "@apollo/client";
import { PersistedQueryLink } from "@apollo/client/link/persisted-queries";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ClaimsViewDocument, SeedStoryDocument } from "../../clients/generated/graphql.js";
import { buildManifest, printManifest, safelistedOperations } from "../../clients/persisted-manifest.js";
import { loadSeed } from "../../ingest/seed/load-seed.js";
import { readExamples } from "../../platform/metrics/example-operations.js";
import { NOT_IN_LIST_CODE, PERSISTED_OPERATIONS_PATH, readManifest } from "../../gateway/persisted-operations.js";
import { createGatewayServer } from "../../gateway/server.js";
import { readSupergraph } from "../../gateway/supergraph.js";
import type { RunningServer } from "../../platform/http/http-server.js";
import { ConfigError } from "../../platform/config/config.js";
import { loadConfig } from "../../services/config.js";
import { BACKENDS, type TestDatabase } from "../../scripts/harness/backends.js";
import { type RunningGraph, startGraph } from "../support/graph.js";
import { forEverySubgraph } from "../../services/registry.js";

const SEED_CLAIM = "155 Chinese citizens fight for Russia in Ukraine";
const UNLISTED = "query Unlisted { actors(first: 1) { totalCount } }";
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** An Apollo Client with the persisted-query link, and the request bodies it sent. */
function apolloClient(url: string) {
  const sent: { query?: string; extensions?: { persistedQuery?: { sha256Hash: string } } }[] = [];
  const http = new HttpLink({
    uri: url,
    fetch: async (input, init) => {
      sent.push(JSON.parse(String(init?.body)));
      return fetch(input, init);
    },
  });
  const client = new ApolloClient({ cache: new InMemoryCache(), link: new PersistedQueryLink({ sha256 }).concat(http) });
  return { sent, query: <TData>(query: TypedDocumentNode<TData, any>) => client.query<TData>({ query, fetchPolicy: "network-only" }) };
}

async function post(url: string, body: unknown) {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  return { status: response.status, ...((await response.json()) as { data?: any; errors?: { message: string; extensions?: { code?: string } }[] }) };
}

describe("persisted operations through the gateway", () => {
  let database: TestDatabase;
  let graph: RunningGraph;
  let safelisted: RunningServer;
  beforeAll(async () => {
    database = await BACKENDS[0].create();
    const { handle } = database;
    await loadSeed(forEverySubgraph(handle));
    graph = await startGraph(handle);
    // A second gateway in front of the same subgraphs, locked down as in production.
    safelisted = await createGatewayServer({
      supergraphSdl: readSupergraph(),
      subgraphUrls: graph.subgraphUrls,
      isProduction: true,
      subgraphSecret: graph.subgraphSecret,
      persistedOperations: { safelist: true },
    }).listen(0, "127.0.0.1");
  });
  afterAll(async () => {
    await safelisted?.stop();
    await graph?.stop();
    await database?.dispose();
  });

  describe("automatic persisted queries (the default)", () => {
    it("Apollo Client sends the hash, registers the body when it is unknown, then the hash alone is enough", async () => {
      const first = apolloClient(graph.gatewayUrl);
      expect((await first.query(SeedStoryDocument)).data?.claim?.text).toBe(SEED_CLAIM);
      expect(first.sent.map((body) => [body.query !== undefined, body.extensions?.persistedQuery !== undefined])).toEqual([
        [false, true],
        [true, true],
      ]);

      const second = apolloClient(graph.gatewayUrl);
      expect((await second.query(SeedStoryDocument)).data?.claim?.text).toBe(SEED_CLAIM);
      expect(second.sent).toEqual([expect.not.objectContaining({ query: expect.anything() })]);
    });

    it("answers an unknown hash alone with PERSISTED_QUERY_NOT_FOUND, and a body whose hash differs with an error", async () => {
      const unknown = await post(graph.gatewayUrl, { extensions: { persistedQuery: { version: 1, sha256Hash: sha256(UNLISTED) } } });
      expect(unknown.errors?.[0].extensions?.code).toBe("PERSISTED_QUERY_NOT_FOUND");
      const mismatched = await post(graph.gatewayUrl, {
        query: UNLISTED,
        extensions: { persistedQuery: { version: 1, sha256Hash: sha256("something else") } },
      });
      expect(mismatched.status).toBe(400);
      expect(mismatched.errors?.[0].extensions?.code).toBe("PERSISTED_QUERY_HASH_MISMATCH");
    });
  });

  describe("safelist mode (PERSISTED_OPERATIONS_SAFELIST=true)", () => {
    it("runs a listed operation from its ID alone: Apollo Client's hash is the manifest's ID", async () => {
      const client = apolloClient(safelisted.url);
      expect((await client.query(SeedStoryDocument)).data?.claim?.text).toBe(SEED_CLAIM);
      expect(client.sent).toHaveLength(1);
      expect(client.sent[0].query).toBeUndefined();
      const seedStory = readManifest().operations.find((operation) => operation.name === "SeedStory")!;
      expect(client.sent[0].extensions?.persistedQuery?.sha256Hash).toBe(seedStory.id);
    });

    it("runs a listed operation sent as its body, as written in examples/ or as the manifest has it", async () => {
      const claimsView = readExamples().find((example) => example.name === "ClaimsView")!;
      const asWritten = await post(safelisted.url, { query: claimsView.source });
      expect(asWritten.errors).toBeUndefined();
      expect(asWritten.data.actor.claimsAbout.edges[0].node.text).toBe(SEED_CLAIM);
      const manifestBody = readManifest().operations.find((operation) => operation.name === "ClaimsView")!.body;
      expect((await post(safelisted.url, { query: manifestBody })).errors).toBeUndefined();
      expect((await apolloClient(safelisted.url).query(ClaimsViewDocument)).data?.actor?.name).toBeTruthy();
    });

    it("refuses any other operation with PERSISTED_QUERY_NOT_IN_LIST, by body and by APQ registration", async () => {
      const refused = await post(safelisted.url, { query: UNLISTED });
      expect(refused.status).toBe(400);
      expect(refused.data).toBeUndefined();
      expect(refused.errors).toEqual([
        expect.objectContaining({
          message:
            "Operation Unlisted is not in this gateway's persisted operation list; with PERSISTED_OPERATIONS_SAFELIST on, only the operations listed there run.",
          extensions: { code: NOT_IN_LIST_CODE },
        }),
      ]);

      // Apollo Client: the ID is unknown, so it sends the body to register it, which is refused.
      const client = apolloClient(safelisted.url);
      await expect(client.query(gql(UNLISTED))).rejects.toThrow(/not in this gateway's persisted operation list/);
      expect(client.sent).toHaveLength(2);
      const hash = client.sent[0].extensions!.persistedQuery!.sha256Hash;
      const afterwards = await post(safelisted.url, { extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });
      expect(afterwards.errors?.[0].extensions?.code).toBe("PERSISTED_QUERY_NOT_FOUND");
    });
  });

  it("a production gateway serves no explorer: /graphiql, like Sandbox, needs introspection", async () => {
    const response = await fetch(new URL("/graphiql", safelisted.url), { headers: { accept: "text/html" } });
    expect(await response.text()).not.toContain("GraphiQL");
  });

  describe("the manifest", () => {
    it("gateway/persisted-operations.json is what `npm run persisted:manifest` writes now", () => {
      expect(readFileSync(PERSISTED_OPERATIONS_PATH, "utf8")).toBe(printManifest(buildManifest(safelistedOperations())));
      expect(readManifest().operations.map((operation) => operation.name)).toEqual(safelistedOperations().map((example) => example.name));
    });

    it("is refused at start when an ID is not its body's hash, naming the file and the entry", () => {
      const manifest = buildManifest(readExamples());
      manifest.operations[1].body += " ";
      const path = join(mkdtempSync(join(tmpdir(), "meridian-manifest-")), "manifest.json");
      writeFileSync(path, printManifest(manifest));
      expect(() => readManifest(path)).toThrow(`${path}: invalid persisted operation manifest:\n  - operations.1.id: is not the SHA-256 of operations.1.body`);
    });

    it("is switched on by PERSISTED_OPERATIONS_SAFELIST; a bad value stops the process naming it", () => {
      expect(loadConfig({ PERSISTED_OPERATIONS_SAFELIST: "true" }).persistedOperations).toEqual({ safelist: true, manifestPath: undefined });
      expect(loadConfig({}).persistedOperations.safelist).toBe(false);
      expect(() => loadConfig({ PERSISTED_OPERATIONS_SAFELIST: "yes" })).toThrow(ConfigError);
      expect(() => loadConfig({ PERSISTED_OPERATIONS_SAFELIST: "yes" })).toThrow(/PERSISTED_OPERATIONS_SAFELIST/);
    });
  });
});

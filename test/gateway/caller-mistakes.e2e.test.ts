// Mistakes in how a request names its operation are the caller's: HTTP 400 with a message that
// says what is wrong, in production too, never a 500 or "Internal server error". The answers
// come before any database is asked, so this runs on PGlite only.
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SUBGRAPH_SECRET_HEADER } from "../../platform/http/subgraph-secret.js";
import { BACKENDS, type TestDatabase } from "../../scripts/harness/backends.js";
import { type RunningGraph, startGraph } from "../support/graph.js";

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const TWO_OPERATIONS = "query First { __typename } query Second { __typename }";

interface Answer {
  status: number;
  errors?: { message: string; extensions?: { code?: string } }[];
  data?: unknown;
}

async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
  return { status: response.status, ...((await response.json()) as object) };
}

describe("the caller's mistakes in production", () => {
  let database: TestDatabase;
  let graph: RunningGraph;
  beforeAll(async () => {
    database = await BACKENDS[0]!.create();
    graph = await startGraph(database.handle, { isProduction: true });
  });
  afterAll(async () => {
    await graph?.stop();
    await database?.dispose();
  });

  it("an operationName that names no operation gets 400 naming it and the operations there are, at the gateway and a subgraph", async () => {
    const subgraph = (body: unknown) => post(graph.subgraphUrls.actors, body, { [SUBGRAPH_SECRET_HEADER]: graph.subgraphSecret });
    for (const send of [(body: unknown) => post(graph.gatewayUrl, body), subgraph]) {
      const answer = await send({ query: TWO_OPERATIONS, operationName: "Third" });
      expect(answer.status).toBe(400);
      expect(answer.errors?.[0]?.extensions?.code).toBe("OPERATION_RESOLUTION_FAILURE");
      expect(answer.errors?.[0]?.message).toBe('operationName "Third" names no operation in the document. The document holds First, Second.');
      expect(answer).not.toHaveProperty("data");
    }
  });

  it("a document of several operations without an operationName gets 400 asking for one", async () => {
    const answer = await post(graph.gatewayUrl, { query: TWO_OPERATIONS });
    expect(answer.status).toBe(400);
    expect(answer.errors?.[0]?.extensions?.code).toBe("OPERATION_RESOLUTION_FAILURE");
    expect(answer.errors?.[0]?.message).toContain("say which to run with operationName");
    expect((await post(graph.gatewayUrl, { query: TWO_OPERATIONS, operationName: "Second" })).data).toEqual({ __typename: "Query" });
  });

  it("a persisted-query hash that is not the query's gets 400 PERSISTED_QUERY_HASH_MISMATCH saying so, by POST and GET", async () => {
    const query = "query Hashed { __typename }";
    const extensions = { persistedQuery: { version: 1, sha256Hash: sha256("something else") } };
    const posted = await post(graph.gatewayUrl, { query, extensions });
    const response = await fetch(`${graph.gatewayUrl}?query=${encodeURIComponent(query)}&extensions=${encodeURIComponent(JSON.stringify(extensions))}`, {
      headers: { "apollo-require-preflight": "true" },
    });
    const got: Answer = { status: response.status, ...((await response.json()) as object) };
    for (const answer of [posted, got]) {
      expect(answer.status).toBe(400);
      expect(answer.errors?.[0]?.extensions?.code).toBe("PERSISTED_QUERY_HASH_MISMATCH");
      expect(answer.errors?.[0]?.message).toContain(`but the SHA-256 of the query sent with it is ${sha256(query)}`);
    }
    // The right hash registers the query, and then the hash alone runs it.
    expect((await post(graph.gatewayUrl, { query, extensions: { persistedQuery: { version: 1, sha256Hash: sha256(query) } } })).data).toEqual({
      __typename: "Query",
    });
    expect((await post(graph.gatewayUrl, { extensions: { persistedQuery: { version: 1, sha256Hash: sha256(query) } } })).data).toEqual({ __typename: "Query" });
  });
});

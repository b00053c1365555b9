// The request ID a caller may choose: a short one of letters, digits, "-" and "_" is kept
// (and returned, logged and passed to the subgraphs); anything else is replaced by a UUID, on
// every server whether it logs or not. Nothing here asks the database or a subgraph.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGatewayServer } from "../../gateway/server.js";
import { readSupergraph } from "../../gateway/supergraph.js";
import type { RunningServer } from "../../platform/http/http-server.js";
import { forEverySubgraph } from "../../services/registry.js";

const NOWHERE = "http://127.0.0.1:9/graphql";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe("the x-request-id a caller sends", () => {
  let gateway: RunningServer;
  beforeAll(async () => {
    gateway = await createGatewayServer({ supergraphSdl: readSupergraph(), subgraphUrls: forEverySubgraph(NOWHERE), isProduction: false }).listen(
      0,
      "127.0.0.1",
    );
  });
  afterAll(async () => {
    await gateway?.stop();
  });

  async function idGiven(requestId?: string): Promise<string | null> {
    const response = await fetch(gateway.url, {
      method: "POST",
      headers: { "content-type": "application/json", ...(requestId === undefined ? {} : { "x-request-id": requestId }) },
      body: JSON.stringify({ query: "{ __typename }" }),
    });
    expect(await response.json()).toEqual({ data: { __typename: "Query" } });
    return response.headers.get("x-request-id");
  }

  it.each(["front-end-request-42", "0190b5a2-7c1e-7d3f-8a4b-2f6c9e1d3a5b", "01ARZ3NDEKTSV4RRFFQ69G5FAV", "4bf92f3577b34da6a3ce929d0e0e4736", "a".repeat(64)])(
    "keeps %s",
    async (requestId) => {
      expect(await idGiven(requestId)).toBe(requestId);
    },
  );

  it.each([
    ["a 65-character ID", "a".repeat(65)],
    ["a 128-character ID", "b".repeat(128)],
    ["dots and colons", "../../etc:passwd"],
    ["spaces", "a b"],
    ["quotes and braces", '"}{"level":"fatal'],
    ["a leading dash", "-rf"],
  ])("replaces %s with a UUID", async (_what, requestId) => {
    expect(await idGiven(requestId)).toMatch(UUID);
  });

  it("makes one up when none is sent, though the server writes no log", async () => {
    expect(await idGiven()).toMatch(UUID);
  });
});

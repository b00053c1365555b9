// An internal error in production, on both backends: a table is dropped under a running graph,
// the client gets "Internal server error" with the request ID to quote and nothing of the
// cause, and the log holds the cause (message, stack, request ID, operation, subgraph) in the
// subgraph's line and the failed subgraph's name in the gateway's line.
import { Writable } from "node:stream";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSeed } from "../../ingest/seed/load-seed.js";
import { createLogger } from "../../platform/logging/logger.js";
import { BACKENDS, type TestDatabase } from "../../scripts/harness/backends.js";
import { type GraphQLResponse, type RunningGraph, startGraph } from "../support/graph.js";
import { forEverySubgraph } from "../../services/registry.js";

const CLAIMS = "query ClaimsPage { claims(first: 1) { totalCount edges { node { id text } } } }";

describe.each(BACKENDS)("internal errors in production, on $name", (backend) => {
  let database: TestDatabase;
  let graph: RunningGraph;
  const lines: Record<string, any>[] = [];
  const logOutput = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString("utf8").split("\n").filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });

  beforeAll(async () => {
    database = await backend.create();
    const handle = database.handle;
    await loadSeed(forEverySubgraph(handle));
    graph = await startGraph(handle, { isProduction: true, logger: createLogger("meridian", "info", logOutput) });
  });
  afterAll(async () => {
    await graph?.stop();
    await database?.dispose();
  });

  const ask = async (requestId: string): Promise<GraphQLResponse> => {
    const response = await fetch(graph.gatewayUrl, {
      method: "POST",
      headers: { "content-type": "application/json", "x-request-id": requestId },
      body: JSON.stringify({ query: CLAIMS }),
    });
    return (await response.json()) as GraphQLResponse;
  };
  const errorLines = (requestId: string) => lines.filter((line) => line.requestId === requestId && line.msg === "internal error");

  it("answers normally and logs no error while the table is there", async () => {
    const answer = await ask("before-the-fault");
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.claims.totalCount).toBeGreaterThan(0);
    expect(errorLines("before-the-fault")).toEqual([]);
  });

  it("masks the error to the client with the request ID, and logs its cause with the request, operation and subgraph", async () => {
    // An honest fault: the claims table is gone from under the statements subgraph.
    await database.handle.db.execute(sql.raw("drop table statements.claims cascade"));
    const answer = await ask("claims-without-a-table");

    expect(answer.errors).toEqual([
      { message: "Internal server error", path: ["claims"], extensions: { code: "INTERNAL_SERVER_ERROR", requestId: "claims-without-a-table" } },
    ]);
    expect(JSON.stringify(answer)).not.toMatch(/claims"? does not exist|select|statements\./);

    await expect.poll(() => errorLines("claims-without-a-table").length).toBe(2);
    const subgraph = errorLines("claims-without-a-table").find((line) => line.service === "statements")!;
    expect(subgraph).toMatchObject({
      level: 50,
      subgraph: "statements",
      // The gateway names the operation it sends a subgraph after the client's.
      operationName: "ClaimsPage__statements__0",
      path: "claims",
      err: { message: expect.stringMatching(/relation "statements\.claims" does not exist/), stack: expect.stringMatching(/\n\s+at /) },
    });
    const gateway = errorLines("claims-without-a-table").find((line) => line.service === "gateway")!;
    expect(gateway).toMatchObject({ level: 50, subgraph: "statements", operationName: "ClaimsPage", path: "claims" });
  });
});

// One JSON log line per request, on stdout of a real `npm start`: the gateway's line and the
// subgraphs' lines share the request ID, and no secret, API key or variable value is logged.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type MeridianProcess, freePort, startProcess } from "../../scripts/harness/processes.js";

const SUBGRAPH_SECRET = "subgraph-secret-that-must-not-be-logged";
const API_KEY = "Bearer api-key-that-must-not-be-logged";
const VARIABLE_VALUE = "meridian:volodymyr-zelensky";
const OPERATION = `query WhoSaidWhat($id: ID!) { actor(id: $id) { name statements(first: 1) { totalCount } } }`;

describe("request logs", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "meridian-logs-"));
  let meridian: MeridianProcess;
  let gatewayUrl: string;
  beforeAll(async () => {
    const ports = { GATEWAY_PORT: await freePort(), ACTORS_PORT: await freePort(), STATEMENTS_PORT: await freePort(), INCIDENTS_PORT: await freePort() };
    meridian = startProcess("scripts/start.ts", {
      ...Object.fromEntries(Object.entries(ports).map(([name, port]) => [name, String(port)])),
      PGLITE_DATA_DIR: dataDir,
      SUBGRAPH_SECRET,
    });
    await meridian.waitForLine((line) => line.includes("Meridian is up"));
    gatewayUrl = `http://127.0.0.1:${ports.GATEWAY_PORT}/graphql`;
  });
  afterAll(async () => {
    await meridian?.kill();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const ask = (headers: Record<string, string>) =>
    fetch(gatewayUrl, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: API_KEY, ...headers },
      body: JSON.stringify({ query: OPERATION, variables: { id: VARIABLE_VALUE } }),
    });
  const linesOf = async (requestId: string, count: number) => {
    await meridian.waitForLine(() => meridian.logs().filter((log) => log.requestId === requestId).length >= count);
    return meridian.logs().filter((log) => log.requestId === requestId);
  };

  it("logs the gateway's request and each subgraph request it caused under the caller's request ID", async () => {
    const response = await ask({ "x-request-id": "front-end-request-42" });
    expect(((await response.json()) as any).data.actor.name).toBe("Volodymyr Zelensky");
    expect(response.headers.get("x-request-id")).toBe("front-end-request-42");

    const lines = await linesOf("front-end-request-42", 3);
    const gateway = lines.find((line) => line.service === "gateway");
    expect(gateway).toMatchObject({
      msg: "request",
      method: "POST",
      path: "/graphql",
      operationName: "WhoSaidWhat",
      status: 200,
      durationMs: expect.any(Number),
    });
    expect(lines.map((line) => line.service).sort()).toEqual(["actors", "gateway", "statements"]);
    for (const line of lines) expect(line.status).toBe(200);
  });

  it("makes up a request ID when the caller sends none, or one unfit for a log", async () => {
    for (const given of [undefined, "a\u00e9 b"]) {
      const response = await ask(given === undefined ? {} : { "x-request-id": given });
      const requestId = response.headers.get("x-request-id")!;
      expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect((await linesOf(requestId, 3)).length).toBe(3);
    }
  });

  it("notes the codes of GraphQL errors, which come with HTTP 200 when data is partial", async () => {
    await fetch(gatewayUrl, {
      method: "POST",
      headers: { "content-type": "application/json", "x-request-id": "bad-operation" },
      body: JSON.stringify({ query: "query Broken { actors { noSuchField } }" }),
    });
    const [line] = await linesOf("bad-operation", 1);
    expect(line).toMatchObject({ operationName: "Broken", errorCodes: ["GRAPHQL_VALIDATION_FAILED"] });
  });

  it("logs the response cache's data-version reads at debug level, as it does probes, not a line per read", async () => {
    // Anonymous: the cache keys answers by role, and passes a key it does not know to Apollo.
    const askAnonymously = (requestId: string) =>
      fetch(gatewayUrl, {
        method: "POST",
        headers: { "content-type": "application/json", "x-request-id": requestId },
        body: JSON.stringify({ query: OPERATION, variables: { id: VARIABLE_VALUE } }),
      });
    const first = await askAnonymously("cached-read-1");
    // The cache read the subgraphs' versions to say miss or hit.
    expect(first.headers.get("meridian-response-cache")).toMatch(/^(miss|hit)$/);
    const second = await askAnonymously("cached-read-2");
    expect(second.headers.get("meridian-response-cache")).toBe("hit");
    await linesOf("cached-read-2", 1);
    expect(meridian.logs().filter((line) => line.path === "/data-version")).toEqual([]);
  });

  it("never logs the subgraph secret, the API key or variable values", async () => {
    await ask({ "x-request-id": "look-for-leaks" });
    await linesOf("look-for-leaks", 3);
    const output = meridian.lines.join("\n");
    expect(output).not.toContain(SUBGRAPH_SECRET);
    expect(output).not.toContain("api-key-that-must-not-be-logged");
    expect(output).not.toContain(VARIABLE_VALUE);
  });
});

// The gateway's read of the subgraphs' data versions (gateway/data-versions.ts), against HTTP
// servers that answer as a subgraph does, or fail to: a version read that does not come in
// time sends the request past the response cache rather than making it wait.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { subgraphDataVersions, versionsText } from "../../gateway/data-versions.js";
import { DATA_VERSION_PATH } from "../../platform/http/data-version-path.js";
import { SUBGRAPH_SECRET_HEADER } from "../../platform/http/subgraph-secret.js";

type Behaviour = (request: http.IncomingMessage, response: http.ServerResponse) => void;

const servers: http.Server[] = [];

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** A server that answers every request with `behaviour`; its URL as a subgraph's GraphQL URL. */
async function subgraph(behaviour: Behaviour): Promise<string> {
  const server = http.createServer(behaviour);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
}

const answering =
  (version: string): Behaviour =>
  (request, response) => {
    if (request.url !== DATA_VERSION_PATH) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ version }));
  };

const TIMEOUT_MS = 150;

describe("subgraphDataVersions", () => {
  it("reads every subgraph's version, with the subgraph secret", async () => {
    const secrets: (string | undefined)[] = [];
    const statements = await subgraph((request, response) => {
      secrets.push(request.headers[SUBGRAPH_SECRET_HEADER] as string | undefined);
      answering("9:9:")(request, response);
    });
    const actors = await subgraph(answering("5:7:5"));
    const versions = subgraphDataVersions({ statements, actors }, { timeoutMs: TIMEOUT_MS, subgraphSecret: "the-secret" });
    expect(await versions(performance.now())).toEqual({ actors: "5:7:5", statements: "9:9:" });
    expect(secrets).toEqual(["the-secret"]);
  });

  it("reads only the subgraphs named, and none for an operation that asks none", async () => {
    const asked: string[] = [];
    const counting = (name: string, version: string) =>
      subgraph((request, response) => {
        asked.push(name);
        answering(version)(request, response);
      });
    const failing = new Set<string>();
    const versions = subgraphDataVersions(
      { actors: await counting("actors", "1:1:"), incidents: await counting("incidents", "2:2:"), statements: await subgraph(() => {}) },
      { timeoutMs: TIMEOUT_MS, isFailing: (name) => failing.has(name) },
    );
    // The statements subgraph never answers, but is not asked.
    expect(await versions(performance.now(), ["incidents"])).toEqual({ incidents: "2:2:" });
    const both = await versions(performance.now(), ["incidents", "actors", "incidents"]);
    expect(both).toEqual({ actors: "1:1:", incidents: "2:2:" });
    // A cache key holds them in the order of their names, whatever the order asked.
    expect(versionsText(both!, ["incidents", "actors"])).toBe("actors=1:1:;incidents=2:2:");
    expect(await versions(performance.now(), [])).toEqual({});
    expect(asked.sort()).toEqual(["actors", "incidents", "incidents"]);
    // A subgraph whose breaker is open, or one not known, says nothing for the operations that ask it.
    failing.add("actors");
    expect(await versions(performance.now(), ["actors", "incidents"])).toBeUndefined();
    expect(await versions(performance.now(), ["incidents"])).toEqual({ incidents: "2:2:" });
    expect(await versions(performance.now(), ["places"])).toBeUndefined();
  });

  it.each<[string, Behaviour]>([
    ["never answers", () => {}],
    [
      "sends its headers and never the body",
      (_request, response) => {
        response.writeHead(200, { "content-type": "application/json" });
        response.write('{"version":');
      },
    ],
    ["answers 500", (_request, response) => response.writeHead(500).end("{}")],
  ])("says nothing (undefined) in about its deadline when a subgraph %s", async (_case, behaviour) => {
    const versions = subgraphDataVersions({ actors: await subgraph(answering("1:1:")), incidents: await subgraph(behaviour) }, { timeoutMs: TIMEOUT_MS });
    const startedAt = performance.now();
    expect(await versions(performance.now())).toBeUndefined();
    // One deadline for the answer and one for the body at most, not a wait without end.
    expect(performance.now() - startedAt).toBeLessThan(TIMEOUT_MS * 2 + 1_000);
  });

  it("tells how each read ended: ok, an HTTP error, a timeout, or no answer at all", async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const closedUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/graphql`;
    await new Promise((resolve) => closed.close(resolve));
    const outcomes: string[] = [];
    const versions = subgraphDataVersions(
      {
        actors: await subgraph(answering("1:1:")),
        incidents: await subgraph((_request, response) => response.writeHead(503).end("{}")),
        places: closedUrl,
        statements: await subgraph(() => {}),
      },
      { timeoutMs: TIMEOUT_MS, observe: (name, outcome) => outcomes.push(`${name} ${outcome}`) },
    );
    expect(await versions(performance.now())).toBeUndefined();
    expect(outcomes.sort()).toEqual(["actors ok", "incidents http_error", "places unreachable", "statements timeout"]);
  });

  it("shares a read among the requests that arrived before it started, never one that started before they arrived", async () => {
    let reads = 0;
    const url = await subgraph((request, response) => {
      reads += 1;
      setTimeout(() => answering(String(reads))(request, response), 50);
    });
    const versions = subgraphDataVersions({ actors: url }, { timeoutMs: 1_000 });
    const first = versions(performance.now());
    // Arrived while the first read runs: they wait for the next one, and share it.
    await new Promise((resolve) => setTimeout(resolve, 10));
    const [second, third] = [versions(performance.now()), versions(performance.now())];
    expect(await first).toEqual({ actors: "1" });
    expect(await second).toEqual({ actors: "2" });
    expect(await third).toEqual({ actors: "2" });
    expect(reads).toBe(2);
  });
});

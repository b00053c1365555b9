// The gateway's HTTP client for subgraphs (gateway/subgraph-fetcher.ts) answers as the Fetcher
// API @apollo/gateway reads: status, headers and body as the subgraph sent them, and errors
// that name the subgraph and what went wrong.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSubgraphFetcher } from "../../gateway/subgraph-fetcher.js";

describe("the gateway's subgraph fetcher", () => {
  let server: http.Server;
  let base: string;
  const received: { method?: string; headers: http.IncomingHttpHeaders; body: string }[] = [];
  beforeAll(async () => {
    server = http.createServer((request, response) => {
      let body = "";
      request.on("data", (chunk: Buffer) => (body += chunk.toString()));
      request.on("end", () => {
        received.push({ method: request.method, headers: request.headers, body });
        if (request.url === "/slow") return void setTimeout(() => response.end("{}"), 2_000);
        const status = request.url === "/down" ? 503 : 200;
        response.writeHead(status, [
          ["content-type", "application/json; charset=utf-8"],
          ["x-changed", "a"],
          ["x-changed", "b"],
        ]);
        response.end(JSON.stringify({ data: { echo: body } }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it("sends the method, headers and body, and reads the answer whole", async () => {
    const fetcher = createSubgraphFetcher("probe", { timeoutMs: 5_000, keepAlive: true });
    const response = await fetcher(`${base}/graphql`, { method: "POST", headers: { "x-subgraph-secret": "s" }, body: '{"query":"{a}"}' });
    expect(received.at(-1)).toMatchObject({ method: "POST", headers: { "x-subgraph-secret": "s" }, body: '{"query":"{a}"}' });
    expect(response).toMatchObject({ ok: true, status: 200, statusText: "OK", url: `${base}/graphql`, bodyUsed: false });
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("x-changed")).toBe("a, b");
    const copy = response.clone();
    expect(await response.json()).toEqual({ data: { echo: '{"query":"{a}"}' } });
    expect(response.bodyUsed).toBe(true);
    expect(await copy.text()).toBe(JSON.stringify({ data: { echo: '{"query":"{a}"}' } }));
  });

  it("gives an error status as the subgraph sent it, for the gateway to report", async () => {
    const observed: string[] = [];
    const fetcher = createSubgraphFetcher("probe", { timeoutMs: 5_000, keepAlive: true, observe: (outcome) => observed.push(outcome) });
    const response = await fetcher(`${base}/down`, { method: "POST", body: "{}" });
    expect(response).toMatchObject({ ok: false, status: 503, statusText: "Service Unavailable" });
    expect(observed).toEqual(["http_error"]);
  });

  it("names the subgraph and the socket's error when nothing listens", async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const fetcher = createSubgraphFetcher("statements", { timeoutMs: 5_000, keepAlive: true });
    await expect(fetcher(`http://127.0.0.1:${port}/graphql`, { method: "POST", body: "{}" })).rejects.toMatchObject({
      message: "the statements subgraph is unreachable (ECONNREFUSED)",
      extensions: { code: "SUBGRAPH_UNAVAILABLE", serviceName: "statements" },
    });
  });

  it("gives up at its deadline with SUBGRAPH_TIMEOUT", async () => {
    const observed: string[] = [];
    const fetcher = createSubgraphFetcher("actors", { timeoutMs: 200, keepAlive: true, observe: (outcome) => observed.push(outcome) });
    await expect(fetcher(`${base}/slow`, { method: "POST", body: "{}" })).rejects.toMatchObject({
      message: "the actors subgraph did not answer within 200 ms",
      extensions: { code: "SUBGRAPH_TIMEOUT" },
    });
    expect(observed).toEqual(["timeout"]);
  });
});

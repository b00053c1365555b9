// The gateway's circuit breaker per subgraph, against a real HTTP server whose answers the
// test sets: what counts as a failure, what an open breaker answers, and that only the probe
// waits while it is half open. Its settings come from the environment.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SubgraphBreakerState, withCircuitBreaker } from "../../gateway/subgraph-circuit-breaker.js";
import { createSubgraphFetcher } from "../../gateway/subgraph-fetcher.js";
import { loadConfig } from "../../services/config.js";

const COOLDOWN_MS = 300;

describe("SUBGRAPH_BREAKER_FAILURES and SUBGRAPH_BREAKER_COOLDOWN_MS", () => {
  it("default to five failures and five seconds", () => {
    expect(loadConfig({}).subgraphBreaker).toEqual({ consecutiveFailures: 5, cooldownMs: 5_000 });
  });

  it("are read as numbers and refused when not positive, naming the variable", () => {
    expect(loadConfig({ SUBGRAPH_BREAKER_FAILURES: "3", SUBGRAPH_BREAKER_COOLDOWN_MS: "2000" }).subgraphBreaker).toEqual({
      consecutiveFailures: 3,
      cooldownMs: 2_000,
    });
    expect(() => loadConfig({ SUBGRAPH_BREAKER_FAILURES: "0" })).toThrow(/SUBGRAPH_BREAKER_FAILURES/);
    expect(() => loadConfig({ SUBGRAPH_BREAKER_COOLDOWN_MS: "soon" })).toThrow(/SUBGRAPH_BREAKER_COOLDOWN_MS/);
  });
});

describe("a subgraph's circuit breaker", () => {
  // What the server does with the next requests: answer with a status, or never answer.
  let behaviour: { status: number } | "hang" = { status: 200 };
  let received = 0;
  const server = http.createServer((_request, response) => {
    received += 1;
    if (behaviour === "hang") return;
    response.writeHead(behaviour.status, { "content-type": "application/json" }).end('{"data":{}}');
  });
  let url: string;

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  function breakerFetcher(timeoutMs = 5_000) {
    const states: SubgraphBreakerState[] = [];
    const fetcher = withCircuitBreaker("statements", createSubgraphFetcher("statements", { timeoutMs, keepAlive: true }), {
      consecutiveFailures: 2,
      cooldownMs: COOLDOWN_MS,
      onStateChange: (state) => states.push(state),
    });
    const call = () =>
      fetcher(url, { method: "POST", body: "{}" }).then(
        (response) => response.status,
        (error: { extensions?: { code?: string } }) => error.extensions?.code,
      );
    return { call, states };
  }

  it("opens after consecutive 5xx answers and then answers SUBGRAPH_UNAVAILABLE without calling the subgraph", async () => {
    const { call, states } = breakerFetcher();
    behaviour = { status: 503 };
    expect([await call(), await call()]).toEqual([503, 503]);
    const before = received;
    expect(await call()).toBe("SUBGRAPH_UNAVAILABLE");
    expect(received).toBe(before);
    expect(states).toEqual(["open"]);
  });

  it("counts a 4xx answer as an answer, not a failure", async () => {
    const { call, states } = breakerFetcher();
    behaviour = { status: 401 };
    expect([await call(), await call(), await call()]).toEqual([401, 401, 401]);
    expect(states).toEqual([]);
  });

  it("lets one probe through after the cool-down, fails the calls made meanwhile at once, and closes when the probe succeeds", async () => {
    const { call, states } = breakerFetcher(2_000);
    behaviour = "hang";
    expect(await Promise.all([call(), call()])).toEqual(["SUBGRAPH_TIMEOUT", "SUBGRAPH_TIMEOUT"]);
    await sleep(COOLDOWN_MS * 2);
    const probe = call();
    // The probe hangs until the timeout; a call made meanwhile does not wait for it.
    expect(await Promise.race([call(), probe.then(() => "the probe ended first")])).toBe("SUBGRAPH_UNAVAILABLE");
    expect(await probe).toBe("SUBGRAPH_TIMEOUT");
    expect(states).toEqual(["open", "half_open", "open"]);

    behaviour = { status: 200 };
    await sleep(COOLDOWN_MS * 2);
    expect(await call()).toBe(200);
    expect(await call()).toBe(200);
    expect(states).toEqual(["open", "half_open", "open", "half_open", "closed"]);
  });
});

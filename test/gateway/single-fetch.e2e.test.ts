// The gateway's single-fetch pass-through (gateway/single-fetch.ts) answers exactly as Apollo's
// shaping does: two gateways, one passing answers through and one not, in front of subgraphs on
// one seeded database, are sent the same operations (every example, the benchmark's, one per
// root field selecting everything, and ones built to reach aliases, fragments, `__typename`,
// nulls, errors, bad variables and directives), and every answer must be the same text, byte
// for byte: the keys' order is part of the answer. Operations the pass-through must leave to
// Apollo are checked to be shaped, and those it may take to be passed through, on /metrics. Each
// is sent to the passing gateway twice: the first request is Apollo's, which makes its plan.
import "reflect-metadata";
import { describe, expect, it } from "vitest";
import { createGatewayServer } from "../../gateway/server.js";
import { readSupergraph } from "../../gateway/supergraph.js";
import type { RunningServer } from "../../platform/http/http-server.js";
import { freePort } from "../../scripts/harness/processes.js";
import { BACKENDS } from "../../scripts/harness/backends.js";
import { type OperationCase, answerOf, everyKnownOperation, seededTwinGraphs } from "../support/operation-cases.js";
import type { RunningGraph } from "../support/graph.js";

interface Case extends OperationCase {
  /** How the pass-through gateway must make it: unshaped (passed through) or shaped (by Apollo); either when undefined. */
  shaping?: "unshaped" | "shaped";
}

const BUILT: Case[] = [
  {
    name: "aliases, a fragment on the same type and a field asked twice",
    query: `query Page { page: incidents(first: 3) { ...counted edges { node { id } } } }
      fragment counted on IncidentConnection { total: totalCount edges { cursor node { id title type } } }`,
    shaping: "unshaped",
  },
  { name: "__typename below the root", query: `{ incidents(first: 2) { __typename edges { node { __typename id } } } }`, shaping: "unshaped" },
  // The planner answers the root's __typename itself, not in the fetch.
  { name: "__typename at the root", query: `{ __typename incidents(first: 2) { totalCount } }`, shaping: "shaped" },
  { name: "an unknown ID answers null", query: `{ incident(id: "meridian:no-such-incident") { id title } }`, shaping: "unshaped" },
  { name: "an ID that is not one", query: `{ incident(id: "no-such-incident") { id title } }`, shaping: "shaped" },
  {
    name: "variables, one of them left to its default",
    query: `query Page($first: Int = 2, $after: String) { incidents(first: $first, after: $after) { totalCount edges { node { id } } } }`,
    variables: { after: null },
    shaping: "unshaped",
  },
  {
    name: "the named one of two operations",
    query: `query A { actors(first: 1) { totalCount } } query B { incidents(first: 1) { totalCount } }`,
    operationName: "B",
    shaping: "unshaped",
  },
  // Errors: received once, then handed to Apollo to shape and report.
  { name: "a cursor that is not one", query: `{ incidents(first: 2, after: "not-a-cursor") { edges { node { id } } } }`, shaping: "shaped" },
  {
    name: "a variable of the wrong type",
    query: `query ($first: Int!) { incidents(first: $first) { totalCount } }`,
    variables: { first: "many" },
    shaping: "shaped",
  },
  { name: "a variable missing", query: `query ($first: Int!) { incidents(first: $first) { totalCount } }`, shaping: "shaped" },
  { name: "an operation name that names none", query: `query A { incidents(first: 1) { totalCount } }`, operationName: "Z" },
  // The answer's shape depends on variables or data: Apollo's.
  {
    name: "@skip and @include",
    query: `query ($no: Boolean!) { incidents(first: 2) { totalCount @skip(if: $no) edges @include(if: $no) { node { id } } } }`,
    variables: { no: true },
    shaping: "shaped",
  },
  { name: "Sandbox's query plan", query: `{ incidents(first: 1) { totalCount } }`, headers: { "apollo-query-plan-experimental": "1" }, shaping: "shaped" },
  { name: "a mutation", query: `mutation { createActor(input: { name: "", kind: PERSON }) { id } }`, asEditor: true, shaping: "shaped" },
];

describe.each(BACKENDS.slice(0, 1))("the single-fetch pass-through on $name", (backend) => {
  const graphs = seededTwinGraphs(backend, { singleFetchPassthrough: false });
  const answer = answerOf;

  const answersMade = async (graph: RunningGraph) => {
    const metrics = await (await fetch(new URL("/metrics", graph.gatewayUrl))).text();
    const count = (shaping: string) =>
      Number(metrics.match(new RegExp(`meridian_gateway_answers_total\\{shaping="${shaping}",service="gateway"\\} (\\d+)`))?.[1] ?? 0);
    return { unshaped: count("unshaped"), shaped: count("shaped") };
  };

  const passedThrough: string[] = [];
  const cases: Case[] = everyKnownOperation(BUILT);

  it.each(cases.map((one) => [one.name, one] as const))("%s: the same answer", async (_name, one) => {
    const expected = await answer(graphs.b, one);
    // The first request goes through Apollo, which plans the operation; the second may pass through.
    expect(await answer(graphs.a, one)).toEqual(expected);
    const before = await answersMade(graphs.a);
    const actual = await answer(graphs.a, one);
    const after = await answersMade(graphs.a);
    expect(actual).toEqual(expected);
    const made = after.unshaped > before.unshaped ? "unshaped" : "shaped";
    if (one.shaping) expect(made).toBe(one.shaping);
    if (made === "unshaped") passedThrough.push(one.name);
  });

  it("passed a good part of them through, so the comparison compared something", () => {
    expect(passedThrough.length).toBeGreaterThan(cases.length * 0.3);
    expect(passedThrough.filter((name) => name.startsWith("example "))).not.toEqual([]);
    expect(passedThrough.filter((name) => name.startsWith("bench "))).not.toEqual([]);
  });

  it("a shaping gateway makes every answer itself", async () => {
    expect((await answersMade(graphs.b)).unshaped).toBe(0);
    expect((await answersMade(graphs.b)).shaped).toBe(0);
  });

  it("hands a failed fetch to Apollo, which reports it as usual, and fetches once", async () => {
    // Two gateways, passing and not, whose incidents subgraph is unreachable.
    const unreachable = `http://127.0.0.1:${await freePort()}/graphql`;
    const gatewayWith = (singleFetchPassthrough: boolean) =>
      createGatewayServer({
        supergraphSdl: readSupergraph(),
        subgraphUrls: { ...graphs.a.subgraphUrls, incidents: unreachable },
        isProduction: false,
        subgraphSecret: graphs.a.subgraphSecret,
        responseCacheMaxBytes: 0,
        singleFetchPassthrough,
      }).listen(0, "127.0.0.1");
    const gateways: RunningServer[] = [await gatewayWith(true), await gatewayWith(false)];
    try {
      const one: Case = { name: "incidents", query: `query Count { incidents(first: 1) { totalCount } }` };
      const [passingDown, shapingDown] = gateways.map((gateway) => ({ ...graphs.a, gatewayUrl: gateway.url }) as RunningGraph);
      const expected = await answer(shapingDown!, one);
      expect(expected.text).toContain("errors");
      expect(await answer(passingDown!, one)).toEqual(expected);
      const before = await answersMade(passingDown!);
      expect(await answer(passingDown!, one)).toEqual(expect.objectContaining({ status: expected.status }));
      expect((await answersMade(passingDown!)).shaped).toBe(before.shaped + 1);
      expect(await answer(shapingDown!, one)).toEqual(expect.objectContaining({ status: expected.status }));
      // Two requests each, two attempts each at the incidents subgraph: the failure was not fetched again.
      const attempts = async (graph: RunningGraph) => {
        const metrics = await (await fetch(new URL("/metrics", graph.gatewayUrl))).text();
        return metrics.match(/meridian_subgraph_fetch_duration_seconds_count\{service="gateway",subgraph="incidents",outcome="unreachable"\} (\d+)/)?.[1];
      };
      expect(await attempts(passingDown!)).toBe("2");
      expect(await attempts(shapingDown!)).toBe("2");
    } finally {
      for (const gateway of gateways) await gateway.stop();
    }
  });
});

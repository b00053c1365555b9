// HTTP requests a client, a browser, a CDN or an attacker may send to the gateway's GraphQL
// paths, drawn from seeded randomness: every part varied on its own (method, path, headers,
// body, query string), well-formed and not, so that two ways of answering can be compared on
// requests nobody listed. The operations are the repository's examples, which ask every subgraph.
import { sha256 } from "../../gateway/persisted-operations.js";
import { Random } from "../../ingest/generate/random.js";
import { readExamples } from "../../platform/metrics/example-operations.js";

export interface HttpRequestCase {
  method: "GET" | "POST";
  /** Path and query string. */
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** What was drawn, to name a case that fails. */
  drawn: string[];
}

const SMALL_OPERATIONS = [
  "query Page($first: Int!) { incidents(first: $first) { edges { node { id title } } } }",
  "{ actors(first: 2) { edges { node { id name } } } }",
  "query Two { a: actors(first: 1) { totalCount } b: incidents(first: 1) { totalCount } }",
  // Never a mutation that could run: the cases are sent to the same database many times.
  "mutation M { noSuchMutation }",
  "query Broken { incidents(first: 1) { edges { node { noSuchField } } } }",
  "{ __typename }",
  "query {",
];

export function httpRequestCases(
  seed: number,
  count: number,
  options: { keys: readonly string[]; allowedOrigin: string; maxOperationLength: number },
): HttpRequestCase[] {
  const examples = readExamples().map((example) => example.source);
  const operations = [...SMALL_OPERATIONS, ...examples];
  return Array.from({ length: count }, (_, index) => {
    const random = new Random(seed, 7, index);
    const drawn: string[] = [];
    /**
     * Picks one of `choices` and notes which, by its label: mostly the first, the well-formed
     * one, so that a case often has one or two odd parts and often none (and is then a hit).
     */
    const draw = <T>(part: string, choices: readonly (readonly [string, T])[]): T => {
      const [label, value] = random.chance(0.75) ? choices[0]! : random.pick(choices);
      drawn.push(`${part}: ${label}`);
      return value;
    };
    const operationIndex = random.int(operations.length);
    drawn.push(`operation: #${operationIndex}`);
    const text = operations[operationIndex]!;
    const padded = draw<string>("length", [
      ["as written", text],
      ["past the limit", `${text}${" ".repeat(options.maxOperationLength)}`],
    ] as const);
    const variables = draw<unknown>("variables", [
      ["first 3", { first: 3 }],
      ["none", undefined],
      ["first as text", { first: "three" }],
      ["null", null],
      ["a list", [1, 2]],
    ] as const);
    const operationName = draw<unknown>("operationName", [
      ["none", undefined],
      ["Page", "Page"],
      ["unknown", "Nope"],
      ["a number", 7],
    ] as const);
    const extensions = draw<unknown>("extensions", [
      ["none", undefined],
      ["its own hash", { persistedQuery: { version: 1, sha256Hash: sha256(padded) } }],
      ["another hash", { persistedQuery: { version: 1, sha256Hash: sha256("{ x }") } }],
      ["a hash that is no string", { persistedQuery: { version: 1, sha256Hash: 12 } }],
    ] as const);
    const sendText = draw("text", [
      ["sent", true],
      ["left out", false],
    ] as const);
    const fields: Record<string, unknown> = {
      ...(sendText ? { query: padded } : {}),
      ...(variables === undefined ? {} : { variables }),
      ...(operationName === undefined ? {} : { operationName }),
      ...(extensions === undefined ? {} : { extensions }),
    };
    const headers: Record<string, string> = {};
    /** Draws a header's value, and sends the header unless the value drawn is undefined. */
    const header = (name: string, choices: readonly (readonly [string, string | undefined])[]) => {
      const value = draw(name, choices);
      if (value !== undefined) headers[name] = value;
    };
    header("authorization", [
      ["none", undefined],
      ["a key of ours", `Bearer ${random.pick(options.keys)}`],
      ["a key not ours", "Bearer not-a-key-of-ours"],
      ["not a bearer", "Basic abc"],
    ]);
    header("origin", [
      ["none", undefined],
      ["allowed", options.allowedOrigin],
      ["elsewhere", "https://elsewhere.example"],
    ]);
    header("x-request-id", [
      ["none", undefined],
      ["plain", `case-${index}`],
      ["unfit", "a b\u00e9"],
    ]);
    const path = draw<string>("path", [
      ["/", "/"],
      ["/graphql", "/graphql"],
      ["/graphql/", "/graphql/"],
    ] as const);
    const method = draw<"GET" | "POST">("method", [
      ["GET", "GET"],
      ["POST", "POST"],
    ] as const);
    if (method === "GET") {
      header("apollo-require-preflight", [
        ["sent", "1"],
        ["left out", undefined],
      ]);
      header("if-none-match", [
        ["none", undefined],
        ["some ETag", 'W/"3e-abc"'],
      ]);
      const query = Object.entries(fields).map(([name, value]) => `${name}=${encodeURIComponent(typeof value === "string" ? value : JSON.stringify(value))}`);
      const extra = draw<string[]>("query string", [
        ["as is", [] as string[]],
        ["query twice", ["query=%7B%20__typename%20%7D"]],
        ["variables not JSON", ["variables=%7Bnot"]],
      ] as const);
      return { method, path: `${path}?${[...query, ...extra].join("&")}`, headers, drawn };
    }
    header("content-type", [
      ["JSON", "application/json"],
      ["JSON in UTF-8", "application/json; charset=utf-8"],
      ["JSON in Latin-1", "application/json; charset=latin1"],
      ["text", "text/plain"],
      ["none", undefined],
    ]);
    const body = draw<string>("body", [
      ["the fields", JSON.stringify(fields)],
      ["the fields in a list", JSON.stringify([fields])],
      ["a string", JSON.stringify("query")],
      ["cut short", JSON.stringify(fields).slice(0, 20)],
      ["empty", ""],
    ] as const);
    return { method, path, headers, body, drawn };
  });
}

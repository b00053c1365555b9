// Bad strings and tampered cursors, sent everywhere a client can put them, on both backends:
// the cases are derived from the API schema (test/support/argument-cases.ts), so a field added
// later is covered without anyone listing it. Every answer must be BAD_USER_INPUT naming the
// argument, never an internal error, and the bad mutations must write nothing.
import { randomInt } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSeed } from "../../ingest/seed/load-seed.js";
import { buildApiSchema } from "../../gateway/api-schema.js";
import { readSupergraph } from "../../gateway/supergraph.js";
import { apiKeyEntry, newApiKey, parseApiKeyEntries } from "../../platform/config/api-keys.js";
import { SUBGRAPH_SECRET_HEADER } from "../../platform/http/subgraph-secret.js";
import { cursorCases, stringCases } from "../support/argument-cases.js";
import { BACKENDS, type TestDatabase } from "../../scripts/harness/backends.js";
import { type GraphQLResponse, type RunningGraph, startGraph } from "../support/graph.js";
import { forEverySubgraph } from "../../services/registry.js";

const EDITOR_KEY = newApiKey();
const { entries: API_KEYS } = parseApiKeyEntries(apiKeyEntry("test-editor", "editor", EDITOR_KEY));
const API_SCHEMA = buildApiSchema(readSupergraph());

/** Letters no compression shrinks much, so that Postgres cannot squeeze them into an index row. */
const randomText = (length: number, alphabet: string) => Array.from({ length }, () => alphabet[randomInt(alphabet.length)]).join("");
const LATIN = "abcdefghijklmnopqrstuvwxyz";
const CJK = Array.from({ length: 2000 }, (_, index) => String.fromCodePoint(0x4e00 + index)).join("");

/** Values no argument may hold: each must be refused as BAD_USER_INPUT. */
const REFUSED = {
  nul: "a\u0000b",
  "lone high surrogate": "a\ud800b",
  "lone low surrogate": "\udfff",
  // The request body limit is 1 MB; this is as much as fits in one.
  "900 KB": randomText(900_000, LATIN),
};
/** Past a btree index row (2,704 bytes) yet short enough for long text: refused or stored, never an internal error. */
const PAST_AN_INDEX_ROW = randomText(1_500, CJK);

/** A cursor as the lists make them: base64url of a JSON array. */
const cursor = (json: string) => Buffer.from(json).toString("base64url");
const decodeCursor = (text: string) => JSON.parse(Buffer.from(text, "base64url").toString("utf8")) as unknown[];

/** Values that no position of any cursor takes. */
const BAD_CURSOR_VALUES = ["1e+39", "-1e+39", "1e-50", "2147483648", "1.5", '"not-a-date"', '"a\\u0000b"', '"\\ud800"', "null", "true", "[]", "{}"];
/** Cursors of every list's shape and none: the three, then junk. */
const FIXED_CURSORS = [
  "WzFlKzM5LCAieCJd", // [1e+39, "x"]
  "WyJub3QtYS1kYXRlIiwgIngiXQ", // ["not-a-date", "x"]
  "WyJhXHUwMDAwYiIsICJ4Il0", // ["a\u0000b", "x"]
  cursor('["OCCURRED_AT ASC", "2024-02-30", "x"]'),
  cursor('["SAID_AT ASC", "not-a-date", "x"]'),
  cursor('["OCCURRED_AT DESC", "2024-01-01", "a\\u0000b"]'),
  cursor("[]"),
  cursor("{}"),
  cursor("not json"),
  "!!not base64!!",
];

/** Each position of a real cursor replaced by each bad value, and the cursor one value short and one long. */
function tampered(real: string): string[] {
  const values = decodeCursor(real).map((value) => JSON.stringify(value));
  const list = (items: string[]) => cursor(`[${items.join(",")}]`);
  return [
    ...values.flatMap((_, index) => BAD_CURSOR_VALUES.map((bad) => list(values.map((value, at) => (at === index ? bad : value))))),
    list(values.slice(0, -1)),
    list([...values, '"x"']),
  ];
}

async function post(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<GraphQLResponse & { status: number }> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  try {
    return { status: response.status, ...(JSON.parse(text) as GraphQLResponse) };
  } catch {
    return { status: response.status, errors: [{ message: text, extensions: { code: `HTTP ${response.status}` } }] };
  }
}

/** Runs `work` over `items`, a few at a time, so that the run stays short without flooding the servers. */
async function inParallel<T>(items: readonly T[], work: (item: T) => Promise<void>, width = 4): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

// Hundreds of requests each; generous for a loaded machine.
const GENERATIVE_TIMEOUT_MS = 240_000;

const codesOf = (answer: GraphQLResponse) => (answer.errors ?? []).map((error) => String(error.extensions?.code));

describe.each(BACKENDS)("bad input everywhere, on $name", (backend) => {
  let database: TestDatabase;
  let graph: RunningGraph;
  beforeAll(async () => {
    database = await backend.create();
    const handle = database.handle;
    await loadSeed(forEverySubgraph(handle));
    graph = await startGraph(handle, { apiKeys: API_KEYS });
  });
  afterAll(async () => {
    await graph?.stop();
    await database?.dispose();
  });

  /** Every row of every table of the three subgraphs, as one digest per table. */
  async function tableDigests(): Promise<Record<string, string>> {
    const result = await database.handle.db.execute(
      sql.raw(`
      select table_schema || '.' || table_name as name from information_schema.tables
      where table_schema in ('actors', 'statements', 'incidents') and table_type = 'BASE TABLE' order by 1`),
    );
    const names = (Array.isArray(result) ? result : (result as { rows: { name: string }[] }).rows).map((row) => (row as { name: string }).name);
    const digests: Record<string, string> = {};
    for (const name of names) {
      const digest = await database.handle.db.execute(sql.raw(`select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest from ${name} t`));
      digests[name] = ((Array.isArray(digest) ? digest : (digest as { rows: unknown[] }).rows)[0] as { digest: string }).digest;
    }
    return digests;
  }

  it(
    "answers a NUL, a lone surrogate or 900 KB in any string argument or input field with BAD_USER_INPUT naming it, and writes nothing",
    async () => {
      const cases = stringCases(API_SCHEMA);
      // Some of every kind, so that a schema walk that found nothing cannot pass.
      expect(cases.filter((one) => one.operation === "mutation").length).toBeGreaterThan(50);
      expect(cases.map((one) => one.name)).toEqual(
        expect.arrayContaining(["Query.searchIncidents(query)", "Query.incidents(filter.admin1)", "Mutation.createActor(input.name)"]),
      );
      const before = await tableDigests();
      const wrong: string[] = [];
      await inParallel(
        cases.flatMap((one) => Object.entries(REFUSED).map(([kind, value]) => ({ one, kind, value }))),
        async ({ one, kind, value }) => {
          const { query, variables } = one.build(value);
          const answer = await post(graph.gatewayUrl, query, variables, one.operation === "mutation" ? { authorization: `Bearer ${EDITOR_KEY}` } : {});
          const named = answer.errors?.some((error) => error.extensions?.code === "BAD_USER_INPUT" && error.extensions.argumentName === one.argumentPath);
          if (!named || codesOf(answer).includes("INTERNAL_SERVER_ERROR"))
            wrong.push(`${one.name} with ${kind}: ${JSON.stringify(answer.errors ?? answer.data).slice(0, 300)}`);
        },
      );
      expect(wrong).toEqual([]);
      expect(await tableDigests()).toEqual(before);
    },
    GENERATIVE_TIMEOUT_MS,
  );

  it(
    "never answers a string past an index row with an internal error",
    async () => {
      const wrong: string[] = [];
      await inParallel(stringCases(API_SCHEMA), async (one) => {
        const { query, variables } = one.build(PAST_AN_INDEX_ROW);
        const answer = await post(graph.gatewayUrl, query, variables, one.operation === "mutation" ? { authorization: `Bearer ${EDITOR_KEY}` } : {});
        if (codesOf(answer).includes("INTERNAL_SERVER_ERROR")) wrong.push(`${one.name}: ${JSON.stringify(answer.errors).slice(0, 300)}`);
      });
      expect(wrong).toEqual([]);
    },
    GENERATIVE_TIMEOUT_MS,
  );

  it(
    "answers a tampered cursor in any `after` with BAD_USER_INPUT naming it, or a page",
    async () => {
      const cases = cursorCases(API_SCHEMA);
      expect(cases.map((one) => one.name)).toEqual(expect.arrayContaining(["Query.searchIncidents(after)", "Actor.statements(after)", "Query.actors(after)"]));
      const wrong: string[] = [];
      await inParallel(cases, async (one) => {
        let cursors = FIXED_CURSORS;
        // As an editor, who may read every list: the lists of changes are editors' only.
        const asEditor = { authorization: `Bearer ${EDITOR_KEY}` };
        if (one.firstPage) {
          const page = await post(graph.gatewayUrl, one.firstPage.query, one.firstPage.variables, asEditor);
          const real = endCursorIn(page.data, one.firstPage.endCursorAt);
          if (real) cursors = [...cursors, ...tampered(real)];
        }
        for (const after of cursors) {
          const { query, variables } = one.build(after);
          const answer = await post(graph.gatewayUrl, query, variables, asEditor);
          const acceptable = (answer.errors ?? []).every((error) => error.extensions?.code === "BAD_USER_INPUT" && error.extensions.argumentName === "after");
          if (!acceptable) wrong.push(`${one.name} with ${Buffer.from(after, "base64url").toString("utf8")}: ${JSON.stringify(answer.errors).slice(0, 300)}`);
        }
      });
      expect(wrong).toEqual([]);
    },
    GENERATIVE_TIMEOUT_MS,
  );

  it("answers the issue's own cases with BAD_USER_INPUT naming the argument", async () => {
    const cases: [string, Record<string, unknown>, string][] = [
      ['{ searchIncidents(query: "a\\u0000b") { totalCount } }', {}, "query"],
      ['{ incidents(filter: { admin1: "a\\u0000b" }) { totalCount } }', {}, "filter.admin1"],
      ['{ searchIncidents(query: "capture", after: "WzFlKzM5LCAieCJd") { totalCount } }', {}, "after"],
      ['{ actor(id: "meridian:volodymyr-zelensky") { statements(after: "WyJub3QtYS1kYXRlIiwgIngiXQ") { totalCount } } }', {}, "after"],
      ['{ actors(after: "WyJhXHUwMDAwYiIsICJ4Il0") { totalCount } }', {}, "after"],
    ];
    for (const [query, variables, argumentName] of cases) {
      const answer = await post(graph.gatewayUrl, query, variables);
      expect(answer.errors, query).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: "BAD_USER_INPUT", argumentName }) })]);
    }
    // A subgraph reached around the gateway (with the secret) checks the same.
    const direct = await post(
      graph.subgraphUrls.incidents,
      '{ searchIncidents(query: "a\\u0000b") { totalCount } }',
      {},
      { [SUBGRAPH_SECRET_HEADER]: graph.subgraphSecret },
    );
    expect(direct.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: "BAD_USER_INPUT", argumentName: "query" }) })]);

    const before = await tableDigests();
    const longName = await post(
      graph.gatewayUrl,
      "mutation ($input: CreateActorInput!) { createActor(input: $input) { id } }",
      { input: { kind: "PERSON", name: REFUSED["900 KB"] } },
      { authorization: `Bearer ${EDITOR_KEY}` },
    );
    expect(longName.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: "BAD_USER_INPUT", argumentName: "input.name" }) })]);
    expect(await tableDigests()).toEqual(before);
  });
});

/** The first end cursor found under `path`, through lists. */
function endCursorIn(data: unknown, path: string[]): string | undefined {
  if (data == null) return undefined;
  if (Array.isArray(data)) return data.map((item) => endCursorIn(item, path)).find(Boolean);
  if (path.length === 0) return typeof data === "string" ? data : undefined;
  return endCursorIn((data as Record<string, unknown>)[path[0]!], path.slice(1));
}

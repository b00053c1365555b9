// Operation limits at the gateway: every example operation runs; an operation over a limit is
// refused with the limit's own code before execution starts (no `data` in the answer, so no
// subgraph was called); and every paged field has a hard maximum in its subgraph.
import { type FieldNode, type OperationDefinitionNode, isObjectType, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { buildApiSchema } from "../../gateway/api-schema.js";
import { readExamples } from "../../platform/metrics/example-operations.js";
import { DEFAULT_OPERATION_LIMITS } from "../../platform/config/gateway-defaults.js";
import { readSupergraph } from "../../gateway/supergraph.js";
import { MAX_PAGE_SIZE } from "../../services/kit/pages/pagination.js";
import { BACKENDS, POSTGRES_SKIPPED_NOTE } from "../../scripts/harness/backends.js";
import { API_KEYS, KEYS } from "../support/keyed-graph.js";
import { useSeededGraph } from "../support/seeded-graph.js";

const limits = DEFAULT_OPERATION_LIMITS;
const repeat = (times: number, make: (index: number) => string) => Array.from({ length: times }, (_, index) => make(index)).join(" ");

/** Statement → speaker → statements → … : a valid operation `hops` connection hops deep. */
const speakerChain = (hops: number): string => (hops === 0 ? "name" : `statements { edges { node { speaker { ${speakerChain(hops - 1)} } } } }`);

describe.each(BACKENDS)("operation limits at the gateway on $name", (backend) => {
  // With keys: the editors' lists of changes are paged fields too.
  const graph = useSeededGraph(backend, undefined, undefined, { apiKeys: API_KEYS });

  async function send(query: string, variables?: Record<string, unknown>, asEditor = false) {
    const response = await fetch(graph.gatewayUrl, {
      method: "POST",
      headers: { "content-type": "application/json", ...(asEditor ? { authorization: `Bearer ${KEYS.alice}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return {
      status: response.status,
      body: (await response.json()) as { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] },
    };
  }

  it.each(readExamples().map((example) => [example.file, example.source]))("lets the example operation %s through and runs it", async (_file, source) => {
    const { body } = await send(source);
    expect(body.errors).toBeUndefined();
    // It ran: every root field it selects is answered (what each answers is checked in test/system/examples.db.test.ts,
    // with the datasets imported).
    const rootFields = (parse(source).definitions[0] as OperationDefinitionNode).selectionSet.selections.map(
      (selection) => ((selection as FieldNode).alias ?? (selection as FieldNode).name).value,
    );
    for (const field of rootFields) expect((body.data as Record<string, unknown>)[field], field).not.toBeNull();
    expect(Object.keys(body.data as object).sort()).toEqual(rootFields.sort());
  });

  it.each([
    ["OPERATION_TOO_LONG", `{ __typename } #${"p".repeat(limits.maxOperationLength)}`, limits.maxOperationLength],
    ["OPERATION_TOO_DEEP", `{ actors(first: 1) { edges { node { ${speakerChain(3)} } } } }`, limits.maxDepth],
    ["TOO_MANY_ALIASES", `{ actors(first: 1) { edges { node { ${repeat(limits.maxAliases + 1, (index) => `name${index}: name`)} } } } }`, limits.maxAliases],
    ["TOO_MANY_ROOT_FIELDS", `{ ${repeat(limits.maxRootFields + 1, () => "__typename")} }`, limits.maxRootFields],
    ["TOO_MANY_TOKENS", `{ actors(first: 1) { edges { node { ${repeat(limits.maxTokens, () => "name")} } } } }`, limits.maxTokens],
    [
      "TOO_MANY_DIRECTIVES",
      `{ __typename @skip(if: false) @include(if: true) @skip(if: false) @include(if: true) @skip(if: false) }`,
      limits.maxDirectivesPerField,
    ],
    ["OPERATION_TOO_COSTLY", `{ incidents(first: 500) { edges { node { statements(first: 100) { edges { node { text } } } } } } }`, limits.maxCost],
  ])("refuses an operation over the limit with %s, before execution", async (code, query, limit) => {
    const { status, body } = await send(query);
    expect(status).toBe(400);
    expect(body).not.toHaveProperty("data");
    // The limit's refusal comes first; graphql's own validation may add its errors after it.
    expect(body.errors![0]!.extensions).toMatchObject({ code, limit });
  });

  it("counts an operation's length in characters, comments and string values included, which tokens do not see", async () => {
    // The issue's repro: a tiny operation padded to nearly the whole body limit with a comment.
    const padded = (head: string, length: number) => head + "p".repeat(length - head.length);
    const { status, body } = await send(padded("query V1 { __typename } #", 1_040_000));
    expect(status).toBe(400);
    expect(body.errors![0]!.extensions).toMatchObject({ code: "OPERATION_TOO_LONG", limit: limits.maxOperationLength, actual: 1_040_000 });
    const longDefault = `query V2($s: String = "${"p".repeat(limits.maxOperationLength)}") { __typename }`;
    expect((await send(longDefault)).body.errors![0]!.extensions!.code).toBe("OPERATION_TOO_LONG");
    // Up to the limit, it runs.
    expect((await send(padded("query V3 { __typename } #", limits.maxOperationLength))).body).toEqual({ data: { __typename: "Query" } });
  });

  it("counts a fragment's aliases once per spread", async () => {
    const aliasesPerFragment = Math.ceil((limits.maxAliases + 1) / 2);
    const { body } = await send(`{ a: actor(id: "x") { ...Names } b: actor(id: "y") { ...Names } }
      fragment Names on Actor { ${repeat(aliasesPerFragment - 1, (index) => `name${index}: name`)} }`);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: "TOO_MANY_ALIASES", actual: 2 + 2 * (aliasesPerFragment - 1) });
  });

  it("measures fragments that spread fragments once each, so doubling at every level cannot stall it", async () => {
    const levels = 40;
    const fragments = repeat(
      levels,
      (level) => `fragment F${level} on Query { ${level === levels - 1 ? "alias: __typename" : `...F${level + 1} ...F${level + 1}`} }`,
    );
    const { body } = await send(`{ ...F0 } ${fragments}`);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: "TOO_MANY_ALIASES", actual: 2 ** (levels - 1) });
  });

  it("reads page sizes given as variables when estimating the cost", async () => {
    const query = `query($pages: Int!) { incidents(first: $pages) { edges { node { statements(first: $pages) { edges { node { text } } } } } } }`;
    expect((await send(query, { pages: 500 })).body.errors?.[0]?.extensions?.code).toBe("OPERATION_TOO_COSTLY");
    expect((await send(query, { pages: 5 })).body.errors).toBeUndefined();
  });

  it("leaves a fragment that spreads itself to graphql's own validation", async () => {
    const { status, body } = await send(`{ ...Loop } fragment Loop on Query { __typename ...Loop }`);
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(body.errors?.[0]?.message).toContain("Cannot spread fragment");
  });

  describe(`a hard maximum of ${MAX_PAGE_SIZE} on every page size, in the subgraphs`, () => {
    // Each paged field, reached through one item of a root list where it is nested.
    const pagedFields: Record<string, (first: number) => string> = {
      "Query.actors": (first) => `actors(first: ${first}) { totalCount }`,
      "Query.incidents": (first) => `incidents(first: ${first}) { totalCount }`,
      "Query.claims": (first) => `claims(first: ${first}) { totalCount }`,
      "Query.statements": (first) => `statements(first: ${first}) { totalCount }`,
      "Query.sources": (first) => `sources(first: ${first}) { totalCount }`,
      "Query.actorLinks": (first) => `actorLinks(first: ${first}) { totalCount }`,
      "Query.searchActors": (first) => `searchActors(query: "zelensky", first: ${first}) { __typename }`,
      "Query.searchIncidents": (first) => `searchIncidents(query: "capture", first: ${first}) { __typename }`,
      "Query.searchStatements": (first) => `searchStatements(query: "chinese", first: ${first}) { __typename }`,
      "Query.incidentStats": (first) => `incidentStats(groupBy: TYPE, first: ${first}) { __typename }`,
      "Query.statementStats": (first) => `statementStats(groupBy: SPEAKER, first: ${first}) { __typename }`,
      "Actor.relations": (first) => `actors(first: 1) { edges { node { relations(first: ${first}) { totalCount } } } }`,
      "Actor.incidents": (first) => `actors(first: 1) { edges { node { incidents(first: ${first}) { totalCount } } } }`,
      "Actor.statements": (first) => `actors(first: 1) { edges { node { statements(first: ${first}) { totalCount } } } }`,
      "Actor.claimsAbout": (first) => `actors(first: 1) { edges { node { claimsAbout(first: ${first}) { totalCount } } } }`,
      "Claim.stances": (first) => `claims(first: 1) { edges { node { stances(first: ${first}) { totalCount } } } }`,
      "Incident.statements": (first) => `incidents(first: 1) { edges { node { statements(first: ${first}) { totalCount } } } }`,
      "Incident.claims": (first) => `incidents(first: 1) { edges { node { claims(first: ${first}) { totalCount } } } }`,
      "Source.statements": (first) => `sources(first: 1) { edges { node { statements(first: ${first}) { totalCount } } } }`,
      "Statement.responses": (first) => `statements(first: 1) { edges { node { responses(first: ${first}) { totalCount } } } }`,
      "Query.imports": (first) => `imports(first: ${first}) { totalCount }`,
      "Query.actorChanges": (first) => `actorChanges(first: ${first}) { totalCount }`,
      "Query.statementChanges": (first) => `statementChanges(first: ${first}) { totalCount }`,
      "Query.incidentChanges": (first) => `incidentChanges(first: ${first}) { totalCount }`,
      "Actor.history": (first) => `actors(first: 1) { edges { node { history(first: ${first}) { totalCount } } } }`,
      "Claim.history": (first) => `claims(first: 1) { edges { node { history(first: ${first}) { totalCount } } } }`,
      "Incident.history": (first) => `incidents(first: 1) { edges { node { history(first: ${first}) { totalCount } } } }`,
      "Source.history": (first) => `sources(first: 1) { edges { node { history(first: ${first}) { totalCount } } } }`,
      "Statement.history": (first) => `statements(first: 1) { edges { node { history(first: ${first}) { totalCount } } } }`,
      "Change.rows": (first) => `actors(first: 1) { edges { node { history(first: 1) { edges { node { rows(first: ${first}) { table } } } } } } }`,
    };
    /** Editors only: asked for with an editor's key. */
    const editorsOnly = new Set(["Query.actorChanges", "Query.statementChanges", "Query.incidentChanges", "Query.imports"]);

    it("covers every field of the schema that takes `first`", () => {
      const schema = buildApiSchema(readSupergraph());
      const paged = Object.values(schema.getTypeMap())
        .filter(isObjectType)
        .flatMap((type) =>
          Object.values(type.getFields())
            .filter((field) => field.args.some((argument) => argument.name === "first"))
            .map((field) => `${type.name}.${field.name}`),
        );
      expect(Object.keys(pagedFields).sort()).toEqual(paged.sort());
    });

    it.each(Object.entries(pagedFields))("%s: answers first: 501 with BAD_USER_INPUT naming `first`, and takes 500", async (field, query) => {
      const asEditor = editorsOnly.has(field);
      const over = await send(`{ ${query(MAX_PAGE_SIZE + 1)} }`, undefined, asEditor);
      expect(over.body.errors?.map((error) => error.extensions)).toContainEqual(expect.objectContaining({ code: "BAD_USER_INPUT", argumentName: "first" }));
      const atMost = await send(`{ ${query(MAX_PAGE_SIZE)} }`, undefined, asEditor);
      expect(atMost.body.errors).toBeUndefined();
    });
  });
});

if (POSTGRES_SKIPPED_NOTE) describe.skip(POSTGRES_SKIPPED_NOTE, () => it("operation limits at the gateway on postgres"));

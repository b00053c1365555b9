// No N+1 in the history: a page of actors (or incidents), each asking for its last changes with
// their rows and its count of changes, makes its subgraph run as many SQL statements for 50
// items as for 5. A history, a count or a change's rows read once per item (instead of
// batched through the request's DataLoaders) would make the large page cost dozens more.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSeed } from "../../../ingest/seed/load-seed.js";
import { BACKENDS, POSTGRES_SKIPPED_NOTE, type TestDatabase } from "../../../scripts/harness/backends.js";
import { ActorCuration } from "../../../services/actors/writes/actor-curation.js";
import { IncidentCuration } from "../../../services/incidents/writes/incident-curation.js";
import { SUBGRAPH_NAMES, type SubgraphName, forEverySubgraph } from "../../../services/registry.js";
import { editorScope } from "../../support/editor-scope.js";
import { type RunningGraph, postGraphQL, startGraph } from "../../support/graph.js";

const SMALL = 5;
const LARGE = 50;
/** Made beside the seed's, so that a page of 50 of each holds only items with several changes. */
const MADE = 60;

type Counts = Record<SubgraphName | "unknown", number>;

function subgraphOf(query: string): SubgraphName | "unknown" {
  return SUBGRAPH_NAMES.find((name) => query.includes(`"${name}".`)) ?? "unknown";
}

const HISTORY = `history(first: 3) { totalCount edges { node { kind rows { table } } } }`;

const PAGES: { list: "actors" | "incidents"; subgraph: SubgraphName; query: (first: number) => string }[] = [
  { list: "actors", subgraph: "actors", query: (first) => `{ actors(first: ${first}) { edges { node { id ${HISTORY} } } } }` },
  { list: "incidents", subgraph: "incidents", query: (first) => `{ incidents(first: ${first}) { edges { node { id ${HISTORY} } } } }` },
];

describe.each(BACKENDS)("no N+1 in the history through the gateway ($name)", (backend) => {
  let database: TestDatabase;
  let graph: RunningGraph;
  let counts: Counts = { actors: 0, statements: 0, incidents: 0, unknown: 0 };

  beforeAll(async () => {
    database = await backend.create({ onQuery: (query) => counts[subgraphOf(query)]++ });
    const handles = forEverySubgraph(database.handle);
    await loadSeed(handles);
    // Each made actor and incident gets three changes or more: created, updated, and for actors an alias added.
    const actors = new ActorCuration(handles.actors.db, editorScope("alice"));
    const incidents = new IncidentCuration(handles.incidents.db, editorScope("bob"));
    for (let index = 0; index < MADE; index++) {
      const key = `history-page-${String(index).padStart(3, "0")}`;
      await actors.create({ key, kind: "PERSON", name: `A History Page ${index}` });
      await actors.update(`meridian:${key}`, { description: `Changed once (${index})` });
      await actors.addAliases({ actor: `meridian:${key}`, aliases: [{ scheme: "TITLE", value: `Page ${index}` }] });
      await incidents.create({
        key,
        type: "OTHER",
        title: `A history page ${index}`,
        start: { date: "2025-04-14", precision: "DAY" },
        status: "REPORTED",
        participants: [{ actor: `meridian:${key}`, role: "SIDE_A" }],
      } as Parameters<IncidentCuration["create"]>[0]);
      await incidents.update(`meridian:${key}`, { title: `A history page ${index}, retitled` });
      await incidents.update(`meridian:${key}`, { status: "CONFIRMED" } as Parameters<IncidentCuration["update"]>[1]);
    }
    // Counts what executing an operation costs; the response cache's version reads (three statements a request, whatever its size) are not part of it.
    graph = await startGraph(database.handle, { responseCacheMaxBytes: 0 });
  }, 300_000);

  afterAll(async () => {
    await graph?.stop();
    await database?.dispose();
  });

  async function page(query: string): Promise<{ counts: Counts; nodes: any[] }> {
    counts = { actors: 0, statements: 0, incidents: 0, unknown: 0 };
    const response = await postGraphQL(graph.gatewayUrl, query);
    expect(response.errors).toBeUndefined();
    const list = Object.values(response.data as Record<string, { edges: { node: any }[] }>)[0]!;
    return { counts: { ...counts }, nodes: list.edges.map((edge) => edge.node) };
  }

  it.each(PAGES.map((entry) => [entry.list, entry] as const))(
    "a page of %s with their history runs as many SQL statements for 50 as for 5",
    async (_list, { subgraph, query }) => {
      const small = await page(query(SMALL));
      const large = await page(query(LARGE));
      expect(large.nodes).toHaveLength(LARGE);
      // Every item of the large page shows changes with rows: the lists grew with the page.
      const shown = (nodes: any[]) => nodes.flatMap((node) => node.history.edges).flatMap((edge: any) => edge.node.rows).length;
      expect(shown(large.nodes)).toBeGreaterThan(shown(small.nodes) * 5);
      // The page starts with seed items (one change each); the made ones after them show three of their changes or more.
      const made = large.nodes.filter((node) => node.id.startsWith("meridian:history-page-"));
      expect(made.length).toBeGreaterThan(LARGE - 10);
      expect(made.filter((node) => node.history.edges.length === 3 && node.history.totalCount >= 3)).toHaveLength(made.length);
      expect(small.counts.unknown + large.counts.unknown).toBe(0);
      expect(large.counts[subgraph]).toBe(small.counts[subgraph]);
      expect(large.counts).toEqual(small.counts);
    },
  );
});

if (POSTGRES_SKIPPED_NOTE) it.skip(POSTGRES_SKIPPED_NOTE, () => {});

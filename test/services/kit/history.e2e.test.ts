// The history through the gateway, on both backends: every kind of change an editor makes, the
// seed and an import, each listed in the `history` of what it wrote (newest first) with who made
// it (the key's name and role), the request's ID, the client's operation name and the rows it
// wrote before and after; a deleted entity's history is reached through the editors' lists of
// changes, which filter by entity, key name, kind, time and import run, page, and are refused
// to readers.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SEED_STORY_PATH, loadSeed } from "../../../ingest/seed/load-seed.js";
import { BACKENDS, POSTGRES_SKIPPED_NOTE, type TestDatabase } from "../../../scripts/harness/backends.js";
import { forEverySubgraph } from "../../../services/registry.js";
import { importFiles } from "../../ingest/import/support/import-runs.js";
import { type RunningGraph, startGraph } from "../../support/graph.js";
import { API_KEYS, CHANGE_FIELDS, type SendOptions, sendAs } from "../../support/keyed-graph.js";
import { tableChecksums } from "../../support/table-checksums.js";

const GDELT_FIXTURE = path.resolve("test/fixtures/gdelt/20250612101500.export.CSV");
const ROWS = `rows(first: 20) { table operation entityKind entityId key before after }`;
const OS_USER = expect.stringMatching(/^os:/);

interface ChangeNode {
  id: string;
  at: string;
  kind: string;
  entityKind: string | null;
  entityId: string | null;
  author: { keyName: string; role: string | null } | null;
  requestId: string | null;
  operationName: string | null;
  importRunId: string | null;
  reverts: string | null;
  revertedBy: string | null;
  rows: { table: string; operation: string; entityKind: string; entityId: string; key: any; before: any; after: any }[];
}

describe.each(BACKENDS)("the history of every change through the gateway on $name", (backend) => {
  let database: TestDatabase;
  let graph: RunningGraph;
  let gdeltRunId: string;
  let requests = 0;

  beforeAll(async () => {
    database = await backend.create();
    const handles = forEverySubgraph(database.handle);
    // GDELT before the seed: the story's actors absorb GDELT's, making links for editors to decide.
    gdeltRunId = (await importFiles(handles, "gdelt", [GDELT_FIXTURE])).runId!;
    await loadSeed(handles);
    graph = await startGraph(database.handle, { apiKeys: API_KEYS });
  });
  afterAll(async () => {
    await graph?.stop();
    await database?.dispose();
  });

  const post = (query: string, options?: SendOptions) => sendAs(graph.gatewayUrl, query, options);
  /** Runs an operation that must succeed, under a request ID of its own; returns its data and that ID. */
  async function run(query: string, options: SendOptions = {}): Promise<{ data: any; requestId: string }> {
    const requestId = `history-${++requests}`;
    const { data, errors } = await post(query, { requestId, ...options });
    expect(errors).toBeUndefined();
    return { data, requestId };
  }
  /** An entity's history, newest first, with each change's rows (those of the entity). */
  async function historyOf(root: string, id: string, first = 20): Promise<{ totalCount: number; nodes: ChangeNode[] }> {
    const { data } = await run(`query($id: ID!) { ${root}(id: $id) { history(first: ${first}) { totalCount edges { node { ${CHANGE_FIELDS} ${ROWS} } } } } }`, {
      variables: { id },
    });
    const history = data[root].history;
    return { totalCount: history.totalCount, nodes: history.edges.map((edge: { node: ChangeNode }) => edge.node) };
  }
  /** An editors' list of changes, all pages of `first`, newest first. */
  async function changes(list: string, filter: Record<string, unknown> = {}, first = 25): Promise<ChangeNode[]> {
    const nodes: ChangeNode[] = [];
    let after: string | null = null;
    do {
      const { data } = await run(
        `query($filter: ChangeFilter, $after: String) { ${list}(filter: $filter, first: ${first}, after: $after) { pageInfo { hasNextPage endCursor } edges { node { ${CHANGE_FIELDS} ${ROWS} } } } }`,
        { as: "alice", variables: { filter, after } },
      );
      nodes.push(...data[list].edges.map((edge: { node: ChangeNode }) => edge.node));
      after = data[list].pageInfo.hasNextPage ? data[list].pageInfo.endCursor : null;
    } while (after);
    return nodes;
  }
  const number = (changeId: string) => Number(changeId.split(":")[1]);

  it("lists the seed and the GDELT import as runs, with their files' SHA-256, who ran them and their summaries", async () => {
    const { data } = await run(
      `{ imports(first: 10) { totalCount edges { node { id format files { name bytes sha256 } startedAt finishedAt author { keyName role } summary revertedAt } } } }`,
      { as: "alice" },
    );
    expect(data.imports.totalCount).toBe(2);
    const [seed, gdelt] = data.imports.edges.map((edge: { node: any }) => edge.node);
    const seedBytes = readFileSync(SEED_STORY_PATH);
    expect(seed).toMatchObject({
      format: "seed",
      files: [{ name: SEED_STORY_PATH, bytes: seedBytes.length, sha256: createHash("sha256").update(seedBytes).digest("hex") }],
      author: { keyName: OS_USER, role: null },
      revertedAt: null,
    });
    expect(Date.parse(seed.finishedAt)).toBeGreaterThanOrEqual(Date.parse(seed.startedAt));
    expect(seed.summary).toMatchObject({ actors: { inserted: 22 }, statements: { inserted: 13 }, incidents: { inserted: 6 } });
    expect(gdelt).toMatchObject({ id: gdeltRunId, format: "gdelt", files: [{ name: GDELT_FIXTURE, bytes: readFileSync(GDELT_FIXTURE).length }] });
    // Paged newest first: the seed, then the import.
    const first = await run(`{ imports(first: 1) { pageInfo { hasNextPage endCursor } edges { node { id } } } }`, { as: "alice" });
    expect(first.data.imports.edges).toEqual([{ node: { id: seed.id } }]);
    expect(first.data.imports.pageInfo.hasNextPage).toBe(true);
    const second = await run(`query($after: String) { imports(first: 1, after: $after) { pageInfo { hasNextPage } edges { node { id } } } }`, {
      as: "alice",
      variables: { after: first.data.imports.pageInfo.endCursor },
    });
    expect(second.data.imports).toEqual({ pageInfo: { hasNextPage: false }, edges: [{ node: { id: gdeltRunId } }] });
  });

  it("shows the seed in a seed actor's history: kind seed, the run's ID, the user who loaded it, and the rows it inserted", async () => {
    const seedRunId = (await run(`{ imports(first: 1) { edges { node { id } } } }`, { as: "alice" })).data.imports.edges[0].node.id;
    const { totalCount, nodes } = await historyOf("actor", "meridian:lin-jian");
    expect(totalCount).toBe(1);
    expect(nodes[0]).toMatchObject({
      id: expect.stringMatching(/^actors:\d+$/),
      kind: "seed",
      entityKind: null,
      entityId: null,
      author: { keyName: OS_USER, role: null },
      requestId: null,
      operationName: null,
      importRunId: seedRunId,
      reverts: null,
      revertedBy: null,
    });
    // Of the run's rows, those of the actor: itself, its aliases, its relation.
    const tables = new Set(nodes[0]!.rows.map((row) => row.table));
    expect(tables).toEqual(new Set(["actors", "aliases", "actor_relations"]));
    expect(nodes[0]!.rows.every((row) => row.operation === "INSERT" && row.entityId === "meridian:lin-jian" && row.before === null)).toBe(true);
    expect(nodes[0]!.rows.find((row) => row.table === "actors")).toMatchObject({
      key: { id: "meridian:lin-jian" },
      after: { id: "meridian:lin-jian", name: "Lin Jian", kind: "PERSON" },
    });
    // The same run, in the other subgraphs' histories.
    const statement = await historyOf("statement", "meridian:lin-jian-2025-04-09-verifying-with-ukraine");
    expect(statement.nodes.map((node) => [node.id.split(":")[0], node.kind, node.importRunId])).toEqual([["statements", "seed", seedRunId]]);
    const incident = await historyOf("incident", "meridian:capture-of-wang-guangjun-and-zhang-renbo");
    expect(incident.nodes.map((node) => [node.id.split(":")[0], node.kind, node.importRunId])).toEqual([["incidents", "seed", seedRunId]]);
  });

  it("records createActor, updateActor and addAliases, newest first, each with its author, request ID, operation name and rows", async () => {
    const created = await run(
      `mutation CreateWitness { createActor(input: { key: "history-witness", kind: PERSON, name: "History Witness", aliases: [{ scheme: TITLE, value: "Witness of history" }] }) { id } }`,
      { as: "alice" },
    );
    const updated = await run(
      `mutation RenameWitness { updateActor(id: "meridian:history-witness", input: { name: "H. Witness", description: "Renamed once" }) { id } }`,
      { as: "bob" },
    );
    const aliased = await run(
      `mutation AliasWitness { addAliases(input: { actor: "meridian:history-witness", aliases: [{ scheme: WIKIDATA, value: "Q99999901" }] }) { id } }`,
      { as: "alice" },
    );
    const { totalCount, nodes } = await historyOf("actor", "meridian:history-witness");
    expect(totalCount).toBe(3);
    expect(nodes.map(({ rows: _rows, id: _id, at: _at, ...change }) => change)).toEqual([
      {
        kind: "addAliases",
        entityKind: "actor",
        entityId: "meridian:history-witness",
        author: { keyName: "alice", role: "editor" },
        requestId: aliased.requestId,
        operationName: "AliasWitness",
        importRunId: null,
        reverts: null,
        revertedBy: null,
      },
      {
        kind: "updateActor",
        entityKind: "actor",
        entityId: "meridian:history-witness",
        author: { keyName: "bob", role: "editor" },
        requestId: updated.requestId,
        operationName: "RenameWitness",
        importRunId: null,
        reverts: null,
        revertedBy: null,
      },
      {
        kind: "createActor",
        entityKind: "actor",
        entityId: "meridian:history-witness",
        author: { keyName: "alice", role: "editor" },
        requestId: created.requestId,
        operationName: "CreateWitness",
        importRunId: null,
        reverts: null,
        revertedBy: null,
      },
    ]);
    // Newer changes have higher numbers and are no earlier.
    expect(nodes.map((node) => number(node.id))).toEqual(nodes.map((node) => number(node.id)).sort((a, b) => b - a));
    expect(Date.parse(nodes[0]!.at)).toBeGreaterThanOrEqual(Date.parse(nodes[2]!.at));
    const [aliasedChange, updatedChange, createdChange] = nodes;
    expect(createdChange!.rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          table: "actors",
          operation: "INSERT",
          key: { id: "meridian:history-witness" },
          before: null,
          after: expect.objectContaining({ name: "History Witness", kind: "PERSON" }),
        }),
        expect.objectContaining({
          table: "aliases",
          operation: "INSERT",
          key: { actor_id: "meridian:history-witness", scheme: "TITLE", value: "Witness of history" },
        }),
      ]),
    );
    // The update: the actor's row before and after, and the new name added as an alias.
    const actorRow = updatedChange!.rows.find((row) => row.table === "actors")!;
    expect(actorRow).toMatchObject({
      operation: "UPDATE",
      before: { name: "History Witness", description: null },
      after: { name: "H. Witness", description: "Renamed once" },
    });
    expect(updatedChange!.rows).toContainEqual(
      expect.objectContaining({ table: "aliases", operation: "INSERT", key: { actor_id: "meridian:history-witness", scheme: "FREE", value: "H. Witness" } }),
    );
    expect(aliasedChange!.rows).toContainEqual(
      expect.objectContaining({ table: "aliases", operation: "INSERT", after: expect.objectContaining({ scheme: "WIKIDATA", value: "Q99999901" }) }),
    );
    // `rows(first:)` caps a change's rows.
    const capped = await run(`{ actor(id: "meridian:history-witness") { history(first: 1) { edges { node { rows(first: 0) { table } } } } } }`);
    expect(capped.data.actor.history.edges).toEqual([{ node: { rows: [] } }]);
    const over = await post(`{ actor(id: "meridian:history-witness") { history(first: 1) { edges { node { rows(first: 501) { table } } } } } }`);
    expect(over.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: "first" });
  });

  it("records the client's operation name whole, double underscores and all (the gateway's suffix alone is taken off)", async () => {
    await run(`mutation Fix__Typo_2 { updateActor(id: "meridian:tammy-bruce", input: { description: "Typo fixed" }) { id } }`, { as: "alice" });
    const { nodes } = await historyOf("actor", "meridian:tammy-bruce", 1);
    expect(nodes[0]).toMatchObject({ kind: "updateActor", operationName: "Fix__Typo_2" });
  });

  it("records mergeActors in the survivor's history and in the merged actor's, which actorChanges reaches by its ID", async () => {
    await run(`mutation { createActor(input: { key: "history-witness-twin", kind: PERSON, name: "Witness Twin", country: "UKR" }) { id } }`, { as: "alice" });
    const merged = await run(`mutation MergeTwin { mergeActors(survivorId: "meridian:history-witness", mergedId: "meridian:history-witness-twin") { id } }`, {
      as: "bob",
    });
    const survivor = await historyOf("actor", "meridian:history-witness");
    expect(survivor.nodes[0]).toMatchObject({
      kind: "mergeActors",
      entityKind: "actor",
      entityId: "meridian:history-witness",
      author: { keyName: "bob", role: "editor" },
      requestId: merged.requestId,
      operationName: "MergeTwin",
    });
    // The survivor's rows: the country it took, the aliases it took over.
    expect(survivor.nodes[0]!.rows).toContainEqual(
      expect.objectContaining({
        table: "actors",
        operation: "UPDATE",
        before: expect.objectContaining({ country: null }),
        after: expect.objectContaining({ country: "UKR" }),
      }),
    );
    expect(survivor.nodes[0]!.rows).toContainEqual(
      expect.objectContaining({ table: "aliases", operation: "INSERT", key: { actor_id: "meridian:history-witness", scheme: "FREE", value: "Witness Twin" } }),
    );
    expect(survivor.nodes[0]!.rows).toContainEqual(
      expect.objectContaining({ table: "actor_redirects", operation: "INSERT", key: { from_id: "meridian:history-witness-twin" } }),
    );
    // The merged ID now reaches the survivor (and its history); the merged actor's own is the editors' list by entity.
    expect((await historyOf("actor", "meridian:history-witness-twin")).nodes[0]!.id).toBe(survivor.nodes[0]!.id);
    const twin = await changes("actorChanges", { entity: "meridian:history-witness-twin" });
    expect(twin.map((change) => change.kind)).toEqual(["mergeActors", "createActor"]);
    expect(twin[0]!.id).toBe(survivor.nodes[0]!.id);
    // Listed by entity, a change shows all its rows: the merged actor's deletion among them.
    expect(twin[0]!.rows).toContainEqual(
      expect.objectContaining({ table: "actors", operation: "DELETE", entityId: "meridian:history-witness-twin", after: null }),
    );
  });

  it("records deleteActor; the deleted actor's history is reached through actorChanges by its ID", async () => {
    await run(`mutation { createActor(input: { key: "history-gone", kind: ORGANIZATION, name: "Gone Organisation" }) { id } }`, { as: "bob" });
    const deleted = await run(`mutation DropGone { deleteActor(id: "meridian:history-gone") }`, { as: "alice" });
    expect(deleted.data).toEqual({ deleteActor: true });
    expect((await run(`{ actor(id: "meridian:history-gone") { id } }`)).data.actor).toBeNull();
    const gone = await changes("actorChanges", { entity: "meridian:history-gone" });
    expect(gone.map((change) => [change.kind, change.author?.keyName])).toEqual([
      ["deleteActor", "alice"],
      ["createActor", "bob"],
    ]);
    expect(gone[0]).toMatchObject({ entityKind: "actor", entityId: "meridian:history-gone", requestId: deleted.requestId, operationName: "DropGone" });
    expect(gone[0]!.rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ table: "actors", operation: "DELETE", before: expect.objectContaining({ name: "Gone Organisation" }), after: null }),
        expect.objectContaining({ table: "aliases", operation: "DELETE" }),
        expect.objectContaining({
          table: "tombstones",
          operation: "INSERT",
          entityKind: "actor",
          key: { kind: "actor", id: "meridian:history-gone" },
          after: expect.objectContaining({ deleted_by: "alice" }),
        }),
      ]),
    );
  });

  it("records editors' decisions on links, confirmActorLink and rejectActorLink, in the history of the link's actor; a rejection taken back leaves every table as before", async () => {
    const { data } = await run(`{ actorLinks(first: 100, filter: { status: PROPOSED }) { edges { node { scheme value actor { id } } } } }`);
    const proposed = (scheme: string, value: string) =>
      data.actorLinks.edges.map((edge: any) => edge.node).find((link: any) => link.scheme === scheme && link.value === value);
    const chinaActor = proposed("CAMEO", "CHN").actor.id;
    const russiaActor = proposed("CAMEO", "RUS").actor.id;
    const confirmed = await run(`mutation ConfirmChina { confirmActorLink(scheme: CAMEO, value: "CHN") { status } }`, { as: "alice" });
    const beforeRejection = await tableChecksums(forEverySubgraph(database.handle));
    const rejected = await run(`mutation RejectRussia { rejectActorLink(scheme: CAMEO, value: "RUS") { status ownActorId } }`, { as: "bob" });
    const china = await historyOf("actor", chinaActor);
    expect(china.nodes[0]).toMatchObject({
      kind: "confirmActorLink",
      entityKind: "actor",
      entityId: chinaActor,
      author: { keyName: "alice", role: "editor" },
      requestId: confirmed.requestId,
      operationName: "ConfirmChina",
    });
    expect(china.nodes[0]!.rows).toContainEqual(
      expect.objectContaining({
        table: "actor_links",
        operation: "UPDATE",
        before: expect.objectContaining({ status: "PROPOSED" }),
        after: expect.objectContaining({ status: "CONFIRMED", confidence: 1 }),
      }),
    );
    const russia = await historyOf("actor", russiaActor);
    expect(russia.nodes[0]).toMatchObject({
      kind: "rejectActorLink",
      author: { keyName: "bob", role: "editor" },
      requestId: rejected.requestId,
      operationName: "RejectRussia",
    });
    // The identifier's own actor came back, and its history says by which decision.
    const own = await historyOf("actor", rejected.data.rejectActorLink.ownActorId);
    expect(own.nodes[0]).toMatchObject({ id: russia.nodes[0]!.id, kind: "rejectActorLink" });
    expect(own.nodes.map((node) => node.kind)).toContain("import");
    // Taken back: the link is in force again, the identifier's actor absorbed again, every table as before the decision.
    const reverted = await run(`mutation($id: ID!) { revertActorChange(id: $id) { kind reverts } }`, { as: "alice", variables: { id: russia.nodes[0]!.id } });
    expect(reverted.data.revertActorChange).toEqual({ kind: "revertActorChange", reverts: russia.nodes[0]!.id });
    expect(await tableChecksums(forEverySubgraph(database.handle))).toEqual(beforeRejection);
    const after = await run(
      `query($own: ID!) { actor(id: $own) { canonicalId } actorLinks(first: 100, filter: { status: PROPOSED }) { edges { node { scheme value } } } }`,
      {
        variables: { own: rejected.data.rejectActorLink.ownActorId },
      },
    );
    expect(after.data.actor).toEqual({ canonicalId: russiaActor });
    expect(after.data.actorLinks.edges).toContainEqual({ node: { scheme: "CAMEO", value: "RUS" } });
  });

  it("records createStatement, updateStatement and deleteStatement in the statements' history", async () => {
    const created = await run(
      `mutation SayIt { createStatement(input: { key: "history-said", speaker: "meridian:lin-jian", said: { date: "2025-04-14", precision: DAY }, modality: PARAPHRASE, text: "Said once.", language: "en", source: "meridian:babel-116977", stances: [{ claim: "meridian:claim-155-chinese-citizens-fight-for-russia", stance: DISPUTES }] }) { id } }`,
      { as: "alice" },
    );
    const updated = await run(`mutation RewordIt { updateStatement(id: "meridian:history-said", input: { text: "Said twice." }) { id } }`, { as: "bob" });
    const statement = await historyOf("statement", "meridian:history-said");
    expect(
      statement.nodes.map(({ id, kind, author, requestId, operationName, entityKind, entityId }) => ({
        id: id.split(":")[0],
        kind,
        author,
        requestId,
        operationName,
        entityKind,
        entityId,
      })),
    ).toEqual([
      {
        id: "statements",
        kind: "updateStatement",
        author: { keyName: "bob", role: "editor" },
        requestId: updated.requestId,
        operationName: "RewordIt",
        entityKind: "statement",
        entityId: "meridian:history-said",
      },
      {
        id: "statements",
        kind: "createStatement",
        author: { keyName: "alice", role: "editor" },
        requestId: created.requestId,
        operationName: "SayIt",
        entityKind: "statement",
        entityId: "meridian:history-said",
      },
    ]);
    expect(statement.nodes[0]!.rows).toEqual([
      expect.objectContaining({
        table: "statements",
        operation: "UPDATE",
        before: expect.objectContaining({ text: "Said once." }),
        after: expect.objectContaining({ text: "Said twice." }),
      }),
    ]);
    expect(statement.nodes[1]!.rows).toContainEqual(
      expect.objectContaining({
        table: "stances",
        operation: "INSERT",
        key: { statement_id: "meridian:history-said", claim_id: "meridian:claim-155-chinese-citizens-fight-for-russia" },
      }),
    );
    // A claim's and a source's histories are there too.
    expect((await historyOf("claim", "meridian:claim-155-chinese-citizens-fight-for-russia")).nodes.map((node) => node.kind)).toEqual(["seed"]);
    expect((await historyOf("source", "meridian:babel-116977")).nodes.map((node) => node.kind)).toEqual(["seed"]);
    await run(`mutation UnsayIt { deleteStatement(id: "meridian:history-said") }`, { as: "alice" });
    const gone = await changes("statementChanges", { entity: "meridian:history-said" });
    expect(gone.map((change) => [change.kind, change.author?.keyName, change.operationName])).toEqual([
      ["deleteStatement", "alice", "UnsayIt"],
      ["updateStatement", "bob", "RewordIt"],
      ["createStatement", "alice", "SayIt"],
    ]);
  });

  it("records createIncident, updateIncident and deleteIncident in the incidents' history", async () => {
    const created = await run(
      `mutation ReportIt { createIncident(input: { key: "history-incident", type: OTHER, title: "Reported for the history", start: { date: "2025-04-14", precision: DAY }, status: REPORTED, places: [{ name: "Kyiv", country: "UKR", primary: true }], participants: [{ actor: "meridian:lin-jian", role: SIDE_A }], sources: ["meridian:babel-116977"] }) { id } }`,
      { as: "bob" },
    );
    const updated = await run(
      `mutation RetitleIt { updateIncident(id: "meridian:history-incident", input: { title: "Retitled for the history", participants: [{ actor: "meridian:wang-guangjun", role: SIDE_B }] }) { id } }`,
      { as: "alice" },
    );
    const incident = await historyOf("incident", "meridian:history-incident");
    expect(incident.nodes.map((node) => [node.kind, node.author, node.requestId, node.operationName, node.entityId])).toEqual([
      ["updateIncident", { keyName: "alice", role: "editor" }, updated.requestId, "RetitleIt", "meridian:history-incident"],
      ["createIncident", { keyName: "bob", role: "editor" }, created.requestId, "ReportIt", "meridian:history-incident"],
    ]);
    expect(new Set(incident.nodes[1]!.rows.map((row) => row.table))).toEqual(new Set(["incidents", "places", "participants", "incident_sources"]));
    expect(incident.nodes[0]!.rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ table: "incidents", operation: "UPDATE", after: expect.objectContaining({ title: "Retitled for the history" }) }),
        expect.objectContaining({ table: "participants", operation: "DELETE", before: expect.objectContaining({ actor_id: "meridian:lin-jian" }) }),
        expect.objectContaining({ table: "participants", operation: "INSERT", after: expect.objectContaining({ actor_id: "meridian:wang-guangjun" }) }),
      ]),
    );
    const deleted = await run(`mutation DropIt { deleteIncident(id: "meridian:history-incident") }`, { as: "bob" });
    const gone = await changes("incidentChanges", { entity: "meridian:history-incident" });
    expect(gone.map((change) => [change.kind, change.author?.keyName, change.requestId])).toEqual([
      ["deleteIncident", "bob", deleted.requestId],
      ["updateIncident", "alice", updated.requestId],
      ["createIncident", "bob", created.requestId],
    ]);
  });

  it("lists actorChanges by entity, key name, kind, time and import run, newest first, paged", async () => {
    const all = await changes("actorChanges");
    expect(all.length).toBeGreaterThan(8);
    expect(all.map((change) => number(change.id))).toEqual(all.map((change) => number(change.id)).sort((a, b) => b - a));
    const ids = (nodes: ChangeNode[]) => nodes.map((node) => node.id);
    const where = (keep: (change: ChangeNode) => boolean) => ids(all.filter(keep));

    expect(ids(await changes("actorChanges", { keyName: "bob" }))).toEqual(where((change) => change.author?.keyName === "bob"));
    expect(where((change) => change.author?.keyName === "bob").length).toBeGreaterThan(1);
    expect(ids(await changes("actorChanges", { kind: "createActor" }))).toEqual(where((change) => change.kind === "createActor"));
    expect(ids(await changes("actorChanges", { kind: "createActor", keyName: "bob" }))).toEqual(
      where((change) => change.kind === "createActor" && change.author?.keyName === "bob"),
    );
    expect(await changes("actorChanges", { kind: "noSuchMutation" })).toEqual([]);

    // By import run: the seed's change alone, and the import's.
    const seed = all.find((change) => change.kind === "seed")!;
    expect(ids(await changes("actorChanges", { importRun: seed.importRunId }))).toEqual([seed.id]);
    const gdelt = await changes("actorChanges", { importRun: gdeltRunId });
    expect(gdelt.map((change) => [change.kind, change.importRunId])).toEqual([["import", gdeltRunId]]);

    // By time: since is inclusive, before exclusive.
    const middle = all[Math.floor(all.length / 2)]!;
    expect(ids(await changes("actorChanges", { since: middle.at }))).toEqual(where((change) => number(change.id) >= number(middle.id)));
    expect(ids(await changes("actorChanges", { before: middle.at }))).toEqual(where((change) => number(change.id) < number(middle.id)));
    expect(ids(await changes("actorChanges", { since: middle.at, before: middle.at }))).toEqual([]);

    // By entity: every change that wrote a row of it, whatever it was made to.
    expect((await changes("actorChanges", { entity: "meridian:history-witness" })).map((change) => change.kind)).toEqual([
      "mergeActors",
      "addAliases",
      "updateActor",
      "createActor",
    ]);

    // Paged two at a time, the pages make the whole list, with its count on each.
    expect(ids(await changes("actorChanges", {}, 2))).toEqual(ids(all));
    const page = await run(`{ actorChanges(first: 2) { totalCount pageInfo { hasNextPage } edges { cursor node { id } } } }`, { as: "bob" });
    expect(page.data.actorChanges.totalCount).toBe(all.length);
    expect(page.data.actorChanges.pageInfo.hasNextPage).toBe(true);
    const filtered = await run(`{ actorChanges(first: 1, filter: { keyName: "alice" }) { totalCount } }`, { as: "bob" });
    expect(filtered.data.actorChanges.totalCount).toBe(where((change) => change.author?.keyName === "alice").length);
  });

  it("pages an entity's history: the pages make the whole history, each with its count", async () => {
    const whole = await historyOf("actor", "meridian:history-witness");
    expect(whole.nodes.length).toBe(4);
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const { data } = await run(
        `query($after: String) { actor(id: "meridian:history-witness") { history(first: 3, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } } }`,
        { variables: { after } },
      );
      const page = data.actor.history;
      expect(page.totalCount).toBe(4);
      seen.push(...page.edges.map((edge: { node: { id: string } }) => edge.node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(whole.nodes.map((node) => node.id));
    const over = await post(`{ actor(id: "meridian:history-witness") { history(first: 501) { totalCount } } }`);
    expect(over.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: "first" });
  });

  it("refuses a malformed filter at its field", async () => {
    for (const [filter, argumentName] of [
      [{ since: "yesterday" }, "filter.since"],
      [{ before: "2025-13-45T00:00:00Z" }, "filter.before"],
      [{ entity: "not an id" }, "filter.entity"],
    ] as const) {
      const { data, errors } = await post(`query($filter: ChangeFilter) { actorChanges(filter: $filter) { totalCount } }`, {
        as: "alice",
        variables: { filter },
      });
      expect(data?.actorChanges ?? null, JSON.stringify(filter)).toBeNull();
      expect(errors?.[0]?.extensions, JSON.stringify(filter)).toMatchObject({ code: "BAD_USER_INPUT", argumentName });
    }
  });

  it.each(["actorChanges", "statementChanges", "incidentChanges", "imports"])(
    "refuses %s to a reader (FORBIDDEN) and without a key (UNAUTHENTICATED)",
    async (list) => {
      const asReader = await post(`{ ${list}(first: 5) { totalCount edges { node { id } } } }`, { as: "rita" });
      expect(asReader.data?.[list] ?? null).toBeNull();
      expect(asReader.errors?.map((error) => error.extensions?.code)).toEqual(["FORBIDDEN"]);
      const anonymous = await post(`{ ${list}(first: 5) { totalCount } }`);
      expect(anonymous.errors?.map((error) => error.extensions?.code)).toEqual(["UNAUTHENTICATED"]);
    },
  );

  it("refuses an editors' list alone: a reader's other fields of the same subgraph still answer", async () => {
    const { data, errors } = await post(`{ actors(first: 1) { totalCount } actorChanges(first: 1) { totalCount } }`, { as: "rita" });
    expect(data?.actors).toMatchObject({ totalCount: expect.any(Number) });
    expect(data?.actorChanges ?? null).toBeNull();
    expect(errors?.map((error) => [error.path?.[0], error.extensions?.code])).toEqual([["actorChanges", "FORBIDDEN"]]);
  });

  it("lets a reader read an entity's history (it is public, as the entity is)", async () => {
    const { data, errors } = await post(`{ actor(id: "meridian:history-witness") { history(first: 1) { edges { node { kind author { keyName } } } } } }`, {
      as: "rita",
    });
    expect(errors).toBeUndefined();
    expect(data.actor.history.edges).toEqual([{ node: { kind: "mergeActors", author: { keyName: "bob" } } }]);
  });
});

if (POSTGRES_SKIPPED_NOTE) describe.skip(POSTGRES_SKIPPED_NOTE, () => it("the history of every change through the gateway on postgres"));

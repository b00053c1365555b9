// Reverting a change through the gateway, on both backends: an update's values come back, a
// deleted actor, incident or statement comes back under its ID with everything it had, and a
// merge is undone (the merged actor back with its own aliases and relations, the statements and
// incidents naming its ID naming it again, not the survivor). Each brings back exactly the
// earlier state, compared table by table (every row of every data table) and as whole GraphQL
// answers. A revert is refused, changing nothing, when it cannot be made: reverted already, a
// revert itself, part of an import, a creation, built on by a later change, an ID of another
// history or of none, or asked for by a reader or without a key.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSeed } from "../../../ingest/seed/load-seed.js";
import { BACKENDS, POSTGRES_SKIPPED_NOTE, type TestDatabase } from "../../../scripts/harness/backends.js";
import { tombstones } from "../../../services/actors/data/tables.js";
import { forEverySubgraph } from "../../../services/registry.js";
import { type GraphQLResponse, type RunningGraph, startGraph } from "../../support/graph.js";
import { API_KEYS, CHANGE_FIELDS, type KeyName, type SendOptions, sendAs } from "../../support/keyed-graph.js";
import { tableChecksums } from "../../support/table-checksums.js";

type Subgraph = "actors" | "statements" | "incidents";

const CHANGE_LISTS: Record<Subgraph, string> = { actors: "actorChanges", statements: "statementChanges", incidents: "incidentChanges" };
const REVERTS: Record<Subgraph, string> = { actors: "revertActorChange", statements: "revertStatementChange", incidents: "revertIncidentChange" };

const page = (list: string, node: string) => `${list} { totalCount edges { node { ${node} } } }`;

/** What a client sees of an actor: its fields, names, links, relations both ways, and what names it in the other subgraphs. */
const ACTOR_VIEW = `id canonicalId name kind country description mergedIds
  aliases { scheme value validFrom validTo } identifiers { scheme value }
  links { scheme value status method confidence ownActorId actor { id } }
  ${page("outgoing: relations(first: 20)", "id predicate validFrom validTo subject { id } object { id } source { id }")}
  ${page("incoming: relations(first: 20, direction: INCOMING)", "id predicate validFrom validTo subject { id } object { id }")}
  ${page("statements(first: 20)", "id text speaker { id canonicalId }")}
  ${page("incidents(first: 20)", "id title")}
  ${page("claimsAbout(first: 20)", "id text")}`;

const INCIDENT_VIEW = `id type title summary status startDate { date precision } endDate { date precision } fatalities { best }
  places { id name country isPrimary } participants { role associatedWith count actor { id canonicalId name } }
  sources { id } ${page("statements(first: 20)", "id")} ${page("claims(first: 20)", "id")}`;

const STATEMENT_VIEW = `id text venue modality language saidAt { date precision } speaker { id canonicalId name } onBehalfOf { id name }
  source { id } stances { stance claim { id status } } incidents { id title }`;

describe.each(BACKENDS)("reverting changes through the gateway on $name", (backend) => {
  let database: TestDatabase;
  let graph: RunningGraph;

  beforeAll(async () => {
    database = await backend.create();
    await loadSeed(forEverySubgraph(database.handle));
    graph = await startGraph(database.handle, { apiKeys: API_KEYS });
  });
  afterAll(async () => {
    await graph?.stop();
    await database?.dispose();
  });

  const post = (query: string, options?: SendOptions): Promise<GraphQLResponse> => sendAs(graph.gatewayUrl, query, options);
  /** Runs an operation that must succeed (as alice unless said). */
  async function run(query: string, options: SendOptions = {}): Promise<any> {
    const { data, errors } = await post(query, { as: "alice", ...options });
    expect(errors).toBeUndefined();
    return data;
  }
  const checksums = () => tableChecksums(forEverySubgraph(database.handle));
  /** The newest change that wrote a row of `entity`. */
  async function lastChange(subgraph: Subgraph, entity: string): Promise<{ id: string; kind: string }> {
    const data = await run(`query($entity: ID!) { ${CHANGE_LISTS[subgraph]}(first: 1, filter: { entity: $entity }) { edges { node { id kind } } } }`, {
      variables: { entity },
    });
    return data[CHANGE_LISTS[subgraph]].edges[0].node;
  }
  /** Reverts a change; it must succeed. Returns the revert change. */
  async function revert(subgraph: Subgraph, id: string, as: KeyName = "bob"): Promise<any> {
    const data = await run(`mutation UndoIt($id: ID!) { ${REVERTS[subgraph]}(id: $id) { ${CHANGE_FIELDS} } }`, { as, variables: { id } });
    return data[REVERTS[subgraph]];
  }
  /** How many changes each history holds. */
  async function changeCounts(): Promise<Record<string, number>> {
    const data = await run(
      `{ ${Object.values(CHANGE_LISTS)
        .map((list) => `${list}(first: 0) { totalCount }`)
        .join(" ")} }`,
    );
    return Object.fromEntries(Object.values(CHANGE_LISTS).map((list) => [list, data[list].totalCount]));
  }
  /** A refused revert's one error; nothing, not even the history, may have changed. */
  async function refusedRevert(subgraph: Subgraph, id: string, as?: KeyName): Promise<{ message: string; extensions?: Record<string, unknown> }> {
    const [sums, counts] = [await checksums(), await changeCounts()];
    const { data, errors } = await post(`mutation($id: ID!) { ${REVERTS[subgraph]}(id: $id) { id } }`, { as, variables: { id } });
    expect(data ?? null).toBeNull();
    expect(errors).toHaveLength(1);
    expect(await checksums()).toEqual(sums);
    expect(await changeCounts()).toEqual(counts);
    return errors![0]!;
  }
  const views = async (query: string) => run(query, { as: undefined });
  it("reverts an actor's update: its fields and aliases come back exactly, and the history says who undid what", async () => {
    const view = `{ actor(id: "meridian:lin-jian") { ${ACTOR_VIEW} } }`;
    const [sums, seen] = [await checksums(), await views(view)];
    await run(`mutation { updateActor(id: "meridian:lin-jian", input: { name: "Lin J.", country: "CHE", description: "Renamed for a while" }) { id } }`);
    const update = await lastChange("actors", "meridian:lin-jian");
    expect(update.kind).toBe("updateActor");
    expect(await views(view)).not.toEqual(seen);
    const reverted = await revert("actors", update.id);
    expect(reverted).toMatchObject({
      id: expect.stringMatching(/^actors:\d+$/),
      kind: "revertActorChange",
      entityKind: "actor",
      entityId: "meridian:lin-jian",
      author: { keyName: "bob", role: "editor" },
      operationName: "UndoIt",
      reverts: update.id,
      revertedBy: null,
      importRunId: null,
    });
    expect(await checksums()).toEqual(sums);
    expect(await views(view)).toEqual(seen);
    // The actor's history: the revert, then the update, marked reverted by it.
    const history = await views(
      `{ actor(id: "meridian:lin-jian") { history(first: 2) { edges { node { id kind reverts revertedBy rows { table operation } } } } } }`,
    );
    expect(history.actor.history.edges.map((edge: any) => edge.node)).toEqual([
      {
        id: reverted.id,
        kind: "revertActorChange",
        reverts: update.id,
        revertedBy: null,
        rows: expect.arrayContaining([
          { table: "actors", operation: "UPDATE" },
          { table: "aliases", operation: "DELETE" },
        ]),
      },
      { id: update.id, kind: "updateActor", reverts: null, revertedBy: reverted.id, rows: expect.any(Array) },
    ]);
  });

  it("restores a deleted actor under its ID with its aliases and relations both ways; the statements naming it resolve it again", async () => {
    const ministry = "meridian:chinese-foreign-ministry";
    const view = `{ ministry: actor(id: "${ministry}") { ${ACTOR_VIEW} }
      spokesperson: actor(id: "meridian:lin-jian") { ${ACTOR_VIEW} }
      government: actor(id: "meridian:government-of-china") { ${ACTOR_VIEW} }
      statement(id: "meridian:lin-jian-2025-04-09-verifying-with-ukraine") { ${STATEMENT_VIEW} } }`;
    const [sums, seen] = [await checksums(), await views(view)];
    expect(seen.ministry.incoming.totalCount).toBeGreaterThan(0);
    expect(seen.ministry.outgoing.totalCount).toBeGreaterThan(0);
    expect(seen.statement.onBehalfOf).toEqual({ id: ministry, name: seen.ministry.name });
    expect(await run(`mutation { deleteActor(id: "${ministry}") }`)).toEqual({ deleteActor: true });
    const deleted = await views(view);
    expect(deleted.ministry).toBeNull();
    expect(deleted.statement.onBehalfOf).toBeNull();
    expect(deleted.spokesperson.outgoing.totalCount).toBe(seen.spokesperson.outgoing.totalCount - 1);
    const deletion = await lastChange("actors", ministry);
    expect(deletion.kind).toBe("deleteActor");
    const restored = await revert("actors", deletion.id);
    expect(restored).toMatchObject({ kind: "revertActorChange", entityId: ministry, reverts: deletion.id });
    expect(await checksums()).toEqual(sums);
    expect(await views(view)).toEqual(seen);
  });

  it("undoes a merge: the merged actor comes back under its ID with its own aliases and relations, and what names its ID names it again", async () => {
    const [survivor, merged] = ["meridian:wang-guangjun", "meridian:zhang-renbo"];
    // A statement and an incident of its own name the merged actor, beside the seed's incidents naming both.
    await run(
      `mutation { createStatement(input: { key: "said-by-zhang", speaker: "${merged}", said: { date: "2025-04-14", precision: DAY }, modality: DIRECT_QUOTE, text: "Said by Zhang Renbo.", language: "en", source: "meridian:babel-116977" }) { id } }`,
    );
    await run(
      `mutation { createIncident(input: { key: "zhang-alone", type: OTHER, title: "Zhang Renbo alone", start: { date: "2025-04-14", precision: DAY }, status: REPORTED, participants: [{ actor: "${merged}", role: SIDE_A }] }) { id } }`,
    );
    await run(`mutation { addAliases(input: { actor: "${merged}", aliases: [{ scheme: WIKIDATA, value: "Q99999902" }] }) { id } }`);
    const view = `{ survivor: actor(id: "${survivor}") { ${ACTOR_VIEW} }
      merged: actor(id: "${merged}") { ${ACTOR_VIEW} }
      statement(id: "meridian:said-by-zhang") { ${STATEMENT_VIEW} }
      alone: incident(id: "meridian:zhang-alone") { participants { role actor { id canonicalId name } } }
      capture: incident(id: "meridian:capture-of-wang-guangjun-and-zhang-renbo") { participants { role actor { id canonicalId name } } }
      conference: incident(id: "meridian:press-conference-of-captured-chinese-citizens-in-kyiv") { participants { role actor { id canonicalId name } } } }`;
    const [sums, seen] = [await checksums(), await views(view)];
    expect(seen.merged).toMatchObject({ id: merged, canonicalId: merged, mergedIds: [] });
    expect(seen.statement.speaker).toEqual({ id: merged, canonicalId: merged, name: "Zhang Renbo" });
    expect(seen.merged.outgoing.totalCount).toBeGreaterThan(0);
    await run(`mutation { mergeActors(survivorId: "${survivor}", mergedId: "${merged}") { id } }`);
    const whileMerged = await views(view);
    expect(whileMerged.merged.canonicalId).toBe(survivor);
    expect(whileMerged.survivor.mergedIds).toEqual([merged]);
    expect(whileMerged.statement.speaker).toEqual({ id: merged, canonicalId: survivor, name: "Wang Guangjun" });
    expect(whileMerged.alone.participants[0].actor.canonicalId).toBe(survivor);
    expect(whileMerged.survivor.links).toContainEqual(
      expect.objectContaining({ scheme: "WIKIDATA", value: "Q99999902", method: "EDITOR", ownActorId: merged }),
    );
    const merge = await lastChange("actors", survivor);
    expect(merge.kind).toBe("mergeActors");
    const unmerged = await revert("actors", merge.id);
    expect(unmerged).toMatchObject({ kind: "revertActorChange", entityId: survivor, reverts: merge.id });
    expect(await checksums()).toEqual(sums);
    const after = await views(view);
    expect(after).toEqual(seen);
    // Named by its own ID again, not the survivor's.
    expect(after.statement.speaker.canonicalId).toBe(merged);
    expect(after.capture.participants.map((participant: any) => participant.actor.canonicalId)).toContain(merged);
  });

  it("reverts an incident's update and its deletion: fields, places, participants and sources come back exactly", async () => {
    const incident = "meridian:capture-of-two-north-korean-soldiers";
    const view = `{ incident(id: "${incident}") { ${INCIDENT_VIEW} }
      statement(id: "meridian:zelensky-2025-01-11-north-korean-soldiers-captured") { ${STATEMENT_VIEW} }
      actor(id: "meridian:ukraine") { ${page("incidents(first: 20)", "id title")} } }`;
    const [sums, seen] = [await checksums(), await views(view)];
    expect(seen.statement.incidents).toEqual([{ id: incident, title: seen.incident.title }]);
    await run(
      `mutation { updateIncident(id: "${incident}", input: { title: "Retitled", status: ALLEGED, fatalities: { best: 3 }, places: [{ name: "Kursk", country: "RUS", primary: true }], participants: [{ actor: "meridian:russia", role: SIDE_A }], sources: ["meridian:babel-116977"] }) { id } }`,
    );
    expect(await views(view)).not.toEqual(seen);
    const update = await lastChange("incidents", incident);
    expect(update.kind).toBe("updateIncident");
    expect(await revert("incidents", update.id)).toMatchObject({
      kind: "revertIncidentChange",
      entityKind: "incident",
      entityId: incident,
      reverts: update.id,
    });
    expect(await checksums()).toEqual(sums);
    expect(await views(view)).toEqual(seen);

    expect(await run(`mutation { deleteIncident(id: "${incident}") }`)).toEqual({ deleteIncident: true });
    const deleted = await views(view);
    expect(deleted.incident).toBeNull();
    expect(deleted.statement.incidents).toEqual([null]);
    const deletion = await lastChange("incidents", incident);
    expect(deletion.kind).toBe("deleteIncident");
    expect(await revert("incidents", deletion.id, "alice")).toMatchObject({ kind: "revertIncidentChange", reverts: deletion.id, author: { keyName: "alice" } });
    expect(await checksums()).toEqual(sums);
    expect(await views(view)).toEqual(seen);
  });

  it("restores a deleted statement with its stances and incidents; the claims and incidents list it again", async () => {
    const statement = "meridian:zelensky-2025-04-08-capture-announcement";
    const view = `{ statement(id: "${statement}") { ${STATEMENT_VIEW} ${page("responses(first: 20)", "id")} }
      claim(id: "meridian:claim-two-chinese-citizens-captured-fighting-for-russia") { status assertedBy { id } ${page("stances(first: 20)", "stance statement { id }")} }
      incident(id: "meridian:capture-of-wang-guangjun-and-zhang-renbo") { ${page("statements(first: 20)", "id")} }
      actor(id: "meridian:volodymyr-zelensky") { ${page("statements(first: 20)", "id")} } }`;
    const [sums, seen] = [await checksums(), await views(view)];
    expect(seen.statement.stances.length).toBeGreaterThan(0);
    expect(seen.statement.incidents.length).toBe(2);
    expect(await run(`mutation { deleteStatement(id: "${statement}") }`)).toEqual({ deleteStatement: true });
    const deleted = await views(view);
    expect(deleted.statement).toBeNull();
    expect(deleted.incident.statements.totalCount).toBe(seen.incident.statements.totalCount - 1);
    const deletion = await lastChange("statements", statement);
    expect(deletion.kind).toBe("deleteStatement");
    expect(await revert("statements", deletion.id)).toMatchObject({
      kind: "revertStatementChange",
      entityKind: "statement",
      entityId: statement,
      reverts: deletion.id,
    });
    expect(await checksums()).toEqual(sums);
    expect(await views(view)).toEqual(seen);
  });

  it("refuses to revert a change twice, and to revert a revert, changing nothing", async () => {
    await run(`mutation { updateActor(id: "meridian:tammy-bruce", input: { description: "Changed to be reverted" }) { id } }`);
    const update = await lastChange("actors", "meridian:tammy-bruce");
    const reverted = await revert("actors", update.id);
    const twice = await refusedRevert("actors", update.id, "alice");
    expect(twice.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: "id" });
    expect(twice.message).toContain(`change ${update.id} was already reverted, by change ${reverted.id}`);
    const ofRevert = await refusedRevert("actors", reverted.id, "alice");
    expect(ofRevert.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: "id" });
    expect(ofRevert.message).toContain(`is itself the revert of change ${update.id}`);
  });

  it("refuses to revert a change its entity was changed or deleted after, listing the later change; reverted newest first, all come back", async () => {
    const actor = "meridian:us-state-department";
    const view = `{ actor(id: "${actor}") { ${ACTOR_VIEW} } }`;
    const [sums, seen] = [await checksums(), await views(view)];
    await run(`mutation { updateActor(id: "${actor}", input: { description: "First edit" }) { id } }`);
    const first = await lastChange("actors", actor);
    await run(`mutation { updateActor(id: "${actor}", input: { description: "Second edit" }) { id } }`, { as: "bob" });
    const second = await lastChange("actors", actor);
    const changedLater = await refusedRevert("actors", first.id, "alice");
    expect(changedLater.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: "id" });
    expect(changedLater.message).toContain("later changes touched the same entities; revert them first");
    expect(changedLater.message).toContain(`change ${second.id} (updateActor of actor ${actor} by bob at `);

    await run(`mutation { deleteActor(id: "${actor}") }`);
    const deletion = await lastChange("actors", actor);
    const deletedLater = await refusedRevert("actors", second.id, "bob");
    expect(deletedLater.message).toContain(`change ${deletion.id} (deleteActor of actor ${actor} by alice at `);
    // Newest first, each revert is accepted, and the actor is as it was.
    await revert("actors", deletion.id);
    await revert("actors", second.id);
    await revert("actors", first.id);
    expect(await checksums()).toEqual(sums);
    expect(await views(view)).toEqual(seen);
  });

  it("refuses a seed's (an import's) change, naming npm run revert-import with the run's ID", async () => {
    const runId = (await run(`{ imports(first: 1) { edges { node { id format } } } }`)).imports.edges[0].node;
    expect(runId.format).toBe("seed");
    for (const subgraph of ["actors", "statements", "incidents"] as const) {
      const data = await run(`{ ${CHANGE_LISTS[subgraph]}(first: 5, filter: { kind: "seed" }) { edges { node { id importRunId } } } }`);
      const [seed] = data[CHANGE_LISTS[subgraph]].edges.map((edge: any) => edge.node);
      expect(seed.importRunId).toBe(runId.id);
      const refused = await refusedRevert(subgraph, seed.id, "alice");
      expect(refused.extensions, subgraph).toMatchObject({ code: "BAD_USER_INPUT", argumentName: "id" });
      expect(refused.message).toContain(`change ${seed.id} is part of import run ${runId.id}`);
      expect(refused.message).toContain(`npm run revert-import -- ${runId.id}`);
    }
  });

  it("refuses to revert a creation, which would free an ID other subgraphs may name: delete it instead", async () => {
    await run(`mutation { createActor(input: { key: "briefly", kind: PERSON, name: "Briefly There" }) { id } }`);
    const creation = await lastChange("actors", "meridian:briefly");
    expect(creation.kind).toBe("createActor");
    await run(
      `mutation { createStatement(input: { key: "said-briefly", speaker: "meridian:briefly", said: { date: "2025-04-15", precision: DAY }, modality: PARAPHRASE, text: "Said by someone briefly there.", language: "en", source: "meridian:babel-116977" }) { id } }`,
    );
    const refused = await refusedRevert("actors", creation.id, "bob");
    expect(refused.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: "id" });
    expect(refused.message).toContain("deleteActor");
    // Had it been reverted, a new actor could take the ID, and the statement would name it.
    expect((await views(`{ statement(id: "meridian:said-briefly") { speaker { name } } }`)).statement.speaker).toEqual({ name: "Briefly There" });
  });

  it.each([
    ["an unknown change", "actors", "actors:999999", "no change actors:999999 is recorded in the actors history"],
    ["a bare number", "actors", "42", '"42" is not a change ID'],
    ["a malformed ID", "actors", "actors:abc", '"actors:abc" is not a change ID'],
    ["a negative number", "actors", "actors:-1", '"actors:-1" is not a change ID'],
    ["a statement change to revertActorChange", "actors", "statements:3", "change statements:3 is in the statements history"],
    ["an actor change to revertIncidentChange", "incidents", "actors:1", "change actors:1 is in the actors history"],
    ["an incident change to revertStatementChange", "statements", "incidents:1", "change incidents:1 is in the incidents history"],
  ] as const)("refuses %s at its argument, changing nothing", async (_case, subgraph, id, message) => {
    const refused = await refusedRevert(subgraph, id, "alice");
    expect(refused.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: "id" });
    expect(refused.message).toContain(message);
  });

  it("refuses a revert to a reader (FORBIDDEN) and without a key (UNAUTHENTICATED), changing nothing", async () => {
    await run(`mutation { updateActor(id: "meridian:north-korea", input: { description: "Edited by alice" }) { id } }`);
    const update = await lastChange("actors", "meridian:north-korea");
    expect((await refusedRevert("actors", update.id, "rita")).extensions).toMatchObject({ code: "FORBIDDEN" });
    expect((await refusedRevert("actors", update.id)).extensions).toMatchObject({ code: "UNAUTHENTICATED" });
    const incident = await lastChange("incidents", "meridian:capture-of-two-north-korean-soldiers");
    expect((await refusedRevert("incidents", incident.id, "rita")).extensions).toMatchObject({ code: "FORBIDDEN" });
    const statement = await lastChange("statements", "meridian:zelensky-2025-04-08-capture-announcement");
    expect((await refusedRevert("statements", statement.id)).extensions).toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("brings a deleted actor back for good: its key is taken again, and a second deletion's tombstone names who made it", async () => {
    const phoenix = "meridian:phoenix";
    const create = `mutation { createActor(input: { key: "phoenix", kind: ORGANIZATION, name: "Phoenix", aliases: [{ scheme: TITLE, value: "The bird" }] }) { id } }`;
    await run(create);
    await run(`mutation { deleteActor(id: "${phoenix}") }`);
    const firstDeletion = await lastChange("actors", phoenix);
    const tombstone = async () => {
      const [row] = await database.handle.db
        .select()
        .from(tombstones)
        .where(and(eq(tombstones.kind, "actor"), eq(tombstones.id, phoenix)));
      return row;
    };
    expect(await tombstone()).toMatchObject({ deletedBy: "alice" });
    await revert("actors", firstDeletion.id);
    expect(await tombstone()).toBeUndefined();
    expect(await views(`{ actor(id: "${phoenix}") { name aliases { value } } }`)).toEqual({
      actor: { name: "Phoenix", aliases: expect.arrayContaining([{ value: "Phoenix" }, { value: "The bird" }]) },
    });
    const { data, errors } = await post(create, { as: "bob" });
    expect(data ?? null).toBeNull();
    expect(errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: "input.key" });
    expect(errors?.[0]?.message).toContain(`the ID ${phoenix} is taken by another actor`);

    expect(await run(`mutation { deleteActor(id: "${phoenix}") }`, { as: "bob" })).toEqual({ deleteActor: true });
    expect(await tombstone()).toMatchObject({ deletedBy: "bob" });
    const again = await post(create, { as: "alice" });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: "input.key" });
    expect(again.errors?.[0]?.message).toMatch(new RegExp(`the actor ${phoenix} was deleted on .* by bob`));
    // The whole story, in the actor's history.
    const story = await run(`{ actorChanges(filter: { entity: "${phoenix}" }) { edges { node { kind author { keyName } reverts } } } }`);
    expect(story.actorChanges.edges.map((edge: any) => [edge.node.kind, edge.node.author.keyName, edge.node.reverts])).toEqual([
      ["deleteActor", "bob", null],
      ["revertActorChange", "bob", firstDeletion.id],
      ["deleteActor", "alice", null],
      ["createActor", "alice", null],
    ]);
    // The first deletion stays reverted; the creation, built on since, is not revertible.
    expect((await refusedRevert("actors", firstDeletion.id, "alice")).message).toContain("was already reverted");
  });
});

if (POSTGRES_SKIPPED_NOTE) describe.skip(POSTGRES_SKIPPED_NOTE, () => it("reverting changes through the gateway on postgres"));

// Tombstones through the gateway, on both backends: a deleted entity's ID is never given to a
// new one (the create is refused at its argument, naming the deletion, having written nothing),
// merged IDs stay unusable when their survivor is deleted, and references to a deleted entity
// answer null, with no error and no valueCompletion noise in the response's extensions.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSeed } from "../../../ingest/seed/load-seed.js";
import { apiKeyEntry, newApiKey, parseApiKeyEntries } from "../../../platform/config/api-keys.js";
import { tombstones as actorTombstones } from "../../../services/actors/data/tables.js";
import { tombstones as incidentTombstones } from "../../../services/incidents/data/tables.js";
import { tombstones as statementTombstones } from "../../../services/statements/data/tables.js";
import type { TombstonesTable } from "../../../services/kit/records/tombstones.js";
import type { EntityKind } from "../../../services/kit/records/reference-resolver.js";
import { forEverySubgraph } from "../../../services/registry.js";
import { BACKENDS, POSTGRES_SKIPPED_NOTE, type TestDatabase } from "../../../scripts/harness/backends.js";
import { countRows } from "../../ingest/documents/support/row-counts.js";
import { type GraphQLResponse, type RunningGraph, startGraph } from "../../support/graph.js";

const EDITOR_KEY = newApiKey();
const { entries: API_KEYS } = parseApiKeyEntries(apiKeyEntry("alice", "editor", EDITOR_KEY));

const TOMBSTONES: Record<EntityKind, TombstonesTable> = {
  actor: actorTombstones,
  source: statementTombstones,
  claim: statementTombstones,
  statement: statementTombstones,
  incident: incidentTombstones,
};

/** A create of each kind with the key "reused-<kind>", and its delete. */
const KINDS: { kind: EntityKind; create: string; remove: string }[] = [
  {
    kind: "actor",
    create: `mutation { createActor(input: { key: "reused-actor", kind: PERSON, name: "Reused Actor" }) { id } }`,
    remove: `mutation { deleteActor(id: "meridian:reused-actor") }`,
  },
  {
    kind: "source",
    create: `mutation { createSource(input: { key: "reused-source", kind: ARTICLE, title: "A reused source" }) { id } }`,
    remove: `mutation { deleteSource(id: "meridian:reused-source") }`,
  },
  {
    kind: "claim",
    create: `mutation { createClaim(input: { key: "reused-claim", text: "A reused claim", subject: "meridian:lin-jian", predicate: "SAYS" }) { id } }`,
    remove: `mutation { deleteClaim(id: "meridian:reused-claim") }`,
  },
  {
    kind: "statement",
    create: `mutation { createStatement(input: { key: "reused-statement", speaker: "meridian:lin-jian", said: { date: "2025-04-14", precision: DAY }, modality: PARAPHRASE, text: "A reused statement.", language: "en", source: "meridian:babel-116977" }) { id } }`,
    remove: `mutation { deleteStatement(id: "meridian:reused-statement") }`,
  },
  {
    kind: "incident",
    create: `mutation { createIncident(input: { key: "reused-incident", type: OTHER, title: "A reused incident", start: { date: "2025-04-14", precision: DAY }, status: REPORTED }) { id } }`,
    remove: `mutation { deleteIncident(id: "meridian:reused-incident") }`,
  },
];

describe.each(BACKENDS)("tombstones through the gateway on $name", (backend) => {
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

  async function post(query: string, asEditor = false): Promise<GraphQLResponse> {
    const response = await fetch(graph.gatewayUrl, {
      method: "POST",
      headers: { "content-type": "application/json", ...(asEditor ? { authorization: `Bearer ${EDITOR_KEY}` } : {}) },
      body: JSON.stringify({ query }),
    });
    return (await response.json()) as GraphQLResponse;
  }
  /** Runs an operation as an editor; it must succeed. */
  async function edit(query: string): Promise<any> {
    const { data, errors } = await post(query, true);
    expect(errors).toBeUndefined();
    return data;
  }
  /** A query's whole answer, which must be data alone: no errors, no extensions. */
  async function askCleanly(query: string): Promise<any> {
    const answer = await post(query);
    expect(answer).toEqual({ data: expect.anything() });
    return answer.data;
  }
  /** A refused mutation's error; nothing may have been written. */
  async function refused(query: string) {
    const before = await countRows(forEverySubgraph(database.handle));
    const { data, errors } = await post(query, true);
    expect(data ?? null).toBeNull();
    expect(errors).toHaveLength(1);
    expect(await countRows(forEverySubgraph(database.handle))).toEqual(before);
    return errors![0]!;
  }
  async function tombstoneOf(kind: EntityKind, id: string) {
    const table = TOMBSTONES[kind];
    const [row] = await database.handle.db
      .select()
      .from(table)
      .where(and(eq(table.kind, kind), eq(table.id, id)));
    return row;
  }
  const day = (at: Date) => at.toISOString().slice(0, 10);

  it.each(KINDS)(
    "a deleted $kind's ID is not given again: the create is refused at input.key, naming the deletion, writing nothing",
    async ({ kind, create, remove }) => {
      const id = `meridian:reused-${kind}`;
      await edit(create);
      expect(Object.values(await edit(remove))).toEqual([true]);
      const tombstone = await tombstoneOf(kind, id);
      expect(tombstone).toMatchObject({ kind, id, deletedBy: "alice" });
      const error = await refused(create);
      expect(error.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: "input.key" });
      expect(error.message).toContain(`Argument "input.key": the ${kind} ${id} was deleted on ${day(tombstone!.deletedAt)}`);
      // Deleting it again finds nothing and leaves the tombstone as it was.
      expect(Object.values(await edit(remove))).toEqual([false]);
      expect(await tombstoneOf(kind, id)).toEqual(tombstone);
    },
  );

  it("refuses a deleted ID derived from a name as well, at the name", async () => {
    await edit(`mutation { createActor(input: { kind: ORGANIZATION, name: "Named Once" }) { id } }`);
    await edit(`mutation { deleteActor(id: "meridian:named-once") }`);
    const error = await refused(`mutation { createActor(input: { kind: ORGANIZATION, name: "Named Once" }) { id } }`);
    expect(error.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: "input.name" });
    expect(error.message).toContain("the actor meridian:named-once was deleted on");
  });

  it("makes the issue's reattribution impossible: the deleted speaker answers null, cleanly, and no new actor takes the ID", async () => {
    await edit(`mutation { createActor(input: { key: "x", kind: PERSON, name: "The first X" }) { id } }`);
    await edit(
      `mutation { createStatement(input: { key: "said-by-x", speaker: "meridian:x", said: { date: "2025-04-15", precision: DAY }, modality: DIRECT_QUOTE, text: "Said by the first X.", language: "en", source: "meridian:babel-116977", stances: [{ claim: "meridian:claim-155-chinese-citizens-fight-for-russia", stance: ASSERTS }] }) { id } }`,
    );
    await edit(`mutation { deleteActor(id: "meridian:x") }`);
    const statement = `{ statement(id: "meridian:said-by-x") { text speaker { id name kind } onBehalfOf { name } } }`;
    expect(await askCleanly(statement)).toEqual({ statement: { text: "Said by the first X.", speaker: null, onBehalfOf: null } });
    const error = await refused(`mutation { createActor(input: { key: "x", kind: PERSON, name: "Another X" }) { id } }`);
    expect(error.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: "input.key" });
    expect(error.message).toContain("the actor meridian:x was deleted on");
    expect((await askCleanly(statement)).statement.speaker).toBeNull();
    // In a list of other subgraphs' entities, the deleted one is a null item: the claim and the page around it stay.
    const claim = await askCleanly(`{ claims(first: 50) { edges { node { id assertedBy { name } } } } }`);
    const contested = claim.claims.edges.find((edge: any) => edge.node.id === "meridian:claim-155-chinese-citizens-fight-for-russia");
    expect(contested.node.assertedBy).toContainEqual({ name: "Volodymyr Zelensky" });
    expect(contested.node.assertedBy).toContainEqual(null);
  });

  it("keeps a merge's IDs unusable when the survivor is deleted: they resolve to nothing and are never given again", async () => {
    await edit(`mutation { createActor(input: { key: "survivor", kind: ORGANIZATION, name: "The survivor" }) { id } }`);
    await edit(`mutation { createActor(input: { key: "absorbed", kind: ORGANIZATION, name: "The absorbed" }) { id } }`);
    await edit(
      `mutation { createStatement(input: { key: "said-by-absorbed", speaker: "meridian:absorbed", said: { date: "2025-04-16", precision: DAY }, modality: DIRECT_QUOTE, text: "Said by the absorbed.", language: "en", source: "meridian:babel-116977" }) { id } }`,
    );
    await edit(`mutation { mergeActors(survivorId: "meridian:survivor", mergedId: "meridian:absorbed") { id } }`);
    expect((await askCleanly(`{ statement(id: "meridian:said-by-absorbed") { speaker { canonicalId } } }`)).statement.speaker).toEqual({
      canonicalId: "meridian:survivor",
    });
    await edit(`mutation { deleteActor(id: "meridian:survivor") }`);
    const deletedAt = day((await tombstoneOf("actor", "meridian:survivor"))!.deletedAt);
    expect(await askCleanly(`{ actor(id: "meridian:absorbed") { id } statement(id: "meridian:said-by-absorbed") { speaker { name } } }`)).toEqual({
      actor: null,
      statement: { speaker: null },
    });
    const reused = await refused(`mutation { createActor(input: { key: "absorbed", kind: PERSON, name: "Someone new" }) { id } }`);
    expect(reused.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: "input.key" });
    expect(reused.message).toContain(`the ID meridian:absorbed belonged to an actor merged into meridian:survivor, since deleted on ${deletedAt}`);
    const merged = await refused(`mutation { mergeActors(survivorId: "meridian:lin-jian", mergedId: "meridian:absorbed") { id } }`);
    expect(merged.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: "mergedId" });
    expect(merged.message).toContain("merged into meridian:survivor, since deleted on");
  });

  it("answers null for a deleted incident or source in the lists that named them", async () => {
    await edit(`mutation { createSource(input: { key: "short-lived", kind: ARTICLE, title: "A short-lived source" }) { id } }`);
    await edit(
      `mutation { createIncident(input: { key: "reported-once", type: OTHER, title: "Reported once", start: { date: "2025-04-17", precision: DAY }, status: REPORTED, sources: ["meridian:short-lived", "meridian:babel-116977"] }) { id } }`,
    );
    await edit(
      `mutation { createStatement(input: { key: "about-reported-once", speaker: "meridian:lin-jian", said: { date: "2025-04-17", precision: DAY }, modality: PARAPHRASE, text: "About the incident reported once.", language: "en", source: "meridian:short-lived", incidents: ["meridian:reported-once"] }) { id } }`,
    );
    const cited = await refused(`mutation { deleteSource(id: "meridian:short-lived") }`);
    expect(cited.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: "id" });
    expect(cited.message).toContain("1 statement(s) cite the source meridian:short-lived");
    await edit(`mutation { updateStatement(id: "meridian:about-reported-once", input: { source: "meridian:babel-116977" }) { id } }`);
    expect((await edit(`mutation { deleteSource(id: "meridian:short-lived") }`)).deleteSource).toBe(true);
    expect(await askCleanly(`{ incident(id: "meridian:reported-once") { sources { id title } } }`)).toEqual({
      incident: { sources: expect.arrayContaining([null, { id: "meridian:babel-116977", title: expect.any(String) }]) },
    });
    expect((await edit(`mutation { deleteIncident(id: "meridian:reported-once") }`)).deleteIncident).toBe(true);
    expect(await askCleanly(`{ statement(id: "meridian:about-reported-once") { incidents { title } source { id } } }`)).toEqual({
      statement: { incidents: [null], source: { id: "meridian:babel-116977" } },
    });
  });
});

if (POSTGRES_SKIPPED_NOTE) describe.skip(POSTGRES_SKIPPED_NOTE, () => it("tombstones through the gateway on postgres"));

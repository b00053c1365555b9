// Links across datasets through the gateway, on both backends: GDELT imported before the seed
// (the story's Russia absorbs GDELT's), then ACLED naming Russia's forces (the crosswalk to
// CAMEO RUSMIL, the story's Russian armed forces). Readers see every link with how it was
// made; editors confirm, reject and split them, and a rejected or split link is not made again.
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSeed } from "../../../ingest/seed/load-seed.js";
import { apiKeyEntry, newApiKey, parseApiKeyEntries } from "../../../platform/config/api-keys.js";
import { actorLinks, aliases } from "../../../services/actors/data/tables.js";
import { participants } from "../../../services/incidents/data/tables.js";
import { BACKENDS, type TestDatabase } from "../../../scripts/harness/backends.js";
import { forEverySubgraph } from "../../../services/registry.js";
import { countRows } from "../../ingest/documents/support/row-counts.js";
import { importFiles } from "../../ingest/import/support/import-runs.js";
import { type GraphQLResponse, type RunningGraph, startGraph } from "../../support/graph.js";

const EDITOR_KEY = newApiKey();
const READER_KEY = newApiKey();
const { entries: API_KEYS } = parseApiKeyEntries(`${apiKeyEntry("test-editor", "editor", EDITOR_KEY)},${apiKeyEntry("test-reader", "reader", READER_KEY)}`);
const GDELT_FIXTURE = path.resolve("test/fixtures/gdelt/20250612101500.export.CSV");
const ACLED_FIXTURE = path.resolve("test/fixtures/acled/current-export.csv");
const RUSSIAN_FORCES = "Military Forces of Russia (2000-)";

async function post(url: string, query: string, key?: string): Promise<GraphQLResponse> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as GraphQLResponse;
}

const LINK_FIELDS = "scheme value method confidence rule status ownActorId decidedAt actor { id } separateActor { id name }";

describe.each(BACKENDS)("links across datasets through the gateway on $name", (backend) => {
  let database: TestDatabase;
  let graph: RunningGraph;
  let acledFile: string;
  const handles = () => forEverySubgraph(database.handle);

  beforeAll(async () => {
    database = await backend.create();
    // The made-up ACLED rows with Russia's forces in place of the made-up country's.
    acledFile = path.join(await mkdtemp(path.join(tmpdir(), "meridian-links-")), "russia.csv");
    await writeFile(acledFile, (await readFile(ACLED_FIXTURE, "utf8")).replaceAll("Military Forces of Norland (2020-)", RUSSIAN_FORCES));
    await importFiles(handles(), "gdelt", [GDELT_FIXTURE]);
    await loadSeed(handles());
    await importFiles(handles(), "acled", [acledFile]);
    graph = await startGraph(database.handle, { apiKeys: API_KEYS });
  });
  afterAll(async () => {
    await graph?.stop();
    await database?.dispose();
  });

  async function ask(query: string, key?: string): Promise<any> {
    const { data, errors } = await post(graph.gatewayUrl, query, key);
    expect(errors).toBeUndefined();
    return data;
  }

  it("shows each link with its method, confidence, rule and own actor, on the actor and in the review list", async () => {
    const { actor } = await ask(`{ actor(id: "meridian:russia") { links { ${LINK_FIELDS} } } }`);
    expect(actor.links).toContainEqual({
      scheme: "CAMEO",
      value: "RUS",
      method: "SAME_CODE",
      confidence: 1,
      rule: "the actor holds the same CAMEO code",
      status: "PROPOSED",
      ownActorId: "gdelt:rus",
      decidedAt: null,
      actor: { id: "meridian:russia" },
      separateActor: null,
    });
    const { actor: forces } = await ask(`{ actor(id: "meridian:russian-armed-forces") { links { scheme value method confidence ownActorId } } }`);
    expect(forces.links).toContainEqual({
      scheme: "ACLED",
      value: RUSSIAN_FORCES,
      method: "CROSSWALK",
      confidence: 0.9,
      ownActorId: "acled:military-forces-of-russia-2000",
    });
    // The review list: least sure first, paged, counted, filtered.
    const all = await ask(`{ actorLinks(first: 500) { totalCount edges { node { confidence scheme value } } } }`);
    const confidences = all.actorLinks.edges.map((edge: any) => edge.node.confidence);
    expect(confidences).toEqual([...confidences].sort((a, b) => a - b));
    expect(all.actorLinks.totalCount).toBe(await database.handle.db.$count(actorLinks));
    const pages: string[] = [];
    let after: string | null = null;
    do {
      const page: any = await ask(
        `{ actorLinks(first: 2${after ? `, after: "${after}"` : ""}) { pageInfo { hasNextPage endCursor } edges { node { scheme value } } } }`,
      );
      pages.push(...page.actorLinks.edges.map((edge: any) => `${edge.node.scheme} ${edge.node.value}`));
      after = page.actorLinks.pageInfo.hasNextPage ? page.actorLinks.pageInfo.endCursor : null;
    } while (after);
    expect(pages).toEqual(all.actorLinks.edges.map((edge: any) => `${edge.node.scheme} ${edge.node.value}`));
    const crosswalks = await ask(`{ actorLinks(filter: { method: CROSSWALK, scheme: ACLED }) { edges { node { value method } } } }`);
    expect(crosswalks.actorLinks.edges.length).toBeGreaterThan(0);
    for (const edge of crosswalks.actorLinks.edges) expect(edge.node.method).toBe("CROSSWALK");
  });

  it("refuses a reader's decision and a decision on no link in force, changing nothing", async () => {
    const before = await countRows(handles());
    const storedLinks = await database.handle.db.select().from(actorLinks);
    const asReader = await post(graph.gatewayUrl, `mutation { rejectActorLink(scheme: CAMEO, value: "RUS") { status } }`, READER_KEY);
    expect(asReader.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const unknown = await post(graph.gatewayUrl, `mutation { confirmActorLink(scheme: CAMEO, value: "XYZ") { status } }`, EDITOR_KEY);
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: "value" });
    expect(unknown.errors?.[0]?.message).toContain('"XYZ"');
    expect(await countRows(handles())).toEqual(before);
    expect(await database.handle.db.select().from(actorLinks)).toEqual(storedLinks);
  });

  it("confirms a link: confidence 1, decided, and again changes nothing", async () => {
    const { confirmActorLink } = await ask(`mutation { confirmActorLink(scheme: CAMEO, value: "CHN") { ${LINK_FIELDS} } }`, EDITOR_KEY);
    expect(confirmActorLink).toMatchObject({ status: "CONFIRMED", confidence: 1, actor: { id: "meridian:china" } });
    expect(confirmActorLink.decidedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const again = await ask(`mutation { confirmActorLink(scheme: CAMEO, value: "CHN") { decidedAt } }`, EDITOR_KEY);
    expect(again.confirmActorLink.decidedAt).toBe(confirmActorLink.decidedAt);
  });

  it("rejects a link: the absorbed actor comes back under its ID with its code, the statements holding that ID name it again, and no import joins them again", async () => {
    const before = await ask(`{ actor(id: "gdelt:rus") { id canonicalId name } }`);
    expect(before.actor.canonicalId).toBe("meridian:russia");
    const { rejectActorLink } = await ask(`mutation { rejectActorLink(scheme: CAMEO, value: "RUS") { ${LINK_FIELDS} } }`, EDITOR_KEY);
    expect(rejectActorLink).toMatchObject({ status: "REJECTED", actor: { id: "meridian:russia" }, separateActor: { id: "gdelt:rus" } });
    const after = await ask(`{ russia: actor(id: "meridian:russia") { identifiers { scheme value } }
      own: actor(id: "gdelt:rus") { canonicalId kind country identifiers { scheme value } } }`);
    expect(after.russia.identifiers).not.toContainEqual({ scheme: "CAMEO", value: "RUS" });
    expect(after.own).toEqual({ canonicalId: "gdelt:rus", kind: "STATE", country: "RUS", identifiers: [{ scheme: "CAMEO", value: "RUS" }] });
    // Deciding again is refused: the link is no longer in force.
    const twice = await post(graph.gatewayUrl, `mutation { rejectActorLink(scheme: CAMEO, value: "RUS") { status } }`, EDITOR_KEY);
    expect(twice.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: "value" });
    // GDELT again: RUS is GDELT's own actor, and stays so.
    await importFiles(handles(), "gdelt", [GDELT_FIXTURE]);
    const holders = await database.handle.db.select({ actorId: aliases.actorId }).from(aliases).where(eq(aliases.value, "RUS"));
    expect(holders).toEqual([{ actorId: "gdelt:rus" }]);
    // The seed again: its Russia lists CAMEO RUS, but does not absorb GDELT's again, as the editor decided.
    await loadSeed(handles());
    const reloaded = await ask(`{ own: actor(id: "gdelt:rus") { canonicalId } }`);
    expect(reloaded.own.canonicalId).toBe("gdelt:rus");
  });

  it("splits a crosswalk link: ACLED's force becomes its own actor PART_OF the story's, its incidents name it once ACLED is imported again, and the crosswalk is not made again", async () => {
    const { splitActorLink } = await ask(`mutation { splitActorLink(scheme: ACLED, value: "${RUSSIAN_FORCES}") { ${LINK_FIELDS} } }`, EDITOR_KEY);
    expect(splitActorLink).toMatchObject({
      status: "SPLIT",
      actor: { id: "meridian:russian-armed-forces" },
      separateActor: { id: "acled:military-forces-of-russia-2000", name: RUSSIAN_FORCES },
    });
    const { actor } = await ask(`{ actor(id: "acled:military-forces-of-russia-2000") { kind country identifiers { scheme value }
      relations { edges { node { predicate object { id } } } } } }`);
    expect(actor).toEqual({
      kind: "ARMED_FORCE",
      country: "RUS",
      identifiers: [{ scheme: "ACLED", value: RUSSIAN_FORCES }],
      relations: { edges: [{ node: { predicate: "PART_OF", object: { id: "meridian:russian-armed-forces" } } }] },
    });
    await importFiles(handles(), "acled", [acledFile]);
    const named = await database.handle.db.select({ actorId: participants.actorId }).from(participants).where(eq(participants.incidentId, "acled:FIX1001"));
    expect(named.map((row) => row.actorId)).toContain("acled:military-forces-of-russia-2000");
    expect(named.map((row) => row.actorId)).not.toContain("meridian:russian-armed-forces");
    // Even with its own actor deleted, the split link is remembered: the crosswalk does not join
    // them again. The deleted actor stays deleted (its tombstone): the incidents name its ID.
    await ask(`mutation { deleteActor(id: "acled:military-forces-of-russia-2000") }`, EDITOR_KEY);
    await importFiles(handles(), "acled", [acledFile]);
    const holders = await database.handle.db
      .select({ actorId: aliases.actorId })
      .from(aliases)
      .where(and(eq(aliases.scheme, "ACLED"), eq(aliases.value, RUSSIAN_FORCES)));
    expect(holders).toEqual([]);
    const namedAfterDeletion = await database.handle.db
      .select({ actorId: participants.actorId })
      .from(participants)
      .where(eq(participants.incidentId, "acled:FIX1001"));
    expect(namedAfterDeletion.map((row) => row.actorId)).toContain("acled:military-forces-of-russia-2000");
    const links = await database.handle.db.select().from(actorLinks).where(eq(actorLinks.value, RUSSIAN_FORCES));
    expect(links.map((link) => [link.actorId, link.status])).toEqual([["meridian:russian-armed-forces", "SPLIT"]]);
  });

  it("records an editor's merge as EDITOR links of the merged actor's identifiers", async () => {
    await ask(`mutation { mergeActors(survivorId: "meridian:russia", mergedId: "gdelt:rus") { id } }`, EDITOR_KEY);
    const { actor } = await ask(`{ actor(id: "meridian:russia") { links { scheme value method status ownActorId } } }`);
    // The editor's merge is the later decision: the rejected link stands again, as the editor's.
    expect(actor.links).toContainEqual({ scheme: "CAMEO", value: "RUS", method: "EDITOR", status: "CONFIRMED", ownActorId: "gdelt:rus" });
    await ask(`mutation { mergeActors(survivorId: "meridian:russian-armed-forces", mergedId: "gdelt:gbrmil") { id } }`, EDITOR_KEY);
    const { actor: survivor } = await ask(
      `{ actor(id: "meridian:russian-armed-forces") { links { scheme value method confidence status ownActorId decidedAt } } }`,
    );
    expect(survivor.links).toContainEqual({
      scheme: "CAMEO",
      value: "GBRMIL",
      method: "EDITOR",
      confidence: 1,
      status: "CONFIRMED",
      ownActorId: "gdelt:gbrmil",
      decidedAt: expect.stringMatching(/^\d{4}-/),
    });
  });
});

// Curation through the gateway, on both backends: editors create, change, delete and merge
// through the API; the API key is checked at the gateway and again in each subgraph; bad
// input is refused with the path of the field, having written nothing.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSeed } from "../../../ingest/seed/load-seed.js";
import { apiKeyEntry, newApiKey, parseApiKeyEntries } from "../../../platform/config/api-keys.js";
import { SUBGRAPH_SECRET_HEADER } from "../../../platform/http/subgraph-secret.js";
import { statements } from "../../../services/statements/data/tables.js";
import { countRows } from "../../ingest/documents/support/row-counts.js";
import { BACKENDS, POSTGRES_SKIPPED_NOTE, type TestDatabase } from "../../../scripts/harness/backends.js";
import { type GraphQLResponse, type RunningGraph, startGraph } from "../../support/graph.js";
import { forEverySubgraph } from "../../../services/registry.js";

const EDITOR_KEY = newApiKey();
const READER_KEY = newApiKey();
const { entries: API_KEYS } = parseApiKeyEntries(`${apiKeyEntry("test-editor", "editor", EDITOR_KEY)},${apiKeyEntry("test-reader", "reader", READER_KEY)}`);

async function post(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphQLResponse & { status: number }> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, ...((await response.json()) as GraphQLResponse) };
}

const asEditor = { authorization: `Bearer ${EDITOR_KEY}` };

describe.each(BACKENDS)("curation through the gateway on $name", (backend) => {
  let database: TestDatabase;
  let graph: RunningGraph;
  // SQL statements run on the statements and incidents schemas, to see that lists stay batched.
  const listQueries = { statements: 0, incidents: 0 };
  beforeAll(async () => {
    database = await backend.create({
      onQuery: (query) => {
        if (query.includes('"statements".')) listQueries.statements++;
        if (query.includes('"incidents".')) listQueries.incidents++;
      },
    });
    const handle = database.handle;
    await loadSeed(forEverySubgraph(handle));
    graph = await startGraph(handle, { apiKeys: API_KEYS });
  });
  afterAll(async () => {
    await graph?.stop();
    await database?.dispose();
  });

  /** Runs an operation as an editor; it must succeed. */
  async function edit(query: string, variables: Record<string, unknown> = {}): Promise<any> {
    const { data, errors } = await post(graph.gatewayUrl, query, variables, asEditor);
    expect(errors).toBeUndefined();
    return data;
  }
  /** Runs a query with no key: queries are open. */
  async function ask(query: string, variables: Record<string, unknown> = {}): Promise<any> {
    const { data, errors } = await post(graph.gatewayUrl, query, variables);
    expect(errors).toBeUndefined();
    return data;
  }
  const rowCounts = () => countRows(forEverySubgraph(database.handle));

  it("creates an actor with aliases, adds aliases, renames it keeping the old name as an alias, and deletes it", async () => {
    const created = await edit(
      `mutation { createActor(input: { kind: PERSON, name: "Maria Zakharova", country: "RUS", aliases: [{ scheme: TITLE, value: "Spokesperson of the Russian Foreign Ministry" }] }) { id name country } }`,
    );
    expect(created.createActor).toEqual({ id: "meridian:maria-zakharova", name: "Maria Zakharova", country: "RUS" });
    await edit(`mutation { addAliases(input: { actor: "meridian:maria-zakharova", aliases: [{ scheme: WIKIDATA, value: "Q4199049" }] }) { id } }`);
    const renamed =
      await edit(`mutation { updateActor(id: "meridian:maria-zakharova", input: { name: "Maria V. Zakharova", description: "Director of the Information and Press Department" }) {
      name description country identifiers { scheme value } aliases { scheme value } } }`);
    expect(renamed.updateActor).toEqual({
      name: "Maria V. Zakharova",
      description: "Director of the Information and Press Department",
      country: "RUS",
      identifiers: [{ scheme: "WIKIDATA", value: "Q4199049" }],
      aliases: [
        { scheme: "FREE", value: "Maria V. Zakharova" },
        { scheme: "FREE", value: "Maria Zakharova" },
        { scheme: "TITLE", value: "Spokesperson of the Russian Foreign Ministry" },
        { scheme: "WIKIDATA", value: "Q4199049" },
      ],
    });
    expect((await edit(`mutation { deleteActor(id: "meridian:maria-zakharova") }`)).deleteActor).toBe(true);
    expect((await ask(`{ actor(id: "meridian:maria-zakharova") { id } }`)).actor).toBeNull();
    expect((await edit(`mutation { deleteActor(id: "meridian:maria-zakharova") }`)).deleteActor).toBe(false);
  });

  it("creates a source, a claim and a statement taking a stance on it, edits them and deletes them", async () => {
    await edit(
      `mutation { createSource(input: { key: "briefing-2025-04-11", kind: PRESS_BRIEFING, title: "Regular press conference, 11 April 2025", published: { date: "2025-04-11", precision: DAY } }) { id } }`,
    );
    const claim = await edit(
      `mutation { createClaim(input: { text: "China supplies drones to Russia", subject: "meridian:government-of-china", predicate: "SUPPLIES", quantity: 3 }) { id text subject { name } } }`,
    );
    expect(claim.createClaim).toEqual({
      id: "meridian:china-supplies-drones-to-russia",
      text: "China supplies drones to Russia",
      subject: { name: "Government of China" },
    });
    const statement = await edit(
      `mutation($input: CreateStatementInput!) { createStatement(input: $input) { id speaker { name } source { title } saidAt { date precision } stances { stance claim { text status } } incidents { id } } }`,
      {
        input: {
          key: "lin-jian-2025-04-11-drones",
          speaker: "meridian:lin-jian",
          said: { date: "2025-04-11", precision: "DAY" },
          modality: "PARAPHRASE",
          text: "Lin Jian said China has never supplied lethal weapons to any party.",
          language: "en",
          source: "meridian:briefing-2025-04-11",
          stances: [{ claim: "meridian:china-supplies-drones-to-russia", stance: "DENIES" }],
          incidents: ["meridian:capture-of-wang-guangjun-and-zhang-renbo"],
        },
      },
    );
    expect(statement.createStatement).toEqual({
      id: "meridian:lin-jian-2025-04-11-drones",
      speaker: { name: "Lin Jian" },
      source: { title: "Regular press conference, 11 April 2025" },
      saidAt: { date: "2025-04-11", precision: "DAY" },
      stances: [{ stance: "DENIES", claim: { text: "China supplies drones to Russia", status: "DISPUTED" } }],
      incidents: [{ id: "meridian:capture-of-wang-guangjun-and-zhang-renbo" }],
    });
    const updated =
      await edit(`mutation { updateStatement(id: "meridian:lin-jian-2025-04-11-drones", input: { venue: "Regular press conference", stances: [{ claim: "meridian:china-supplies-drones-to-russia", stance: DISPUTES }] }) {
      venue text stances { stance } incidents { id } } }`);
    expect(updated.updateStatement).toEqual({
      venue: "Regular press conference",
      text: "Lin Jian said China has never supplied lethal weapons to any party.",
      stances: [{ stance: "DISPUTES" }],
      incidents: [{ id: "meridian:capture-of-wang-guangjun-and-zhang-renbo" }],
    });
    const claimUpdated = await edit(
      `mutation { updateClaim(id: "meridian:china-supplies-drones-to-russia", input: { quantity: null, object: "meridian:russia" }) { quantity object { id } } }`,
    );
    expect(claimUpdated.updateClaim).toEqual({ quantity: null, object: { id: "meridian:russia" } });
    expect(
      await edit(`mutation { deleteStatement(id: "meridian:lin-jian-2025-04-11-drones") deleteClaim(id: "meridian:china-supplies-drones-to-russia") }`),
    ).toEqual({ deleteStatement: true, deleteClaim: true });
    expect(await ask(`{ statement(id: "meridian:lin-jian-2025-04-11-drones") { id } claim(id: "meridian:china-supplies-drones-to-russia") { id } }`)).toEqual({
      statement: null,
      claim: null,
    });
  });

  it("creates an incident with participants and places, replaces its participants, and deletes it", async () => {
    const created = await edit(
      `mutation($input: CreateIncidentInput!) { createIncident(input: $input) { id type status taxonomy { dataset } place { id name country } participants { role count actor { name } } fatalities { best } } }`,
      {
        input: {
          type: "CAPTURE",
          title: "Capture of a third Chinese citizen",
          start: { date: "2025-04-20", precision: "ON_OR_BEFORE" },
          status: "ALLEGED",
          fatalities: { best: 0 },
          places: [{ name: "Donetsk region", admin1: "Donetsk", country: "UKR", primary: true }],
          participants: [{ actor: "meridian:81st-airmobile-brigade", role: "CAPTOR", count: 1 }],
          sources: ["meridian:babel-116977"],
        },
      },
    );
    expect(created.createIncident).toEqual({
      id: "meridian:capture-of-a-third-chinese-citizen",
      type: "CAPTURE",
      status: "ALLEGED",
      taxonomy: { dataset: "MERIDIAN" },
      place: { id: "meridian:capture-of-a-third-chinese-citizen.donetsk-region", name: "Donetsk region", country: "UKR" },
      participants: [{ role: "CAPTOR", count: 1, actor: { name: "81st Airmobile Brigade" } }],
      fatalities: { best: 0 },
    });
    const updated =
      await edit(`mutation { updateIncident(id: "meridian:capture-of-a-third-chinese-citizen", input: { status: REPORTED, participants: [{ actor: "meridian:wang-guangjun", role: CAPTIVE }] }) {
      status title place { name } participants { role actor { id } } } }`);
    expect(updated.updateIncident).toEqual({
      status: "REPORTED",
      title: "Capture of a third Chinese citizen",
      place: { name: "Donetsk region" },
      participants: [{ role: "CAPTIVE", actor: { id: "meridian:wang-guangjun" } }],
    });
    expect((await edit(`mutation { deleteIncident(id: "meridian:capture-of-a-third-chinese-citizen") }`)).deleteIncident).toBe(true);
    expect((await ask(`{ incident(id: "meridian:capture-of-a-third-chinese-citizen") { id } }`)).incident).toBeNull();
  });

  it("merges two actors: the merged ID resolves to the survivor, also from the statements and incidents subgraphs", async () => {
    await edit(
      `mutation { createActor(input: { key: "lin-jian-duplicate", kind: PERSON, name: "Lin Jian (MFA)", description: "Foreign ministry spokesperson", aliases: [{ scheme: CAMEO, value: "CHNGOV" }] }) { id } }`,
    );
    await edit(
      `mutation { createStatement(input: { key: "by-the-duplicate", speaker: "meridian:lin-jian-duplicate", said: { date: "2025-04-12", precision: DAY }, modality: PARAPHRASE, text: "A statement recorded under the duplicate.", language: "en", source: "meridian:babel-116977" }) { id } }`,
    );
    await edit(
      `mutation { createIncident(input: { key: "with-the-duplicate", type: OTHER, title: "An incident naming the duplicate", start: { date: "2025-04-12", precision: DAY }, status: REPORTED, participants: [{ actor: "meridian:lin-jian-duplicate", role: ASSOCIATE }] }) { id } }`,
    );
    const merged = await edit(
      `mutation { mergeActors(survivorId: "meridian:lin-jian", mergedId: "meridian:lin-jian-duplicate") { id name description identifiers { scheme value } } }`,
    );
    expect(merged.mergeActors).toEqual({
      id: "meridian:lin-jian",
      name: "Lin Jian",
      description: expect.any(String),
      identifiers: [{ scheme: "CAMEO", value: "CHNGOV" }],
    });
    const data = await ask(`{ actor(id: "meridian:lin-jian-duplicate") { id name }
      statement(id: "meridian:by-the-duplicate") { speaker { id canonicalId name } }
      incident(id: "meridian:with-the-duplicate") { participants { actor { canonicalId name } } } }`);
    // A reference keeps the ID it was made with (the gateway does not ask for key fields); the actor is the survivor.
    expect(data).toEqual({
      actor: { id: "meridian:lin-jian", name: "Lin Jian" },
      statement: { speaker: { id: "meridian:lin-jian-duplicate", canonicalId: "meridian:lin-jian", name: "Lin Jian" } },
      incident: { participants: [{ actor: { canonicalId: "meridian:lin-jian", name: "Lin Jian" } }] },
    });
    // The other subgraphs still hold the merged ID: nothing was rewritten there.
    const [stored] = await database.handle.db
      .select({ speakerId: statements.speakerId })
      .from(statements)
      .where(eq(statements.id, "meridian:by-the-duplicate"));
    expect(stored!.speakerId).toBe("meridian:lin-jian-duplicate");
    const again = await post(
      graph.gatewayUrl,
      `mutation { createActor(input: { key: "lin-jian-duplicate", kind: PERSON, name: "Someone" }) { id } }`,
      {},
      asEditor,
    );
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: "input.key" });
  });

  it("lists under the survivor the statements, claims and incidents that name the merged actor, each once, paged and counted", async () => {
    /** Every node of an actor's list, two at a time, with the totalCount of the first page. */
    async function walk(actorId: string, list: string): Promise<{ ids: string[]; totalCount: number }> {
      const ids: string[] = [];
      let after: string | null = null;
      let totalCount = -1;
      do {
        const data = await ask(
          `query($id: ID!, $after: String) { actor(id: $id) { ${list}(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } } }`,
          { id: actorId, after },
        );
        const page = data.actor[list];
        if (totalCount < 0) totalCount = page.totalCount;
        ids.push(...page.edges.map((edge: { node: { id: string } }) => edge.node.id));
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      } while (after);
      return { ids, totalCount };
    }
    const lists = ["statements", "claimsAbout", "incidents"] as const;
    const walkAll = async (actorId: string) => Object.fromEntries(await Promise.all(lists.map(async (list) => [list, await walk(actorId, list)])));
    await edit(`mutation { createActor(input: { key: "lin-jian-second", kind: PERSON, name: "Lin Jian (second)" }) { id } }`);
    await edit(
      `mutation { createStatement(input: { key: "by-the-second", speaker: "meridian:lin-jian-second", said: { date: "2025-04-13", precision: DAY }, modality: PARAPHRASE, text: "A statement recorded under the second duplicate.", language: "en", source: "meridian:babel-116977" }) { id } }`,
    );
    // About both IDs: must be listed once.
    await edit(
      `mutation { createClaim(input: { key: "second-supplies-lin-jian", text: "The second Lin Jian supplies Lin Jian", subject: "meridian:lin-jian-second", predicate: "SUPPLIES", object: "meridian:lin-jian" }) { id } }`,
    );
    await edit(
      `mutation { createIncident(input: { key: "with-both-lin-jians", type: OTHER, title: "An incident naming both", start: { date: "2025-04-13", precision: DAY }, status: REPORTED, participants: [{ actor: "meridian:lin-jian-second", role: ASSOCIATE }, { actor: "meridian:lin-jian", role: SIDE_A }] }) { id } }`,
    );
    const survivorBefore = await walkAll("meridian:lin-jian");
    const mergedBefore = await walkAll("meridian:lin-jian-second");
    expect(mergedBefore.statements.ids).toEqual(["meridian:by-the-second"]);

    await edit(`mutation { mergeActors(survivorId: "meridian:lin-jian", mergedId: "meridian:lin-jian-second") { id } }`);
    expect((await ask(`{ actor(id: "meridian:lin-jian") { mergedIds } }`)).actor.mergedIds).toContain("meridian:lin-jian-second");
    const after = await walkAll("meridian:lin-jian");
    for (const list of lists) {
      const expected = [...new Set([...survivorBefore[list].ids, ...mergedBefore[list].ids])];
      expect(new Set(after[list].ids), list).toEqual(new Set(expected));
      expect(after[list].ids.length, `${list} lists each row once`).toBe(expected.length);
      expect(after[list].totalCount, list).toBe(expected.length);
    }
    expect(after.statements.ids).toContain("meridian:by-the-second");
    expect(after.claimsAbout.ids).toContain("meridian:second-supplies-lin-jian");
    expect(after.incidents.ids).toContain("meridian:with-both-lin-jians");
    // Reached through a merged ID (the reference keeps it), the lists are the survivor's all the same.
    expect(await walkAll("meridian:lin-jian-second")).toEqual(after);
    const viaSpeaker = await ask(
      `{ statement(id: "meridian:by-the-second") { speaker { id statements(first: 100) { totalCount } incidents(first: 100, filter: { role: SIDE_A }) { edges { node { id } } } } } }`,
    );
    // Still one SQL statement per list (and per count) for a page of actors, merged or not.
    const listQueriesFor = async (first: number) => {
      listQueries.statements = 0;
      listQueries.incidents = 0;
      const data = await ask(
        `{ actors(first: ${first}, filter: { kind: PERSON }) { edges { node { id ${lists.map((list) => `${list}(first: 2) { totalCount edges { node { id } } }`).join(" ")} } } } }`,
      );
      return { queries: { ...listQueries }, actorIds: data.actors.edges.map((edge: { node: { id: string } }) => edge.node.id) };
    };
    const forOne = await listQueriesFor(1);
    const forMany = await listQueriesFor(100);
    expect(forMany.actorIds).toContain("meridian:lin-jian");
    expect(forMany.actorIds.length).toBeGreaterThan(3);
    // A page and a count each for statements and claimsAbout, and for incidents.
    expect(forOne.queries).toEqual({ statements: 4, incidents: 2 });
    expect(forMany.queries).toEqual(forOne.queries);
    expect(viaSpeaker.statement.speaker).toMatchObject({ id: "meridian:lin-jian-second", statements: { totalCount: after.statements.totalCount } });
    // In a role only the survivor had in it: the role filter too applies across the IDs.
    expect(viaSpeaker.statement.speaker.incidents.edges.map((edge: { node: { id: string } }) => edge.node.id)).toContain("meridian:with-both-lin-jians");
  });

  it("creates an ID once when two editors create it at the same time", async () => {
    const create = () =>
      post(graph.gatewayUrl, `mutation { createActor(input: { key: "created-twice", kind: ORGANIZATION, name: "Created twice" }) { id } }`, {}, asEditor);
    const answers = await Promise.all([create(), create()]);
    expect(answers.filter((answer) => answer.data?.createActor).length).toBe(1);
    expect(answers.flatMap((answer) => answer.errors ?? []).map((error) => error.extensions?.argumentName)).toEqual(["input.key"]);
  });

  describe("API keys", () => {
    const mutation = `mutation { createActor(input: { key: "refused-actor", kind: PERSON, name: "Refused" }) { id } }`;

    it.each([
      ["no key", {}, "UNAUTHENTICATED", 401],
      ["a wrong key", { authorization: `Bearer ${newApiKey()}` }, "UNAUTHENTICATED", 401],
      ["a key that is not a bearer token", { authorization: `Basic ${EDITOR_KEY}` }, "UNAUTHENTICATED", 401],
      ["a reader's key", { authorization: `Bearer ${READER_KEY}` }, "FORBIDDEN", 403],
    ])("refuses a mutation with %s, writing nothing", async (_case, headers, code, status) => {
      const response = await post(graph.gatewayUrl, mutation, {}, headers);
      expect(response.status).toBe(status);
      expect(response.errors?.[0]?.extensions?.code).toBe(code);
      expect((await ask(`{ actor(id: "meridian:refused-actor") { id } }`)).actor).toBeNull();
    });

    it("answers queries without a key and with a reader's key", async () => {
      for (const headers of [{}, { authorization: `Bearer ${READER_KEY}` }] as Record<string, string>[]) {
        const response = await post(graph.gatewayUrl, `{ actor(id: "meridian:lin-jian") { name } }`, {}, headers);
        expect(response.data).toEqual({ actor: { name: "Lin Jian" } });
      }
    });

    it("each subgraph checks the key itself: called directly with the gateway's secret but no editor key, it refuses", async () => {
      const secret = { [SUBGRAPH_SECRET_HEADER]: graph.subgraphSecret };
      const attempts = [
        ["actors", mutation],
        ["statements", `mutation { deleteClaim(id: "meridian:claim-china-is-party-to-the-ukraine-crisis") }`],
        ["incidents", `mutation { deleteIncident(id: "meridian:capture-of-wang-guangjun-and-zhang-renbo") }`],
      ] as const;
      for (const [subgraph, operation] of attempts) {
        const anonymous = await post(graph.subgraphUrls[subgraph], operation, {}, secret);
        expect(anonymous.errors?.[0]?.extensions?.code, subgraph).toBe("UNAUTHENTICATED");
        const reader = await post(graph.subgraphUrls[subgraph], operation, {}, { ...secret, authorization: `Bearer ${READER_KEY}` });
        expect(reader.errors?.[0]?.extensions?.code, subgraph).toBe("FORBIDDEN");
      }
      const data = await ask(
        `{ claim(id: "meridian:claim-china-is-party-to-the-ukraine-crisis") { id } incident(id: "meridian:capture-of-wang-guangjun-and-zhang-renbo") { id } }`,
      );
      expect(data.claim).not.toBeNull();
      expect(data.incident).not.toBeNull();
    });
  });

  describe("bad input", () => {
    it.each([
      [
        "an alias that is not a Wikidata item",
        "input.aliases[2].value",
        `mutation { createActor(input: { kind: PERSON, name: "Q Person", aliases: [{ scheme: FREE, value: "Q" }, { scheme: FREE, value: "Q P" }, { scheme: WIKIDATA, value: "not-a-qid" }] }) { id } }`,
      ],
      ["a lower-case country", "input.country", `mutation { updateActor(id: "meridian:lin-jian", input: { country: "chn" }) { id } }`],
      [
        "an actor that is not an ID",
        "input.participants[1].actor",
        `mutation { createIncident(input: { type: OTHER, title: "Bad participant", start: { date: "2025-01-01", precision: DAY }, status: REPORTED, participants: [{ actor: "meridian:lin-jian", role: SIDE_A }, { actor: "Nobody At All", role: SIDE_B }] }) { id } }`,
      ],
      [
        "two primary places",
        "input.places",
        `mutation { createIncident(input: { type: OTHER, title: "Two primaries", start: { date: "2025-01-01", precision: DAY }, status: REPORTED, places: [{ name: "A", primary: true }, { name: "B", primary: true }] }) { id } }`,
      ],
      [
        "an end before the start",
        "input.end.date",
        `mutation { updateIncident(id: "meridian:capture-of-wang-guangjun-and-zhang-renbo", input: { end: { date: "2020-01-01", precision: DAY } }) { id } }`,
      ],
      [
        "an impossible day",
        "input.said.date",
        `mutation { updateStatement(id: "meridian:zelensky-2025-04-09-155-chinese-citizens", input: { said: { date: "2025-02-30", precision: DAY } }) { id } }`,
      ],
      [
        "a stance on a claim that does not exist",
        "input.stances[0].claim",
        `mutation { updateStatement(id: "meridian:zelensky-2025-04-09-155-chinese-citizens", input: { text: "Changed", stances: [{ claim: "meridian:no-such-claim", stance: ASSERTS }] }) { id } }`,
      ],
      ["an unknown statement", "id", `mutation { updateStatement(id: "meridian:no-such-statement", input: { text: "x" }) { id } }`],
    ])("refuses %s with BAD_USER_INPUT at %s, writing nothing", async (_case, field, operation) => {
      const before = await rowCounts();
      const response = await post(graph.gatewayUrl, operation, {}, asEditor);
      const error = response.errors?.find((candidate) => candidate.extensions?.argumentName === field);
      expect(error?.extensions, JSON.stringify(response.errors)).toMatchObject({ code: "BAD_USER_INPUT", field });
      expect(error?.message).toContain(field);
      expect(await rowCounts()).toEqual(before);
    });

    it.each([
      [
        "an unknown enum value in the variables",
        "input.aliases[2].scheme",
        {
          kind: "PERSON",
          name: "X",
          aliases: [
            { scheme: "FREE", value: "a" },
            { scheme: "FREE", value: "b" },
            { scheme: "BOGUS", value: "c" },
          ],
        },
      ],
      ["a required field left out of the variables", "input.name", { kind: "PERSON" }],
      ["a required field left out of an alias", "input.aliases[0].value", { kind: "PERSON", name: "X", aliases: [{ scheme: "FREE" }] }],
    ])("refuses %s with BAD_USER_INPUT at %s before any subgraph is asked", async (_case, field, input) => {
      const response = await post(graph.gatewayUrl, `mutation($input: CreateActorInput!) { createActor(input: $input) { id } }`, { input }, asEditor);
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: field, field });
    });

    it("names the list item of a bad literal in the operation itself", async () => {
      const response = await post(
        graph.gatewayUrl,
        `mutation { createActor(input: { kind: PERSON, name: "X", aliases: [{ scheme: FREE, value: "a" }, { scheme: BOGUS, value: "c" }] }) { id } }`,
        {},
        asEditor,
      );
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: "input.aliases[1].scheme" });
    });

    it("leaves a statement as it was when its update fails half way (the stance's claim is missing)", async () => {
      await post(
        graph.gatewayUrl,
        `mutation { updateStatement(id: "meridian:zelensky-2025-04-09-155-chinese-citizens", input: { text: "Changed", stances: [{ claim: "meridian:no-such-claim", stance: ASSERTS }] }) { id } }`,
        {},
        asEditor,
      );
      const data = await ask(`{ statement(id: "meridian:zelensky-2025-04-09-155-chinese-citizens") { text stances { stance } } }`);
      expect(data.statement.text).not.toBe("Changed");
      expect(data.statement.stances).toEqual([{ stance: "ASSERTS" }]);
    });
  });
});

if (POSTGRES_SKIPPED_NOTE) describe.skip(POSTGRES_SKIPPED_NOTE, () => it("curation through the gateway on postgres"));

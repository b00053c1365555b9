// The request logs say who, on both backends: every line of a request, at the gateway and in
// each subgraph it reached, carries the API key's name and role and the operation's name; a
// mutation's lines list the IDs it changed (each subgraph its own, the gateway all of them),
// and only once they are written. The key itself is never logged, and the changed IDs never
// reach the client.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSeed } from "../../../ingest/seed/load-seed.js";
import { apiKeyEntry, hashApiKey, newApiKey, parseApiKeyEntries } from "../../../platform/config/api-keys.js";
import { createLogger } from "../../../platform/logging/logger.js";
import { BACKENDS, type TestDatabase } from "../../../scripts/harness/backends.js";
import { forEverySubgraph } from "../../../services/registry.js";
import { importFiles } from "../../ingest/import/support/import-runs.js";
import { type GraphQLResponse, type RunningGraph, startGraph } from "../../support/graph.js";

const EDITOR_KEY = newApiKey();
const READER_KEY = newApiKey();
// The reader's entry is one from before keys had names: it is named by its hash's start.
const { entries: API_KEYS } = parseApiKeyEntries(`${apiKeyEntry("alice", "editor", EDITOR_KEY)},reader:${hashApiKey(READER_KEY)}`);
const READER_NAME = `sha256:${hashApiKey(READER_KEY).slice(0, 12)}`;
const GDELT_FIXTURE = path.resolve("test/fixtures/gdelt/20250612101500.export.CSV");

type LogLine = Record<string, any>;

describe.each(BACKENDS)("who and what in the request logs on $name", (backend) => {
  let database: TestDatabase;
  let graph: RunningGraph;
  const output: string[] = [];
  const lines: LogLine[] = [];
  let requests = 0;

  beforeAll(async () => {
    database = await backend.create();
    const handles = forEverySubgraph(database.handle);
    // GDELT before the seed: the story's actors absorb GDELT's, making links for editors to decide.
    await importFiles(handles, "gdelt", [GDELT_FIXTURE]);
    await loadSeed(handles);
    const logger = createLogger("meridian", "info", {
      write(line: string) {
        output.push(line);
        lines.push(JSON.parse(line));
      },
    });
    graph = await startGraph(database.handle, { apiKeys: API_KEYS, logger });
  });
  afterAll(async () => {
    await graph?.stop();
    await database?.dispose();
  });

  /** Sends an operation under a request ID of its own; returns the answer and that ID. */
  async function send(query: string, key?: string): Promise<GraphQLResponse & { requestId: string }> {
    const requestId = `logs-${++requests}`;
    const response = await fetch(graph.gatewayUrl, {
      method: "POST",
      headers: { "content-type": "application/json", "x-request-id": requestId, ...(key ? { authorization: `Bearer ${key}` } : {}) },
      body: JSON.stringify({ query }),
    });
    return { requestId, ...((await response.json()) as GraphQLResponse) };
  }

  /** The request lines of one request, by service, once the gateway's and `subgraphs`' are all written. */
  async function linesOf(requestId: string, subgraphs: string[]): Promise<Record<string, LogLine>> {
    const expected = ["gateway", ...subgraphs].sort();
    const mine = () => lines.filter((line) => line.msg === "request" && line.requestId === requestId);
    for (let waited = 0; mine().length < expected.length && waited < 5_000; waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(
      mine()
        .map((line) => line.service)
        .sort(),
    ).toEqual(expected);
    return Object.fromEntries(mine().map((line) => [line.service, line]));
  }

  it("logs a mutation with the editor's key name and role, its name, and the IDs each subgraph created", async () => {
    const answer = await send(
      `mutation AddSpokesperson {
        maria: createActor(input: { key: "maria-zakharova", kind: PERSON, name: "Maria Zakharova", country: "RUS" }) { id }
        duplicate: createActor(input: { key: "m-zakharova", kind: PERSON, name: "M. Zakharova" }) { id }
        createClaim(input: { key: "china-supplies-drones", text: "China supplies drones to Russia", subject: "meridian:government-of-china", predicate: "SUPPLIES" }) { id }
        createIncident(input: { key: "briefing-walkout", type: OTHER, title: "Walkout at a briefing", start: { date: "2025-04-11", precision: DAY }, status: REPORTED }) { id }
      }`,
      EDITOR_KEY,
    );
    expect(answer.errors).toBeUndefined();
    // The IDs are for the logs: the gateway does not pass the subgraphs' extension on.
    expect(answer).not.toHaveProperty("extensions");
    const logged = await linesOf(answer.requestId, ["actors", "statements", "incidents"]);
    expect(logged.gateway).toMatchObject({
      keyName: "alice",
      role: "editor",
      operationName: "AddSpokesperson",
      operationType: "mutation",
      status: 200,
      changedIds: { created: ["meridian:maria-zakharova", "meridian:m-zakharova", "meridian:china-supplies-drones", "meridian:briefing-walkout"] },
    });
    const fromSubgraph = {
      actors: ["meridian:maria-zakharova", "meridian:m-zakharova"],
      statements: ["meridian:china-supplies-drones"],
      incidents: ["meridian:briefing-walkout"],
    };
    for (const [subgraph, created] of Object.entries(fromSubgraph)) {
      expect(logged[subgraph], subgraph).toMatchObject({
        keyName: "alice",
        role: "editor",
        // The gateway names its part of the operation after the caller's.
        operationName: expect.stringMatching(/^AddSpokesperson__\w+__\d+$/),
        operationType: "mutation",
        changedIds: { created },
      });
    }
  });

  it("lists what an update, a merge and deletes changed, by kind", async () => {
    const tidied = await send(
      `mutation Tidy {
        updateActor(id: "meridian:maria-zakharova", input: { description: "Spokesperson of the Russian Foreign Ministry" }) { id }
        mergeActors(survivorId: "meridian:maria-zakharova", mergedId: "meridian:m-zakharova") { id }
        updateClaim(id: "meridian:china-supplies-drones", input: { quantity: 3 }) { id }
      }`,
      EDITOR_KEY,
    );
    expect(tidied.errors).toBeUndefined();
    const tidiedLines = await linesOf(tidied.requestId, ["actors", "statements"]);
    expect(tidiedLines.gateway!.changedIds).toEqual({
      updated: ["meridian:maria-zakharova", "meridian:china-supplies-drones"],
      merged: ["meridian:m-zakharova"],
    });
    expect(tidiedLines.actors!.changedIds).toEqual({ updated: ["meridian:maria-zakharova"], merged: ["meridian:m-zakharova"] });

    const removed = await send(
      `mutation Remove { deleteIncident(id: "meridian:briefing-walkout") deleteClaim(id: "meridian:china-supplies-drones") deleteActor(id: "meridian:maria-zakharova") }`,
      EDITOR_KEY,
    );
    expect(removed.data).toEqual({ deleteIncident: true, deleteClaim: true, deleteActor: true });
    const removedLines = await linesOf(removed.requestId, ["actors", "statements", "incidents"]);
    expect(removedLines.gateway!.changedIds).toEqual({ deleted: ["meridian:briefing-walkout", "meridian:china-supplies-drones", "meridian:maria-zakharova"] });
    expect(removedLines.incidents!.changedIds).toEqual({ deleted: ["meridian:briefing-walkout"] });
  });

  it("lists what an editor's decisions on links changed, and nothing for a decision that changed nothing", async () => {
    const rejected = await send(`mutation Decide { rejectActorLink(scheme: CAMEO, value: "RUS") { status } }`, EDITOR_KEY);
    expect(rejected.errors).toBeUndefined();
    // The identifier's own actor comes back; the actor it was joined to loses its alias.
    expect((await linesOf(rejected.requestId, ["actors"])).actors!.changedIds).toEqual({ created: ["gdelt:rus"], updated: ["meridian:russia"] });

    const confirmed = await send(`mutation Confirm { confirmActorLink(scheme: CAMEO, value: "CHN") { status } }`, EDITOR_KEY);
    expect((await linesOf(confirmed.requestId, ["actors"])).gateway!.changedIds).toEqual({ updated: ["meridian:china"] });
    const again = await send(`mutation Confirm { confirmActorLink(scheme: CAMEO, value: "CHN") { status } }`, EDITOR_KEY);
    expect(again.errors).toBeUndefined();
    const againLines = await linesOf(again.requestId, ["actors"]);
    expect(againLines.gateway).not.toHaveProperty("changedIds");
    expect(againLines.actors).not.toHaveProperty("changedIds");
  });

  it("lists only the writes that were made: a refused field changes nothing and logs no ID", async () => {
    const answer = await send(
      `mutation Partly {
        made: createActor(input: { key: "made-once", kind: ORGANIZATION, name: "Made once" }) { id }
        refused: createActor(input: { key: "made-once", kind: ORGANIZATION, name: "Made twice" }) { id }
      }`,
      EDITOR_KEY,
    );
    expect(answer.errors?.map((error) => error.extensions?.code)).toEqual(["BAD_USER_INPUT"]);
    const logged = await linesOf(answer.requestId, ["actors"]);
    for (const line of [logged.gateway, logged.actors]) {
      expect(line).toMatchObject({
        keyName: "alice",
        role: "editor",
        operationName: expect.stringMatching(/^Partly/),
        changedIds: { created: ["meridian:made-once"] },
      });
    }
    expect(logged.gateway!.errorCodes).toEqual(["BAD_USER_INPUT"]);
  });

  it("logs a query with the reader's key name and role, in the gateway's line and the subgraphs'", async () => {
    const answer = await send(`query WhoIsLinJian { actor(id: "meridian:lin-jian") { name statements(first: 1) { totalCount } } }`, READER_KEY);
    expect(answer.errors).toBeUndefined();
    const logged = await linesOf(answer.requestId, ["actors", "statements"]);
    expect(logged.gateway).toMatchObject({ keyName: READER_NAME, role: "reader", operationName: "WhoIsLinJian", operationType: "query" });
    for (const subgraph of ["actors", "statements"])
      expect(logged[subgraph], subgraph).toMatchObject({ keyName: READER_NAME, role: "reader", operationType: "query" });
    expect(logged.gateway).not.toHaveProperty("changedIds");
  });

  it("logs no name for a caller without a key, and says when a key is not one of ours", async () => {
    const anonymous = await send(`query Anonymous { actor(id: "meridian:lin-jian") { name } }`);
    const anonymousLine = (await linesOf(anonymous.requestId, ["actors"])).gateway!;
    expect(anonymousLine).toMatchObject({ operationName: "Anonymous" });
    expect(anonymousLine).not.toHaveProperty("keyName");
    expect(anonymousLine).not.toHaveProperty("role");

    const stranger = newApiKey();
    const refused = await send(`mutation Intrude { deleteActor(id: "meridian:lin-jian") }`, stranger);
    expect(refused.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    // Refused at the gateway: no subgraph is asked.
    const line = (await linesOf(refused.requestId, [])).gateway;
    expect(line).toMatchObject({
      service: "gateway",
      unrecognisedKey: true,
      operationName: "Intrude",
      operationType: "mutation",
      errorCodes: ["UNAUTHENTICATED"],
    });
    expect(line).not.toHaveProperty("changedIds");
    expect(output.join("\n")).not.toContain(stranger);
  });

  it("never logs a key", () => {
    const all = output.join("\n");
    expect(all).not.toContain(EDITOR_KEY);
    expect(all).not.toContain(READER_KEY);
    expect(all).not.toContain(EDITOR_KEY.slice(4, 20));
  });
});

// A subgraph being down costs only what it serves. Every field one subgraph adds to another's
// entity is found in the supergraph, must be nullable, and with its subgraph unreachable is null
// beside an error while the entity keeps its own fields; every root field is nullable too, so
// that one subgraph's root field failing does not null another's (the seed story keeps its
// claims with the incidents subgraph down).
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { type GraphQLObjectType, getNamedType, isLeafType, isNonNullType, isObjectType } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSeed } from "../../ingest/seed/load-seed.js";
import { buildApiSchema } from "../../gateway/api-schema.js";
import { createGatewayServer } from "../../gateway/server.js";
import { readSupergraph } from "../../gateway/supergraph.js";
import type { RunningServer } from "../../platform/http/http-server.js";
import { createSubgraphServer } from "../../services/kit/server/subgraph-server.js";
import { SUBGRAPHS, type SubgraphName, forEverySubgraph } from "../../services/registry.js";
import { BACKENDS, type TestDatabase } from "../../scripts/harness/backends.js";
import { contributedFields } from "../support/contributed-fields.js";
import { type GraphQLResponse, postGraphQL } from "../support/graph.js";
import { freePort } from "../../scripts/harness/processes.js";

const supergraphSdl = readSupergraph();
const apiSchema = buildApiSchema(supergraphSdl);
// Named "Actor.incidents" for the test titles.
const CONTRIBUTED = contributedFields(supergraphSdl).map((field) => ({ ...field, name: `${field.type}.${field.field}` }));

// One seeded entity of each type that others add fields to; a new such type needs one here.
const SEEDED_ENTITY_IDS: Record<string, string> = {
  Actor: "meridian:volodymyr-zelensky",
  Incident: "meridian:capture-of-wang-guangjun-and-zhang-renbo",
};

const objectType = (name: string) => apiSchema.getType(name) as GraphQLObjectType;

/** The owner's root field that fetches one entity by ID: `actor(id:)` for Actor. */
function rootFieldFor(type: string): string {
  const field = Object.values(apiSchema.getQueryType()!.getFields()).find(
    (candidate) =>
      getNamedType(candidate.type).name === type && !isNonNullType(candidate.type) && candidate.args.length === 1 && candidate.args[0]!.name === "id",
  );
  if (!field) throw new Error(`no root field fetches one ${type} by id`);
  return field.name;
}

/** A field of the entity its owner resolves, a leaf with no required arguments, to show the entity survived. */
function ownFieldOf(type: string, owner: SubgraphName): string {
  const ownFields = new Set(CONTRIBUTED.filter((field) => field.type === type).map((field) => field.field));
  const field = Object.values(objectType(type).getFields()).find(
    (candidate) =>
      candidate.name !== "id" &&
      !ownFields.has(candidate.name) &&
      isLeafType(getNamedType(candidate.type)) &&
      candidate.args.every((argument) => !isNonNullType(argument.type)),
  );
  if (!field) throw new Error(`no leaf field of ${type} from ${owner}`);
  return field.name;
}

/** `__typename` under an object-typed field, so the selection is valid for any field. */
const selectionOf = (type: string, field: string) =>
  isObjectType(getNamedType(objectType(type).getFields()[field]!.type)) ? `${field} { __typename }` : field;

describe("the fields one subgraph adds to another's entity, read from the supergraph", () => {
  it("include the incidents subgraph's Actor.incidents and the statements subgraph's Actor.statements and Incident.claims", () => {
    expect(CONTRIBUTED).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: "Actor", field: "incidents", owner: "actors", contributor: "incidents" }),
        expect.objectContaining({ type: "Actor", field: "statements", owner: "actors", contributor: "statements" }),
        expect.objectContaining({ type: "Incident", field: "claims", owner: "incidents", contributor: "statements" }),
      ]),
    );
  });

  it.each(CONTRIBUTED)("$name (from $contributor) is nullable in the API schema", ({ type, field }) => {
    expect(isNonNullType(objectType(type).getFields()[field]!.type)).toBe(false);
  });

  it("every root query field is nullable, so one subgraph's failing root field does not null the others'", () => {
    const nonNull = Object.values(apiSchema.getQueryType()!.getFields())
      .filter((field) => isNonNullType(field.type))
      .map((field) => field.name);
    expect(nonNull).toEqual([]);
  });
});

describe.each(BACKENDS)("with one subgraph unreachable, on $name", (backend) => {
  let database: TestDatabase;
  const subgraphServers: RunningServer[] = [];
  const subgraphUrls = {} as Record<SubgraphName, string>;
  const gateways = new Map<SubgraphName, RunningServer>();
  const subgraphSecret = randomBytes(24).toString("hex");

  beforeAll(async () => {
    database = await backend.create();
    await loadSeed(forEverySubgraph(database.handle));
    for (const subgraph of SUBGRAPHS) {
      const server = await createSubgraphServer(subgraph, database.handle.db, { isProduction: false, subgraphSecret });
      subgraphServers.push(await server.listen(0, "127.0.0.1"));
      subgraphUrls[subgraph.name] = subgraphServers.at(-1)!.url;
    }
  });

  afterAll(async () => {
    for (const server of [...gateways.values(), ...subgraphServers]) await server.stop();
    await database?.dispose();
  });

  /** A gateway whose `down` subgraph is at a port nothing listens on (refused at once). */
  async function askWithout(down: SubgraphName, query: string): Promise<GraphQLResponse> {
    if (!gateways.has(down)) {
      const urls = { ...subgraphUrls, [down]: `http://127.0.0.1:${await freePort()}/graphql` };
      gateways.set(down, await createGatewayServer({ supergraphSdl, subgraphUrls: urls, isProduction: false, subgraphSecret }).listen(0, "127.0.0.1"));
    }
    return postGraphQL(gateways.get(down)!.url, query);
  }

  it.each(CONTRIBUTED)(
    "$name is null with an error while $contributor is down, and the $type keeps its own fields",
    async ({ type, field, owner, contributor }) => {
      const id = SEEDED_ENTITY_IDS[type];
      expect(id, `a seeded ${type} ID in SEEDED_ENTITY_IDS`).toBeDefined();
      const root = rootFieldFor(type);
      const own = ownFieldOf(type, owner);
      const answer = await askWithout(contributor, `{ ${root}(id: "${id}") { id ${own} ${selectionOf(type, field)} } }`);
      expect(answer.data).toEqual({ [root]: { id, [own]: expect.anything(), [field]: null } });
      // The gateway names the subgraph, not the path, in the error of a failed entity fetch.
      expect(answer.errors).toContainEqual(
        expect.objectContaining({ extensions: expect.objectContaining({ code: "SUBGRAPH_UNAVAILABLE", serviceName: contributor }) }),
      );
    },
  );

  it("answers the seed-story example with its claim while the incidents subgraph is down", async () => {
    const seedStory = readFileSync(new URL("../../examples/seed-story.graphql", import.meta.url), "utf8");
    const answer = await askWithout("incidents", seedStory);
    expect(answer.data).not.toBeNull();
    expect(answer.data!.claim).toMatchObject({
      quantity: 155,
      stances: { edges: expect.arrayContaining([expect.objectContaining({ node: expect.objectContaining({ stance: "ASSERTS" }) })]) },
    });
    expect(answer.data!.incidents).toBeNull();
    expect(answer.errors).toContainEqual(
      expect.objectContaining({ extensions: expect.objectContaining({ code: "SUBGRAPH_UNAVAILABLE", serviceName: "incidents" }) }),
    );
  });
});

// Every filter, sort and search of the actors subgraph is served by an index: on 30,000
// generated actors with their aliases and relations, each operation runs through the real
// schema, and every SQL statement it sends is EXPLAINed with its parameters and must read
// through the intended index, never by a sequential scan.
import "reflect-metadata";
import { sql } from "drizzle-orm";
import { type GraphQLSchema, graphql } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../db/client.js";
import { encodeCursor } from "../../../services/kit/pages/pagination.js";
import { createActorsContext } from "../../../services/actors/data/context.js";
import { buildActorsSchema } from "../../../services/actors/schema/schema.js";
import { BACKENDS, POSTGRES_SKIPPED_NOTE, type TestDatabase } from "../../../scripts/harness/backends.js";
import { type SentStatement, explainScans, recordingDatabase, withParameters } from "../../../scripts/harness/query-plans.js";

const ACTORS = 30_000;
// Every tenth actor is an armed force; persons serve in one of these.
const FORCES = 300;
const actorId = (i: number) => `gen:actor-${i}`;
const forceId = (n: number) => actorId(1 + 10 * n);

// Skewed on purpose: a filter is worth an index when it is selective, so the rare values
// (states, CAMEO codes, leaders, one force's soldiers, one country) are the ones asked for.
// Names are made of letters from md5 digests, so that trigram search finds few actors.
const pseudoWord = (seed: string, length: number) => `initcap(translate(substr(md5(${seed}), 1, ${length}), '0123456789', 'aeiouybrst'))`;
const generatedName = `${pseudoWord("'first' || i", 7)} || ' ' || ${pseudoWord("'last' || i", 10)}`;

async function generateActors(db: Database): Promise<void> {
  await db.execute(
    sql.raw(`
    insert into actors.actors (id, kind, name, country)
    select 'gen:actor-' || i,
      case when i % 100 = 0 then 'STATE' when i % 10 = 1 then 'ARMED_FORCE' when i % 50 = 7 then 'ORGANIZATION' else 'PERSON' end,
      ${generatedName},
      case when i % 97 = 0 then null else (array['UKR','RUS','SYR','YEM','SDN','MLI','NGA','COD','SOM','AFG','IRQ','LBY','MMR','ETH','PAK','IND',
        'MEX','COL','BRA','PHL','BFA','NER','CMR','CAF','SSD','MOZ','LBN','ISR','PSE','TUR','IRN','EGY','KEN',
        'UGA','TCD','HTI','VEN','PER','BGD','GEO'])[1 + i % 40] end
    from generate_series(1, ${ACTORS}) as i`),
  );
  // As documents store them: the name as a FREE alias, plus spellings, Wikidata, ACLED and CAMEO codes.
  await db.execute(
    sql.raw(`
    insert into actors.aliases (actor_id, scheme, value, normalized_value)
    select id, 'FREE', name, lower(name) from actors.actors
    union all
    select 'gen:actor-' || i, 'FREE', ${pseudoWord("'alias' || i", 9)}, lower(${pseudoWord("'alias' || i", 9)})
      from generate_series(3, ${ACTORS}, 3) as i
    union all
    select 'gen:actor-' || i, 'WIKIDATA', 'Q' || i, 'q' || i from generate_series(2, ${ACTORS}, 2) as i
    union all
    select 'gen:actor-' || i, 'ACLED', 'Forces ' || i, 'forces ' || i from generate_series(20, ${ACTORS}, 20) as i
    union all
    select 'gen:actor-' || i, 'CAMEO', 'C' || i, 'c' || i from generate_series(500, ${ACTORS}, 500) as i`),
  );
  // Persons serve in a force for a period; some states have a leader; organisations have members.
  await db.execute(
    sql.raw(`
    insert into actors.actor_relations (id, subject_id, predicate, object_id, valid_from, valid_to)
    select 'gen:serves-' || a.i, 'gen:actor-' || a.i, 'SERVES_IN', 'gen:actor-' || (1 + 10 * (a.i % ${FORCES})),
      date '2010-01-01' + (a.i * 7) % 4000, case when a.i % 3 = 0 then date '2010-01-01' + (a.i * 7) % 4000 + 700 end
    from (select i from generate_series(1, ${ACTORS}) as i where i % 10 <> 1 and i % 100 <> 0) as a
    union all
    select 'gen:leads-' || i, 'gen:actor-' || (i - 2), 'LEADER_OF', 'gen:actor-' || i, date '2015-01-01' + i % 3000, null
    from generate_series(1000, ${ACTORS}, 1000) as i
    union all
    select 'gen:member-' || i, 'gen:actor-' || i, 'MEMBER_OF', 'gen:actor-' || (7 + 50 * (i % 600)), null, null
    from generate_series(2, ${ACTORS}, 2) as i`),
  );
  // VACUUM, as autovacuum would after such a load: it moves the rows that GIN indexes keep in
  // their pending list into the index proper (until then the planner rightly prices a
  // trigram search as reading every pending row), and it marks pages all-visible.
  for (const table of ["actors", "aliases", "actor_relations"]) await db.execute(sql.raw(`vacuum analyze actors.${table}`));
}

const nameCursor = encodeCursor(["M", actorId(0)]);

// Each operation, and the indexes its statements must use (every one of them, in any statement).
const operations: [string, string, unknown[]][] = [
  ["actors by name", `{ actors(first: 20) { edges { node { id } } } }`, ["actors_name_id_idx"]],
  ["actors by name after a cursor", `{ actors(first: 20, after: "${nameCursor}") { edges { node { id } } } }`, ["actors_name_id_idx"]],
  ["actors of a kind", `{ actors(filter: { kind: STATE }) { edges { node { id } } } }`, ["actors_kind_name_id_idx"]],
  ["actors of a country", `{ actors(filter: { country: "MLI" }) { edges { node { id } } } }`, ["actors_country_name_id_idx"]],
  [
    "actors serving in a force",
    `{ actors(filter: { relation: { predicate: SERVES_IN, object: "${forceId(17)}" } }) { edges { node { id } } } }`,
    ["actor_relations_predicate_object_subject_idx"],
  ],
  [
    // The validity dates are read from the table either way, so both indexes on (predicate, object) serve equally.
    "actors serving in a force on a day",
    `{ actors(filter: { relation: { predicate: SERVES_IN, object: "${forceId(17)}", at: "2015-06-01" } }) { edges { node { id } } } }`,
    [expect.toBeOneOf(["actor_relations_predicate_object_subject_idx", "actor_relations_object_idx"])],
  ],
  [
    "actors leading anything",
    `{ actors(filter: { relation: { predicate: LEADER_OF } }) { edges { node { id } } } }`,
    ["actor_relations_predicate_object_subject_idx"],
  ],
  ["actors with a CAMEO code", `{ actors(filter: { hasAliasInScheme: CAMEO }) { edges { node { id } } } }`, ["aliases_scheme_value_idx"]],
  [
    "actors with a Wikidata ID",
    `{ actors(filter: { hasAliasInScheme: WIKIDATA }) { edges { node { id } } } }`,
    ["actors_name_id_idx", "aliases_actor_scheme_value_key"],
  ],
  [
    "a search by name",
    `{ searchActors(query: "Zelensky") { edges { node { score actor { id } } } } }`,
    ["actors_name_trgm_idx", "aliases_normalized_value_trgm_idx"],
  ],
  [
    "a search by name of persons",
    `{ searchActors(query: "Zelensky", filter: { kind: PERSON, country: "UKR" }) { edges { node { score actor { id } } } } }`,
    ["actors_name_trgm_idx", "aliases_normalized_value_trgm_idx"],
  ],
  [
    "an actor's relations on a day",
    `{ actor(id: "${actorId(1234)}") { relations(at: "2016-01-01") { edges { node { id } } } } }`,
    ["actors_pkey", "actor_relations_subject_idx"],
  ],
  [
    "a force's soldiers on a day",
    `{ actor(id: "${forceId(17)}") { relations(direction: INCOMING, filter: { predicate: SERVES_IN }, at: "2016-01-01") { edges { node { id } } } } }`,
    ["actors_pkey", "actor_relations_object_idx"],
  ],
  [
    "a page of actors with their relations on a day",
    `{ actors(first: 50, filter: { country: "UKR" }) { edges { node { relations(at: "2016-01-01") { edges { node { id } } } } } } }`,
    ["actors_country_name_id_idx", "actor_relations_subject_idx"],
  ],
];

describe.each(BACKENDS)("index use of actor queries on $name", (backend) => {
  let database: TestDatabase;
  let schema: GraphQLSchema;
  beforeAll(async () => {
    database = await backend.create();
    await generateActors(database.handle.db);
    schema = await buildActorsSchema();
  }, 60_000);
  afterAll(() => database.dispose());

  it.each(operations)("reads %s through its index", async (_name, operation, indexes) => {
    const sent: SentStatement[] = [];
    const result = await graphql({ schema, source: operation, contextValue: createActorsContext(recordingDatabase(database.handle, sent)) });
    expect(result.errors).toBeUndefined();
    const scans = (await Promise.all(sent.map((statement) => explainScans(database.handle.db, withParameters(statement))))).flat();
    expect(scans.filter((scan) => scan.node === "Seq Scan")).toEqual([]);
    expect(scans.flatMap((scan) => scan.index ?? [])).toEqual(expect.arrayContaining(indexes));
  });
});

if (POSTGRES_SKIPPED_NOTE) describe.skip(POSTGRES_SKIPPED_NOTE, () => it("index use of actor queries on postgres"));

// Every filter, sort, search and claims-view field of the statements subgraph is served by an
// index: on 50,000 generated statements with 60,000 stances on 10,000 claims, each GraphQL
// request below is run, every SQL statement it sends is EXPLAINed with its own parameters, and
// none may read statements, stances or claims by a sequential scan; the named indexes must be used.
import { sql } from "drizzle-orm";
import { type GraphQLSchema, graphql } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, DatabaseHandle } from "../../../db/client.js";
import { encodeCursor } from "../../../services/kit/pages/pagination.js";
import { createStatementsContext } from "../../../services/statements/data/context.js";
import { buildStatementsSchema } from "../../../services/statements/schema/schema.js";
import { BACKENDS, POSTGRES_SKIPPED_NOTE, type TestDatabase } from "../../../scripts/harness/backends.js";
import { type Scan, type SentStatement, explainScans, recordingDatabase, withParameters } from "../../../scripts/harness/query-plans.js";

const STATEMENTS = 50_000;
const CLAIMS = 10_000;
const ACTORS = 500;
const SOURCES = 2_000;

// Skewed on purpose: a filter is worth an index when it is selective, so the rare values
// (Chinese, denials, a word in 1% of texts, one actor among 500) are the ones asked for.
async function generateStatements(db: Database): Promise<void> {
  await db.execute(
    sql.raw(`
    insert into statements.sources (id, kind, title)
    select 'plan:source-' || i, 'ARTICLE', 'Source ' || i from generate_series(1, ${SOURCES}) as i`),
  );
  await db.execute(
    sql.raw(`
    insert into statements.statements (id, speaker_id, on_behalf_of_id, said_on, said_precision, modality, text, language, source_id, responds_to_id)
    select 'plan:statement-' || i,
      'plan:actor-' || (i % ${ACTORS}),
      case when i % 3 = 0 then 'plan:ministry-' || (i % 50) end,
      date '2015-01-01' + (i * 7919) % 3650,
      'DAY', 'PARAPHRASE',
      case when i % 100 = 3 then 'Officials said that hostages were taken near the border crossing.'
        else (array['The ministry', 'Our forces', 'The spokesperson', 'The government', 'The army'])[1 + i % 5] || ' '
          || (array['rejected', 'confirmed', 'reported', 'questioned', 'welcomed', 'condemned'])[1 + i % 6] || ' the '
          || (array['strikes', 'talks', 'sanctions', 'shelling', 'exchange', 'deliveries', 'elections'])[1 + i % 7] || ' in region '
          || (i % 300) || '.' end,
      case when i % 200 = 0 then 'zh' when i % 50 = 1 then 'uk' else 'en' end,
      'plan:source-' || (1 + i % ${SOURCES}),
      case when i % 10 = 0 then 'plan:statement-' || (i - 1) end
    from generate_series(1, ${STATEMENTS}) as i`),
  );
  await db.execute(
    sql.raw(`
    insert into statements.claims (id, text, subject_id, object_id, incident_id)
    select 'plan:claim-' || i, 'Claim ' || i,
      'plan:actor-' || (i % ${ACTORS}),
      case when i % 2 = 0 then 'plan:actor-' || ((i * 7) % ${ACTORS}) end,
      case when i % 4 = 0 then 'plan:incident-' || (i % 2000) end
    from generate_series(1, ${CLAIMS}) as i`),
  );
  await db.execute(
    sql.raw(`
    insert into statements.stances (statement_id, claim_id, stance)
    select 'plan:statement-' || i, 'plan:claim-' || (1 + (i * 13) % ${CLAIMS}),
      case when i % 50 = 7 then 'DENIES' when i % 100 < 40 then 'ASSERTS' when i % 100 < 70 then 'COMMENTS'
        when i % 100 < 80 then 'SUPPORTS' when i % 100 < 90 then 'QUESTIONS' else 'DISPUTES' end
    from generate_series(1, ${STATEMENTS}) as i
    union all
    select 'plan:statement-' || i, 'plan:claim-' || (1 + (i * 31 + 5) % ${CLAIMS}),
      case when i % 3 = 0 then 'DISPUTES' else 'ASSERTS' end
    from generate_series(5, ${STATEMENTS}, 5) as i
    on conflict do nothing`),
  );
  for (const table of ["sources", "statements", "claims", "stances"]) await db.execute(sql.raw(`analyze statements.${table}`));
}

/**
 * Runs an operation on the subgraph as a request would, through a Drizzle instance that
 * records each SQL statement and its parameters, then EXPLAINs each one.
 */
class RequestExplainer {
  private readonly sent: SentStatement[] = [];
  private readonly recordingDb: Database;

  constructor(
    private readonly handle: DatabaseHandle,
    private readonly schema: GraphQLSchema,
  ) {
    this.recordingDb = recordingDatabase(handle, this.sent);
  }

  async scansOf(operation: string): Promise<Scan[]> {
    this.sent.length = 0;
    const result = await graphql({ schema: this.schema, source: operation, contextValue: createStatementsContext(this.recordingDb) });
    expect(result.errors).toBeUndefined();
    expect(this.sent.length).toBeGreaterThan(0);
    const scans: Scan[] = [];
    for (const statement of this.sent) scans.push(...(await explainScans(this.handle.db, withParameters(statement))));
    return scans;
  }
}

const TABLES = ["statements", "stances", "claims"];
const after = (order: string) => encodeCursor([`SAID_AT ${order}`, "2019-06-01", "plan:statement-100"]);
const viewFields = `status assertedBy { id } disputedBy { id } firstAssertion { id } latestResponse { id }`;
const actorClaims = `{ _entities(representations: [{ __typename: "Actor", id: "plan:actor-17" }, { __typename: "Actor", id: "plan:actor-18" }]) {
  ... on Actor { claimsAbout(filter: { status: CONTESTED }) { totalCount edges { node { id } } } } } }`;

// Each request and the indexes its SQL must read through (each of them in some statement; of
// a list, any one: where several indexes serve, the planner may pick either).
const requests: [string, string, (string | string[])[]][] = [
  ["statements, oldest first", `{ statements(first: 20) { edges { node { id } } } }`, ["statements_said_on_id_idx"]],
  ["statements, newest first", `{ statements(first: 20, sort: { order: DESC }) { edges { node { id } } } }`, ["statements_said_on_id_idx"]],
  ["statements after a cursor, oldest first", `{ statements(after: "${after("ASC")}") { edges { node { id } } } }`, ["statements_said_on_id_idx"]],
  [
    "statements after a cursor, newest first",
    `{ statements(after: "${after("DESC")}", sort: { order: DESC }) { edges { node { id } } } }`,
    ["statements_said_on_id_idx"],
  ],
  [
    "a speaker's statements",
    `{ statements(filter: { speaker: "plan:actor-17" }, sort: { order: DESC }) { totalCount edges { node { id } } } }`,
    ["statements_speaker_said_on_id_idx"],
  ],
  [
    "statements on behalf of a ministry",
    `{ statements(filter: { onBehalfOf: "plan:ministry-7" }) { totalCount edges { node { id } } } }`,
    ["statements_on_behalf_of_said_on_id_idx"],
  ],
  [
    "statements within a month",
    `{ statements(filter: { said: { from: "2020-03-01", to: "2020-03-31" } }) { totalCount edges { node { id } } } }`,
    ["statements_said_on_id_idx"],
  ],
  [
    "statements in a rare language",
    `{ statements(filter: { language: "zh" }, sort: { order: DESC }) { totalCount edges { node { id } } } }`,
    ["statements_language_said_on_id_idx"],
  ],
  ["statements of a source", `{ statements(filter: { source: "plan:source-17" }) { totalCount edges { node { id } } } }`, ["statements_source_said_on_id_idx"]],
  [
    "replies to a statement",
    `{ statements(filter: { respondsTo: "plan:statement-99" }) { totalCount edges { node { id } } } }`,
    ["statements_responds_to_said_on_id_idx"],
  ],
  ["statements on a claim", `{ statements(filter: { claim: "plan:claim-17" }) { totalCount edges { node { id } } } }`, ["stances_claim_stance_statement_idx"]],
  [
    "statements taking a stance on a claim",
    `{ statements(filter: { claim: "plan:claim-17", stance: ASSERTS }) { totalCount edges { node { id } } } }`,
    ["stances_claim_stance_statement_idx"],
  ],
  [
    "statements taking a rare stance",
    `{ statements(filter: { stance: DENIES, said: { from: "2020-01-01", to: "2020-12-31" } }) { totalCount edges { node { id } } } }`,
    [],
  ],
  [
    "a speaker's statements with their stances and replies",
    `{ statements(first: 50, filter: { speaker: "plan:actor-10" }) { edges { node { id stances { stance } respondsTo { id } responses { totalCount } } } } }`,
    ["statements_speaker_said_on_id_idx", "stances_statement_id_claim_id_pk", "statements_pkey", "statements_responds_to_said_on_id_idx"],
  ],
  ["a search", `{ searchStatements(query: "hostages") { totalCount edges { node { score snippet } } } }`, ["statements_search_idx"]],
  [
    "a search under a filter",
    `{ searchStatements(query: "hostages", filter: { language: "en", said: { from: "2019-01-01" } }) { totalCount edges { node { score } } } }`,
    ["statements_search_idx"],
  ],
  [
    "statistics by month of a speaker",
    `{ statementStats(groupBy: MONTH, filter: { speaker: "plan:actor-17" }) { key count } }`,
    ["statements_speaker_said_on_id_idx"],
  ],
  [
    "statistics by speaker within a month",
    `{ statementStats(groupBy: SPEAKER, filter: { said: { from: "2020-03-01", to: "2020-03-31" } }) { key count } }`,
    [["statements_said_on_id_idx", "statements_language_said_on_id_idx"]],
  ],
  [
    "statistics by stance on a claim",
    `{ statementStats(groupBy: STANCE, filter: { claim: "plan:claim-17" }) { key count } }`,
    ["stances_claim_stance_statement_idx"],
  ],
  [
    "contested claims with their view",
    `{ claims(filter: { status: CONTESTED }) { edges { node { id ${viewFields} } } } }`,
    ["claims_pkey", "stances_claim_stance_statement_idx", "statements_pkey", "statements_responds_to_said_on_id_idx"],
  ],
  [
    "an actor's unaddressed claims",
    `{ claims(filter: { status: UNADDRESSED, about: "plan:actor-17" }) { totalCount edges { node { id } } } }`,
    ["claims_subject_id_idx", "claims_object_id_idx", "stances_claim_stance_statement_idx"],
  ],
  [
    "claims about an actor",
    `{ claims(filter: { about: "plan:actor-17" }) { totalCount edges { node { id } } } }`,
    ["claims_subject_id_idx", "claims_object_id_idx"],
  ],
  [
    "claims by subject, object and incident",
    `{ s: claims(filter: { subject: "plan:actor-17" }) { totalCount } o: claims(filter: { object: "plan:actor-17" }) { totalCount } i: claims(filter: { incident: "plan:incident-8" }) { totalCount edges { node { id } } } }`,
    ["claims_subject_id_idx", "claims_object_id_idx", "claims_incident_id_idx"],
  ],
  ["an actor's contested claims", actorClaims, ["claims_subject_id_idx", "claims_object_id_idx", "stances_claim_stance_statement_idx"]],
  [
    "an incident's contested claims",
    `{ _entities(representations: [{ __typename: "Incident", id: "plan:incident-8" }]) { ... on Incident { claims(filter: { status: CONTESTED }) { totalCount edges { node { id } } } } } }`,
    ["claims_incident_id_idx", "stances_claim_stance_statement_idx"],
  ],
  [
    "an actor's statements",
    `{ _entities(representations: [{ __typename: "Actor", id: "plan:actor-17" }]) { ... on Actor { statements(said: { from: "2018-01-01" }) { totalCount edges { node { id } } } } } }`,
    ["statements_speaker_said_on_id_idx"],
  ],
  [
    "a claim's stances",
    `{ claim(id: "plan:claim-17") { stances { totalCount edges { node { stance } } } } }`,
    ["stances_claim_stance_statement_idx", "statements_pkey"],
  ],
];

describe.each(BACKENDS)("index use of statement queries on $name", (backend) => {
  let database: TestDatabase;
  let explainer: RequestExplainer;
  beforeAll(async () => {
    database = await backend.create();
    await generateStatements(database.handle.db);
    explainer = new RequestExplainer(database.handle, await buildStatementsSchema());
  }, 120_000);
  afterAll(() => database.dispose());

  it("has the data it claims to have", async () => {
    const counts = await database.handle.db.execute(
      sql`select (select count(*) from statements.statements) as statements, (select count(*) from statements.stances) as stances`,
    );
    const row = (Array.isArray(counts) ? counts[0] : (counts as unknown as { rows: unknown[] }).rows[0]) as { statements: unknown; stances: unknown };
    expect(Number(row.statements)).toBe(STATEMENTS);
    expect(Number(row.stances)).toBeGreaterThan(STATEMENTS);
  });

  it.each(requests)("reads %s through its indexes", async (_name, operation, indexes) => {
    const scans = await explainer.scansOf(operation);
    expect(scans.filter((scan) => scan.node === "Seq Scan" && TABLES.includes(scan.relation ?? ""))).toEqual([]);
    const used = scans.flatMap((scan) => scan.index ?? []);
    expect(used).not.toEqual([]);
    for (const index of indexes) expect(used).toEqual(expect.arrayContaining([typeof index === "string" ? index : expect.toBeOneOf(index)]));
  });
});

if (POSTGRES_SKIPPED_NOTE) describe.skip(POSTGRES_SKIPPED_NOTE, () => it("index use of statement queries on postgres"));

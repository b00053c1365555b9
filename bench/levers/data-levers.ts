// The levers where data size matters, on a million incidents: keyset pages, the indexes, totalCount from the daily tallies.
import { type SQL, sql as drizzleSql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import type { Database } from "../../db/client.js";
import { encodeCursor } from "../../services/kit/pages/pagination.js";
import { SortOrder } from "../../services/kit/pages/sort-order.js";
import { IncidentSortField, IncidentType } from "../../services/incidents/schema/incident.enums.js";
import { incidentCountQuery } from "../../services/incidents/data/incident-counts.js";
import { IncidentOrder } from "../../services/incidents/data/incident-order.js";
import type { IncidentFilter } from "../../services/incidents/schema/incident.input.js";
import { incidentPageQuery } from "../../services/incidents/data/incident.repository.js";
import { explainScans } from "../../scripts/harness/query-plans.js";
import { type Call, type Process, SCALES, graphqlCall, incidentPageAndCountSql, stopProcesses } from "../harness.js";
import { INCIDENTS_BY_COUNTRY_AND_DATES } from "../operations.js";
import { startBaseGraph } from "./graphs.js";
import { INCIDENTS_OF_TYPE_AND_DATES, countryFilter, gatewayBody, withoutTotalCount } from "./lever-operations.js";
import { type Report, compare, detail, row, timeIt } from "./report.js";
import type { Lever, Settings } from "./settings.js";

function sqlCall(sql: postgres.Sql, statements: { sql: string; params: unknown[] }[]): Call {
  return async () => {
    await Promise.all(statements.map((statement) => sql.unsafe(statement.sql, statement.params as never[], { prepare: true })));
    return undefined;
  };
}

async function keysetLever(sql: postgres.Sql, db: Database, settings: Settings, report: Report) {
  const lever = "keyset pagination";
  const depth = 50_000;
  const filter = countryFilter();
  const order = IncidentOrder.of(undefined);
  // The cursor a client holds after reading `depth` incidents of the list.
  const [last] = (await db.execute(
    drizzleSql`select start_on::text as "startOn", id from incidents.incidents where country = ${filter.country} and start_on between ${filter.occurred!.from} and ${filter.occurred!.to} order by start_on, id offset ${depth - 1} limit 1`,
  )) as unknown as { startOn: string; id: string }[];
  if (!last) throw new Error(`${lever}: the incidents-by-country list at 1m has fewer than ${depth} incidents`);
  const keyset = incidentPageQuery(db, filter, order, 50, encodeCursor(order.cursorOf(last)));
  const offset = incidentPageQuery(db, filter, order, 50, null).offset(depth);
  const [keysetIds, offsetIds] = [await keyset, await offset].map((rows) => rows.map((found) => found.id).join(","));
  if (keysetIds !== offsetIds) throw new Error(`${lever}: the keyset page and the OFFSET page differ`);
  const [a, b] = await compare(
    `keyset: page after ${depth} (SQL)`,
    [
      { label: "keyset (as shipped)", call: sqlCall(sql, [keyset.toSQL()]) },
      { label: `OFFSET ${depth}`, call: sqlCall(sql, [offset.toSQL()]) },
    ],
    settings,
  );
  report.rows.push(
    row(
      {
        lever,
        scale: "1m",
        measured: `the incidents-by-country page (50) after the first ${depth.toLocaleString("en")} incidents of the list, SQL alone, concurrency ${settings.concurrency}`,
        a: "`(start_on, id) > cursor` (as shipped)",
        b: `\`OFFSET ${depth}\``,
      },
      a!,
      b!,
      "throughput",
    ),
  );
  const scans = async (query: { getSQL(): SQL }) =>
    (await explainScans(db, query.getSQL())).map((scan) => `${scan.node}${scan.index ? ` on ${scan.index}` : ""}`).join(", ");
  detail(
    report,
    lever,
    `Both return the same 50 incidents (checked). Plans: keyset ${await scans(keyset)}, reading ${await rowsScanned(db, keyset.getSQL())} rows; OFFSET ${await scans(offset)}, reading ${await rowsScanned(db, offset.getSQL())} rows to throw away the first ${depth.toLocaleString("en")}.`,
  );
}

/** Rows the scans of a statement's plan produced when it ran (EXPLAIN ANALYZE). */
async function rowsScanned(db: Database, query: SQL): Promise<string> {
  interface Node {
    "Actual Rows": number;
    "Relation Name"?: string;
    "Index Name"?: string;
    Plans?: Node[];
  }
  const [row] = (await db.execute(drizzleSql`explain (analyze, format json) ${query}`)) as unknown as Record<string, unknown>[];
  const plan = (row!["QUERY PLAN"] as { Plan: Node }[])[0]!.Plan;
  const scanned = (node: Node): number =>
    (node["Relation Name"] || node["Index Name"] ? node["Actual Rows"] : 0) + (node.Plans ?? []).reduce((sum, child) => sum + scanned(child), 0);
  return scanned(plan).toLocaleString("en");
}

const INDEXES_OFF = ["set local enable_indexscan = off", "set local enable_bitmapscan = off", "set local enable_indexonlyscan = off"];

async function indexesLever(sql: postgres.Sql, db: Database, settings: Settings, report: Report) {
  const lever = "an index for every filter and sort";
  const inTransaction =
    (statements: { sql: string; params: unknown[] }[], indexes: boolean): Call =>
    async () => {
      await sql.begin(async (transaction) => {
        if (!indexes) for (const setting of INDEXES_OFF) await transaction.unsafe(setting);
        // Unprepared on both sides: a prepared statement's cached generic plan would keep using an index after it is switched off.
        for (const statement of statements) await transaction.unsafe(statement.sql, statement.params as never[], { prepare: false });
      });
      return undefined;
    };
  const { page, total } = incidentPageAndCountSql(db, countryFilter(), 50);
  const [a, b] = await compare(
    "indexes: incidents-by-country (SQL)",
    [
      { label: "indexes (as shipped)", call: inTransaction([page, total], true) },
      { label: "index scans off", call: inTransaction([page, total], false) },
    ],
    settings,
  );
  report.rows.push(
    row(
      {
        lever,
        scale: "1m",
        measured: `the incidents-by-country page (50) and its count, SQL alone, concurrency ${settings.concurrency}`,
        a: "the planner free to use the indexes",
        b: "`enable_indexscan`, `enable_bitmapscan`, `enable_indexonlyscan` off (in the transaction)",
      },
      a!,
      b!,
      "throughput",
    ),
  );

  // Every filter the API offers that the benchmark's operations do not already cover, and the newest-first sort.
  const [someActor] = (await db.execute(
    drizzleSql`select actor_id as "actorId" from incidents.participants where incident_id = (select id from incidents.incidents order by id limit 1) limit 1`,
  )) as unknown as { actorId: string }[];
  const cases: [string, IncidentFilter, SortOrder][] = [
    ["country", { country: "UKR" }, SortOrder.ASC],
    ["type", { type: IncidentType.RIOT }, SortOrder.ASC],
    ["dataset", { dataset: "MERIDIAN" }, SortOrder.ASC],
    ["actor", { participant: { actor: someActor!.actorId } }, SortOrder.ASC],
    ["occurred (one month)", { occurred: { from: "2020-03-01", to: "2020-03-31" } }, SortOrder.ASC],
    ["no filter, newest first", {}, SortOrder.DESC],
  ];
  const lines = ["| filter | page: plan | count: plan | page + count with indexes (ms) | without (ms) |", "|---|---|---|---|---|"];
  const describe = async (query: SQL) =>
    [...new Set((await explainScans(db, query)).map((scan) => `${scan.node} (${scan.index ?? scan.relation})`))].join(", ");
  for (const [name, filter, direction] of cases) {
    const pageQuery = incidentPageQuery(db, filter, IncidentOrder.of({ by: IncidentSortField.OCCURRED_AT, order: direction }), 50, null);
    const countQuery = incidentCountQuery(db, filter);
    const both = [pageQuery.toSQL(), countQuery.toSQL()];
    const on = await timeIt(3, inTransaction(both, true));
    const off = await timeIt(1, inTransaction(both, false));
    lines.push(`| ${name} | ${await describe(pageQuery.getSQL())} | ${await describe(countQuery.getSQL())} | ${on} | ${off} |`);
    console.log(`  indexes: ${name.padEnd(26)} with ${on} ms, without ${off} ms`);
  }
  detail(
    report,
    lever,
    "Each filter's page (50, oldest first unless said) and count, EXPLAINed on a million incidents with the planner free, and timed (median of 3 with indexes; one run without, after one unmeasured run):",
    "",
    ...lines,
    "",
  );
}

async function totalCountLever(settings: Settings, report: Report) {
  const lever = "totalCount only when asked";
  const processes: Process[] = [];
  try {
    console.log("1m: starting the subgraphs and the gateway");
    const base = await startBaseGraph(SCALES["1m"]!, processes);
    const cases = [
      ["incidents-by-country", INCIDENTS_BY_COUNTRY_AND_DATES, "summed from the daily tallies (country and dates)"],
      ["incidents-of-type", INCIDENTS_OF_TYPE_AND_DATES, "counted over the incidents themselves (ARMED_CLASH, 2018–2025: no tally by type)"],
    ] as const;
    for (const [key, operation, how] of cases) {
      const [a, b] = await compare(
        `totalCount: ${key} (1m)`,
        [
          {
            label: "without totalCount",
            call: graphqlCall(base.gateway.url, gatewayBody(withoutTotalCount(operation), 50)),
            processes: [base.subgraphs.incidents],
          },
          { label: "with totalCount", call: graphqlCall(base.gateway.url, gatewayBody(operation, 50)), processes: [base.subgraphs.incidents] },
        ],
        settings,
      );
      report.rows.push(
        row(
          {
            lever,
            scale: "1m",
            measured: `${key} (50 a page) through the gateway, concurrency ${settings.concurrency}; totalCount ${how}`,
            a: "the page without `totalCount`: no count runs",
            b: "the same page with `totalCount` (what every page would cost if the count always ran)",
          },
          a!,
          b!,
          "p50",
        ),
      );
    }
  } finally {
    await stopProcesses(processes);
  }
}

export async function dataLevers(settings: Settings, report: Report) {
  const wanted = (lever: Lever) => settings.levers.includes(lever);
  const sql = postgres(SCALES["1m"]!, { max: settings.concurrency, onnotice: () => {} });
  const db = drizzle(sql) as unknown as Database;
  try {
    if (wanted("keyset")) await keysetLever(sql, db, settings, report);
    if (wanted("indexes")) await indexesLever(sql, db, settings, report);
  } finally {
    await sql.end();
  }
  if (wanted("total-count")) await totalCountLever(settings, report);
}

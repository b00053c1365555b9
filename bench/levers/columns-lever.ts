// The columns lever: a page of incidents read with only the columns its answer needs
// (incidentColumnsFor) against every column, as the incidents subgraph reads it: Drizzle on a
// client opened as the services open theirs, rows mapped to incidents.
import { Kind, parse, visit } from "graphql";
import { openPostgres } from "../../db/client.js";
import { IncidentOrder } from "../../services/incidents/data/incident-order.js";
import { incidentPageQuery } from "../../services/incidents/data/incident.repository.js";
import { incidentColumns, incidentColumnsFor, toIncident } from "../../services/incidents/schema/incident.rows.js";
import type { Call } from "../harness.js";
import { INCIDENTS_BY_COUNTRY_AND_DATES } from "../operations.js";
import { countryFilter } from "./lever-operations.js";
import { type Report, compare, detail, row } from "./report.js";
import type { Settings } from "./settings.js";

/** The fields an operation asks of its list's nodes (`node { … }`), as written. */
function nodeFieldsOf(query: string): Set<string> {
  const fields = new Set<string>();
  visit(parse(query), {
    Field(field) {
      if (field.name.value !== "node") return;
      for (const selection of field.selectionSet?.selections ?? []) if (selection.kind === Kind.FIELD) fields.add(selection.name.value);
    },
  });
  return fields;
}

export async function columnsLever(databaseUrl: string, settings: Settings, report: Report) {
  const lever = "only the columns asked for";
  const database = await openPostgres(databaseUrl, { maxConnections: settings.concurrency });
  try {
    const fields = nodeFieldsOf(INCIDENTS_BY_COUNTRY_AND_DATES.query);
    const asked = incidentColumnsFor(fields);
    const order = IncidentOrder.of(undefined);
    const pageCall =
      (columns: Partial<typeof incidentColumns>): Call =>
      async () => {
        (await incidentPageQuery(database.db, countryFilter(), order, 50, null, columns)).map(toIncident);
        return undefined;
      };
    const [a, b] = await compare(
      "columns: the incidents-by-country page",
      [
        { label: `${Object.keys(asked).length} columns (as shipped)`, call: pageCall(asked) },
        { label: `all ${Object.keys(incidentColumns).length} columns`, call: pageCall(incidentColumns) },
      ],
      settings,
    );
    report.rows.push(
      row(
        {
          lever,
          scale: "10k",
          measured: `the incidents-by-country page (50) as the subgraph reads it (Drizzle, postgres.js, rows mapped), one process, concurrency ${settings.concurrency}`,
          a: `the ${Object.keys(asked).length} columns its fields read (as shipped)`,
          b: `all ${Object.keys(incidentColumns).length} columns`,
        },
        a!,
        b!,
        "throughput",
      ),
    );
    detail(
      report,
      lever,
      `A list of incidents reads the columns of the fields asked of its nodes (services/kit/pages/node-fields.ts, services/incidents/schema/incident.rows.ts); the benchmark operation asks ${[...fields].join(", ")}. test/services/incidents/incident-columns.db.test.ts asks each field of Incident alone on a page and requires the answer the incident gives fetched by ID, which reads every column.`,
    );
  } finally {
    await database.close();
  }
}

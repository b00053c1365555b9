// The operations the levers send besides the benchmark's own (bench/operations.ts), and the filters their SQL levers use.
import type { IncidentFilter } from "../../services/incidents/schema/incident.input.js";
import { operationBody } from "../harness.js";
import {
  type BenchOperation,
  INCIDENTS_BY_COUNTRY_AND_DATES,
  INCIDENTS_WITH_ACTORS,
  MONTHLY_INCIDENT_COUNTS,
  SEED_STORY,
  STATEMENT_SEARCH,
} from "../operations.js";

export const gatewayBody = (operation: BenchOperation, first: number) => operationBody(operation, first);

/** The incidents subgraph's own share of "500 incidents with their participants' actors": what the gateway asks it for. */
export const INCIDENTS_WITH_PARTICIPANTS: BenchOperation = {
  name: "incidents with their participants (the incidents subgraph's share)",
  query: /* GraphQL */ `
    query BenchIncidentsWithParticipants($first: Int!) {
      incidents(first: $first, sort: { order: DESC }) {
        edges { node { id title startDate { date } participants { role actor { id } } } }
      }
    }`,
  variables: (first) => ({ first }),
};

/** Incidents of one common type over eight years: a filter the daily tallies do not keep, so its totalCount counts incidents. */
export const INCIDENTS_OF_TYPE_AND_DATES: BenchOperation = {
  name: "incidents of a type and dates",
  query: INCIDENTS_BY_COUNTRY_AND_DATES.query
    .replace("BenchIncidentsByCountryAndDates", "BenchIncidentsOfTypeAndDates")
    .replace("$country: String!", "$type: IncidentType!")
    .replace("country: $country", "type: $type"),
  variables: (first) => ({ first, type: "ARMED_CLASH", occurred: { from: "2018-01-01", to: "2025-12-31" } }),
};

/** The same operation without `totalCount` in its selection. */
export function withoutTotalCount(operation: BenchOperation): BenchOperation {
  const query = operation.query.replace(/^\s*totalCount\n/m, "");
  if (query === operation.query) throw new Error(`bench/levers.ts: ${operation.name} no longer selects totalCount on a line of its own`);
  return { ...operation, name: `${operation.name}, without totalCount`, query };
}

export const countryFilter = (): IncidentFilter => {
  const variables = INCIDENTS_BY_COUNTRY_AND_DATES.variables(50) as { country: string; occurred: { from: string; to: string } };
  return { country: variables.country, occurred: variables.occurred };
};

export const PLANNED_OPERATIONS: [string, BenchOperation, number][] = [
  ["seed-story", SEED_STORY, 10],
  ["incidents-by-country", INCIDENTS_BY_COUNTRY_AND_DATES, 50],
  ["statement-search", STATEMENT_SEARCH, 20],
  ["monthly-counts", MONTHLY_INCIDENT_COUNTS, 120],
  ["incidents-with-actors", INCIDENTS_WITH_ACTORS, 500],
];

/** Median wall time of `work` over `times` runs after one unmeasured run, in ms. */

// The benchmark operations of issue 6: what users do most, sent through the gateway. Each
// takes a page size `first`, so the same operation can be run small and large: the N+1 test
// (test/services/kit/n-plus-one.e2e.test.ts) checks that the number of SQL statements does not grow with it,
// and the benchmark times it on generated data (npm run generate).

export interface BenchOperation {
  name: string;
  query: string;
  /** Variables for a page of `first` items (for monthly counts: `first` months). */
  variables(first: number): Record<string, unknown>;
}

/** The seed story's shape at scale: claims with who took which stance, through all three subgraphs, and captures (and the like) with their places and actors. */
export const SEED_STORY: BenchOperation = {
  name: "seed story",
  query: /* GraphQL */ `
    query BenchSeedStory($first: Int!, $types: [IncidentType!]!) {
      claims(first: $first) {
        edges {
          node {
            text
            quantity
            subject { name kind }
            incident { title startDate { date } }
            stances(first: 3) {
              edges {
                node {
                  stance
                  statement {
                    saidAt { date precision }
                    text
                    speaker { name kind country }
                    source { title url publisher }
                  }
                }
              }
            }
          }
        }
      }
      incidents(filter: { types: $types }, first: $first) {
        edges {
          node {
            title
            startDate { date precision }
            places { name admin1 country isPrimary isDisputed }
            participants { role count actor { name } }
          }
        }
      }
    }`,
  // Captures alone are too rare on generated data to fill a page of 500; arrests and clashes are alike in shape.
  variables: (first) => ({ first, types: ["CAPTURE", "ARREST", "ARMED_CLASH"] }),
};

export const INCIDENTS_BY_COUNTRY_AND_DATES: BenchOperation = {
  name: "incidents by country and dates",
  query: /* GraphQL */ `
    query BenchIncidentsByCountryAndDates($first: Int!, $country: String!, $occurred: DateRange!) {
      incidents(first: $first, filter: { country: $country, occurred: $occurred }) {
        totalCount
        edges {
          node {
            id
            type
            title
            startDate { date precision }
            status
            fatalities { best }
            place { name admin1 latitude longitude }
          }
        }
      }
    }`,
  variables: (first) => ({ first, country: "UKR", occurred: { from: "2018-01-01", to: "2025-12-31" } }),
};

/** A search box: a page of hits with excerpts and whether more follow. */
export const STATEMENT_SEARCH: BenchOperation = statementSearch("statement full-text search", "");

/** The same page with the number of all matches, which costs as many rows as match (see docs/api.md, "Query power"). */
export const STATEMENT_SEARCH_WITH_COUNT: BenchOperation = statementSearch("statement full-text search with totalCount", "totalCount");

function statementSearch(name: string, count: string): BenchOperation {
  return {
    name,
    query: /* GraphQL */ `
      query BenchStatementSearch${count ? "WithCount" : ""}($first: Int!, $query: String!) {
        searchStatements(query: $query, first: $first) {
          ${count}
          edges {
            node {
              score
              snippet
              statement {
                saidAt { date }
                speaker { name }
                source { title url }
              }
            }
          }
          pageInfo { hasNextPage endCursor }
        }
      }`,
    variables: (first) => ({ first, query: "captured" }),
  };
}

/** A dashboard's monthly series; its size is the number of months asked for (the series is always whole). */
export const MONTHLY_INCIDENT_COUNTS: BenchOperation = {
  name: "monthly incident counts",
  query: /* GraphQL */ `
    query BenchMonthlyIncidentCounts($occurred: DateRange!) {
      incidentStats(groupBy: TIME, interval: MONTH, filter: { occurred: $occurred }) {
        key
        count
        fatalities
      }
    }`,
  variables: (months) => ({ occurred: monthsEndingIn2025(Math.min(months, 120)) }),
};

export const INCIDENTS_WITH_ACTORS: BenchOperation = {
  name: "incidents with their participants' actors",
  query: /* GraphQL */ `
    query BenchIncidentsWithActors($first: Int!) {
      incidents(first: $first, sort: { order: DESC }) {
        edges {
          node {
            id
            title
            startDate { date }
            participants {
              role
              actor { id name kind country }
            }
          }
        }
      }
    }`,
  variables: (first) => ({ first }),
};

export const BENCH_OPERATIONS: readonly BenchOperation[] = [
  SEED_STORY,
  INCIDENTS_BY_COUNTRY_AND_DATES,
  STATEMENT_SEARCH,
  STATEMENT_SEARCH_WITH_COUNT,
  MONTHLY_INCIDENT_COUNTS,
  INCIDENTS_WITH_ACTORS,
];

/** The last `months` months of the generated ten years, as a DateRange. */
function monthsEndingIn2025(months: number): { from: string; to: string } {
  const first = new Date(Date.UTC(2026, 0 - months, 1));
  return { from: first.toISOString().slice(0, 10), to: "2025-12-31" };
}

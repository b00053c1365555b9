// Every incident, a page at a time: the cursor of the page shown is kept, and the next page
// is asked for after its pageInfo.endCursor; going back pops the cursors seen.
import { useQuery } from "@apollo/client/react";
import { useState } from "react";
import { IncidentPageDocument } from "../../generated/graphql.js";
import { formatFuzzyDate } from "./fuzzy-date.js";
import { GraphError } from "./graph-error.js";

const PAGE_SIZE = 3;

export function IncidentPages() {
  // The `after` cursor of every page up to the one shown; the first page has none.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors[cursors.length - 1];
  const { data, loading, error } = useQuery(IncidentPageDocument, { variables: { first: PAGE_SIZE, after } });
  const connection = data?.incidents;
  return (
    <section aria-label="Incidents">
      <h2>All incidents{connection ? ` (${connection.totalCount})` : ""}</h2>
      {error && <GraphError error={error} />}
      {loading && <p>Asking the graph…</p>}
      {connection && (
        <ol start={(cursors.length - 1) * PAGE_SIZE + 1} className="incidents">
          {connection.edges.map(({ node }) => (
            <li key={node.id}>
              <strong>{node.title}</strong> — {node.type}, {node.status}, {formatFuzzyDate(node.startDate)}
              {node.place ? `, ${node.place.name}${node.place.isDisputed ? " (disputed)" : ""}` : ""}
            </li>
          ))}
        </ol>
      )}
      <nav>
        <button type="button" disabled={cursors.length === 1} onClick={() => setCursors(cursors.slice(0, -1))}>
          Previous
        </button>
        <span className="page">Page {cursors.length}</span>
        <button type="button" disabled={!connection?.pageInfo.hasNextPage} onClick={() => setCursors([...cursors, connection!.pageInfo.endCursor])}>
          Next
        </button>
      </nav>
    </section>
  );
}

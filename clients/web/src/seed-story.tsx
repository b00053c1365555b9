// The seed story from its example operation (examples/seed-story.graphql): the 155 claim, who
// asserted and who disputed it, each statement's source, and the captures with their places.
import { useQuery } from "@apollo/client/react";
import { SeedStoryDocument, type SeedStoryQuery } from "../../generated/graphql.js";
import { formatFuzzyDate } from "./fuzzy-date.js";
import { GraphError } from "./graph-error.js";

type Stance = NonNullable<SeedStoryQuery["claim"]>["stances"]["edges"][number]["node"];
type Capture = NonNullable<SeedStoryQuery["incidents"]>["edges"][number]["node"];

export function SeedStory() {
  // errorPolicy "all": with one subgraph down the gateway answers what the others served, and
  // the page shows that part instead of nothing (every root field and cross-subgraph field is nullable).
  const { data, loading, error } = useQuery(SeedStoryDocument, { errorPolicy: "all" });
  if (!data) return loading ? <p>Asking the graph…</p> : <GraphError error={error ?? new Error("no answer")} />;
  return (
    <>
      <section aria-label="Claim">
        <h2>The claim</h2>
        {data.claim ? (
          <>
            <blockquote>{data.claim.text}</blockquote>
            <ul className="stances">
              {data.claim.stances.edges.map(({ node }, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a claim's stances are one fixed page in the server's order, never reordered here
                <StanceItem key={index} stance={node} />
              ))}
            </ul>
          </>
        ) : (
          <p>{error ? "The claim is unavailable right now." : "The seed story is not loaded (npm run seed)."}</p>
        )}
      </section>
      <section aria-label="Captures">
        <h2>The captures</h2>
        {data.incidents ? (
          data.incidents.edges.map(({ node }) => <CaptureItem key={node.title} capture={node} />)
        ) : (
          <p>The incidents are unavailable right now.</p>
        )}
      </section>
    </>
  );
}

function StanceItem({ stance }: { stance: Stance }) {
  // Null when the statements subgraph is unavailable: the rest of the answer still renders.
  const { statement } = stance;
  const label = <span className={`stance stance-${stance.stance.toLowerCase()}`}>{stance.stance}</span>;
  if (!statement) return <li>{label} (the statement is unavailable)</li>;
  const { source } = statement;
  return (
    <li>
      {label} <strong>{statement.speaker?.name ?? "Unknown speaker"}</strong>, {formatFuzzyDate(statement.saidAt)}: “{statement.text}”
      {source && (
        <div className="source">
          Source: {source.url ? <a href={source.url}>{source.title}</a> : source.title}
          {source.publisher ? ` (${source.publisher})` : ""}
        </div>
      )}
    </li>
  );
}

function CaptureItem({ capture }: { capture: Capture }) {
  const disputed = capture.places.some((place) => place.isDisputed);
  return (
    <article>
      <h3>{capture.title}</h3>
      <p>{formatFuzzyDate(capture.startDate)}</p>
      {disputed && <p className="disputed-note">Sources disagree about where this happened:</p>}
      <ul className="places">
        {capture.places.map((place) => (
          <li key={`${place.name}/${place.admin1}`} className={place.isDisputed ? "place disputed" : "place"}>
            {place.name}
            {place.admin1 ? `, ${place.admin1}` : ""}
            {place.country ? ` (${place.country})` : ""}
            {place.isPrimary && <span className="tag">primary</span>}
            {place.isDisputed && <span className="tag tag-disputed">disputed</span>}
          </li>
        ))}
      </ul>
    </article>
  );
}

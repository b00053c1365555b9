// Operation names become Prometheus label values, and every distinct value is a time series
// kept for the life of the process. Names are chosen by callers, so a client sending a fresh
// name per request would grow the gateway's memory and the Prometheus server's without bound,
// and a caller who sent 50 made-up names first took every slot a later name could have had.
// Only the names known in advance (the example operations, which are also the persisted
// operations) keep their own series; every other name is counted as "other".

/** The label of requests without a name (or whose operation could not be parsed). */
export const ANONYMOUS_OPERATION = "anonymous";
/** The label shared by every name not known in advance. */
export const OTHER_OPERATION = "other";

const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,99}$/;
// The gateway names its fetch to a subgraph "<operation>__<subgraph>__<n>" (Apollo's query
// planner); a subgraph counts it under the client's operation, one series per operation.
const SUBGRAPH_FETCH_SUFFIX = /__[_0-9A-Za-z]+?__\d+$/;

export class OperationNameLabels {
  private readonly known: ReadonlySet<string>;

  constructor(knownNames: Iterable<string> = []) {
    this.known = new Set(knownNames);
  }

  /** The label for an operation name: itself when known in advance, else "other". */
  labelFor(name: string | null | undefined): string {
    if (!name) return ANONYMOUS_OPERATION;
    if (!GRAPHQL_NAME.test(name)) return OTHER_OPERATION;
    name = name.replace(SUBGRAPH_FETCH_SUFFIX, "") || name;
    return this.known.has(name) ? name : OTHER_OPERATION;
  }
}

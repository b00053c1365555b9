// Operation names become Prometheus label values, and every distinct value is a time series
// kept for the life of the process. Names are chosen by callers, so a client sending a fresh
// name per request would grow the gateway's memory and the Prometheus server's without bound.
// The names known in advance (the example operations) always keep their own series; beyond
// them only the first few names seen do, and every later one is counted as "other".

/** The label of requests without a name (or whose operation could not be parsed). */
export const ANONYMOUS_OPERATION = "anonymous";
/** The label shared by names beyond the cap. */
export const OTHER_OPERATION = "other";

/** How many names not known in advance get a series of their own. */
export const DEFAULT_MAX_UNKNOWN_OPERATION_NAMES = 50;

const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,99}$/;
// The gateway names its fetch to a subgraph "<operation>__<subgraph>__<n>" (Apollo's query
// planner); a subgraph counts it under the client's operation, one series per operation.
const SUBGRAPH_FETCH_SUFFIX = /__[_0-9A-Za-z]+?__\d+$/;

export class OperationNameLabels {
  private readonly known: ReadonlySet<string>;
  private readonly seen = new Set<string>();

  constructor(knownNames: Iterable<string> = [], private readonly maxUnknown = DEFAULT_MAX_UNKNOWN_OPERATION_NAMES) {
    this.known = new Set(knownNames);
  }

  /** The label for an operation name: itself while there is room, else "other". */
  labelFor(name: string | null | undefined): string {
    if (!name) return ANONYMOUS_OPERATION;
    if (!GRAPHQL_NAME.test(name)) return OTHER_OPERATION;
    name = name.replace(SUBGRAPH_FETCH_SUFFIX, "") || name;
    if (this.known.has(name) || this.seen.has(name)) return name;
    if (this.seen.size >= this.maxUnknown) return OTHER_OPERATION;
    this.seen.add(name);
    return name;
  }
}

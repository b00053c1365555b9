// The subgraphs' data versions (services/kit/server/data-version-route.ts), read for every
// request the response cache may answer, before it is answered: an answer computed after the
// read can only be newer than the versions it is stored under, so an entry is never found under
// versions newer than its data. A read is shared by the requests that arrive before it starts
// (under load, one read serves many), never by a request that arrived after it started: that
// request may follow a write whose response had not yet returned when the read began.
import { Agent, request } from "undici";
import { DATA_VERSION_PATH } from "../platform/http/data-version-path.js";
import { SUBGRAPH_SECRET_HEADER } from "../platform/http/subgraph-secret.js";

/**
 * The longest a version read may take before the request goes uncached: a subgraph that hangs
 * must not make every request wait for its deadline twice, once for its version and once for
 * its answer.
 */
export const DATA_VERSION_TIMEOUT_MS = 500;

/** The versions of every subgraph as one string, read after `arrivedAt` (performance.now()); undefined when a subgraph did not say. */
export type DataVersions = (arrivedAt: number) => Promise<string | undefined>;

export interface DataVersionOptions {
  /** Sent to every subgraph, as with its GraphQL requests. */
  subgraphSecret?: string;
  /** A subgraph slower than this is taken as not saying: the request goes uncached. */
  timeoutMs: number;
  /**
   * False while a subgraph's circuit breaker is open or half-open: no version is read and the
   * request goes uncached, so that it neither waits for a failing subgraph's version nor is
   * answered from the cache while the breaker waits for a real request to probe the subgraph.
   */
  allFine?: () => boolean;
}

export function subgraphDataVersions(subgraphUrls: Record<string, string>, options: DataVersionOptions): DataVersions {
  const agent = new Agent({ connections: 16, keepAliveTimeout: 30_000 });
  const urls = Object.entries(subgraphUrls)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, url]) => [name, new URL(DATA_VERSION_PATH, url).toString()] as const);
  const headers = options.subgraphSecret === undefined ? {} : { [SUBGRAPH_SECRET_HEADER]: options.subgraphSecret };
  const readOne = async (url: string, signal: AbortSignal): Promise<string> => {
    const response = await request(url, { dispatcher: agent, headers, signal });
    if (response.statusCode !== 200) {
      await response.body.dump();
      throw new Error(`${url} answered ${response.statusCode}`);
    }
    return ((await response.body.json()) as { version: string }).version;
  };
  const readAll = async (): Promise<string | undefined> => {
    // One deadline for the three reads, cleared when they end. An AbortSignal.timeout for each
    // read fired long after it had ended (its timer is not cleared), making a DOMException and
    // an abort event each time: a twentieth of the gateway's CPU on a cache hit.
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), options.timeoutMs);
    try {
      const versions = await Promise.all(urls.map(async ([name, url]) => `${name}=${await readOne(url, deadline.signal)}`));
      return versions.join(";");
    } catch {
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  };
  // At most one read in flight: requests that arrive while it runs share the next one, which
  // starts when it ends, after they arrived. Under load one read serves every request that came
  // in during the one before, instead of three HTTP requests for each.
  let running: { startedAt: number; versions: Promise<string | undefined> } | undefined;
  let queued: Promise<string | undefined> | undefined;
  const start = (): Promise<string | undefined> => {
    const read = { startedAt: performance.now(), versions: readAll() };
    running = read;
    void read.versions.finally(() => {
      if (running === read) running = undefined;
    });
    return read.versions;
  };
  return async (arrivedAt) => {
    if (options.allFine && !options.allFine()) return undefined;
    if (running && running.startedAt >= arrivedAt) return running.versions;
    if (!running) return start();
    queued ??= running.versions.then(() => {
      queued = undefined;
      return start();
    });
    return queued;
  };
}

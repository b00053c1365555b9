// The subgraphs' data versions (services/kit/server/data-version-route.ts), read for every
// request the response cache may answer, before it is answered: an answer computed after the
// read can only be newer than the versions it is stored under, so an entry is never found under
// versions newer than its data. Each subgraph's version is read on its own, since a request
// needs only those of the subgraphs its operation asks (response-cache.ts). A read is shared by
// the requests that arrive before it starts (under load, one read serves many), never by a
// request that arrived after it started: that request may follow a write whose response had not
// yet returned when the read began.
import { Agent, request } from "undici";
import { DATA_VERSION_PATH } from "../platform/http/data-version-path.js";
import { SUBGRAPH_SECRET_HEADER } from "../platform/http/subgraph-secret.js";

/**
 * The longest a version read may take before the request goes uncached: a subgraph that hangs
 * must not make every request wait for its deadline twice, once for its version and once for
 * its answer.
 */
export const DATA_VERSION_TIMEOUT_MS = 500;

/** Each subgraph's version, by its name. */
export type VersionsRead = Readonly<Record<string, string>>;

/**
 * The versions of the named subgraphs (every one when `subgraphs` is undefined), read after
 * `arrivedAt` (performance.now()); undefined when one of them did not say.
 */
export type DataVersions = (arrivedAt: number, subgraphs?: readonly string[]) => Promise<VersionsRead | undefined>;

/** The versions of `subgraphs` as one string, in the order of their names, for a cache key. */
export function versionsText(versions: VersionsRead, subgraphs: readonly string[]): string {
  return [...subgraphs]
    .sort((a, b) => a.localeCompare(b))
    .map((name) => `${name}=${versions[name]}`)
    .join(";");
}

/** How one version read ended: as the gateway's subgraph fetches end (subgraph-fetcher.ts). */
export type DataVersionReadOutcome = "ok" | "http_error" | "timeout" | "unreachable";
export type DataVersionReadObserver = (subgraph: string, outcome: DataVersionReadOutcome) => void;

export interface DataVersionOptions {
  /** Sent to every subgraph, as with its GraphQL requests. */
  subgraphSecret?: string;
  /** A subgraph slower than this is taken as not saying: the request goes uncached. */
  timeoutMs: number;
  /**
   * True while the subgraph's circuit breaker is open or half-open: its version is not read and
   * the request goes uncached, so that it neither waits for a failing subgraph's version nor is
   * answered from the cache while the breaker waits for a real request to probe the subgraph.
   */
  isFailing?: (subgraph: string) => boolean;
  /** Told how each read ended (the gateway's /metrics). */
  observe?: DataVersionReadObserver;
}

export function subgraphDataVersions(subgraphUrls: Record<string, string>, options: DataVersionOptions): DataVersions {
  const agent = new Agent({ connections: 16, keepAliveTimeout: 30_000 });
  const headers: Record<string, string> = options.subgraphSecret === undefined ? {} : { [SUBGRAPH_SECRET_HEADER]: options.subgraphSecret };
  const readers = new Map(
    Object.entries(subgraphUrls).map(([name, url]) => {
      const observe = options.observe && ((outcome: DataVersionReadOutcome) => options.observe!(name, outcome));
      return [name, versionReader(new URL(DATA_VERSION_PATH, url).toString(), agent, { headers, timeoutMs: options.timeoutMs, observe })];
    }),
  );
  const everySubgraph = [...readers.keys()];
  return async (arrivedAt, subgraphs = everySubgraph) => {
    const names = [...new Set(subgraphs)];
    if (names.some((name) => !readers.has(name) || options.isFailing?.(name))) return undefined;
    const versions = await Promise.all(names.map((name) => readers.get(name)!(arrivedAt)));
    if (versions.includes(undefined)) return undefined;
    return Object.fromEntries(names.map((name, index) => [name, versions[index]!]));
  };
}

/** Reads one subgraph's version after `arrivedAt`; undefined when it does not answer in time. */
type VersionReader = (arrivedAt: number) => Promise<string | undefined>;

interface ReaderOptions {
  headers: Record<string, string>;
  timeoutMs: number;
  observe?: (outcome: DataVersionReadOutcome) => void;
}

function versionReader(url: string, agent: Agent, { headers, timeoutMs, observe }: ReaderOptions): VersionReader {
  const readOnce = async (): Promise<string | undefined> => {
    // A deadline cleared when the read ends. An AbortSignal.timeout fired long after the read
    // had ended (its timer is not cleared), making a DOMException and an abort event each time:
    // a twentieth of the gateway's CPU on a cache hit.
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), timeoutMs);
    try {
      const response = await request(url, { dispatcher: agent, headers, signal: deadline.signal });
      if (response.statusCode !== 200) {
        await response.body.dump();
        observe?.("http_error");
        return undefined;
      }
      const { version } = (await response.body.json()) as { version: string };
      observe?.("ok");
      return version;
    } catch {
      observe?.(deadline.signal.aborted ? "timeout" : "unreachable");
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  };
  // At most one read in flight: requests that arrive while it runs share the next one, which
  // starts when it ends, after they arrived. Under load one read serves every request that came
  // in during the one before, instead of an HTTP request for each.
  let running: { startedAt: number; version: Promise<string | undefined> } | undefined;
  let queued: Promise<string | undefined> | undefined;
  const start = (): Promise<string | undefined> => {
    const read = { startedAt: performance.now(), version: readOnce() };
    running = read;
    void read.version.finally(() => {
      if (running === read) running = undefined;
    });
    return read.version;
  };
  return (arrivedAt) => {
    if (running && running.startedAt >= arrivedAt) return running.version;
    if (!running) return start();
    queued ??= running.version.then(() => {
      queued = undefined;
      return start();
    });
    return queued;
  };
}

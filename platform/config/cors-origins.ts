// Which browser origins may call the gateway (CORS_ORIGINS), parsed once with the rest of the
// configuration. A browser sends its page's origin exactly as `scheme://host[:port]`, lower
// case and without a default port, so an entry must be written that way to ever match.

/** `"*"`: any origin. `"localhost"`: any page on this machine (development's default). Else exactly these. */
export type CorsOrigins = "*" | "localhost" | readonly string[];

/** Without CORS_ORIGINS: pages served on this machine in development (`npm run web`), none in production. */
export const defaultCorsOrigins = (isProduction: boolean): CorsOrigins => (isProduction ? [] : "localhost");

/** CORS_ORIGINS: comma-separated origins, or `*` alone; empty allows none. */
export function parseCorsOrigins(text: string): { origins: CorsOrigins; problems: string[] } {
  const entries = text
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
  if (entries.includes("*")) {
    return entries.length === 1 ? { origins: "*", problems: [] } : { origins: [], problems: ["* allows every origin: give it alone or list the origins"] };
  }
  const problems = entries.flatMap((entry) => {
    const problem = originProblem(entry);
    return problem ? [`"${entry}" ${problem}`] : [];
  });
  return { origins: entries, problems };
}

function originProblem(entry: string): string | undefined {
  const notAnOrigin = "is not an origin (http[s]://host[:port], e.g. https://app.example.org)";
  if (!/^https?:\/\//i.test(entry) || !URL.canParse(entry)) return notAnOrigin;
  const url = new URL(entry);
  if (url.origin !== entry) return `is not an origin as a browser sends it: write ${url.origin}`;
  return undefined;
}

/** Whether a page on this origin may call the gateway; a missing or opaque ("null") origin never may. */
export function isAllowedOrigin(origins: CorsOrigins, origin: string | undefined): boolean {
  if (origin === undefined || origin === "null") return false;
  if (origins === "*") return true;
  if (origins === "localhost") return isLocalOrigin(origin);
  return origins.includes(origin);
}

const LOCAL_HOSTNAMES = new Set(["localhost", "127.0.0.1", "[::1]"]);

function isLocalOrigin(origin: string): boolean {
  if (!URL.canParse(origin)) return false;
  const url = new URL(origin);
  return (url.protocol === "http:" || url.protocol === "https:") && LOCAL_HOSTNAMES.has(url.hostname);
}

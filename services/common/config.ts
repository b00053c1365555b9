// The one place that reads the environment. Every process parses it once at start, and a
// bad value stops the process with every problem listed at once.
import { z } from "zod";
import type { SubgraphName } from "../../db/migrate.js";

const port = z.coerce.number().int().min(1).max(65535);
const postgresUrl = z
  .string()
  .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
  .optional();
const flag = z
  .enum(["true", "false", "1", "0"])
  .transform((value) => value === "true" || value === "1");

const environmentSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  HOST: z.string().min(1).default("localhost"),
  GATEWAY_PORT: port.default(4000),
  ACTORS_PORT: port.default(4001),
  STATEMENTS_PORT: port.default(4002),
  INCIDENTS_PORT: port.default(4003),
  ACTORS_URL: z.url().optional(),
  STATEMENTS_URL: z.url().optional(),
  INCIDENTS_URL: z.url().optional(),
  DATABASE_URL: postgresUrl,
  ACTORS_DATABASE_URL: postgresUrl,
  STATEMENTS_DATABASE_URL: postgresUrl,
  INCIDENTS_DATABASE_URL: postgresUrl,
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  PGLITE_DATA_DIR: z.string().min(1).default(".data/pglite"),
  SEED_ON_START: flag.default(true),
});

export type Environment = z.infer<typeof environmentSchema>;

/** Every variable Meridian reads, for checks that deployment files name only real ones. */
export const ENVIRONMENT_VARIABLES = Object.keys(environmentSchema.shape);

export interface Config {
  isProduction: boolean;
  logLevel: Environment["LOG_LEVEL"];
  host: string;
  gatewayPort: number;
  subgraphs: Record<SubgraphName, { port: number; url: string; databaseUrl: string | undefined }>;
  databasePoolMax: number;
  pgliteDataDir: string;
  seedOnStart: boolean;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));
  }
  const e = parsed.data;
  const subgraph = (port: number, url: string | undefined, databaseUrl: string | undefined) => ({
    port,
    // The gateway reaches a subgraph at its URL; by default the one this machine serves.
    url: url ?? `http://localhost:${port}/graphql`,
    // Each subgraph may have a database of its own, else the shared one.
    databaseUrl: databaseUrl ?? e.DATABASE_URL,
  });
  return {
    isProduction: e.NODE_ENV === "production",
    logLevel: e.LOG_LEVEL,
    host: e.HOST,
    gatewayPort: e.GATEWAY_PORT,
    subgraphs: {
      actors: subgraph(e.ACTORS_PORT, e.ACTORS_URL, e.ACTORS_DATABASE_URL),
      statements: subgraph(e.STATEMENTS_PORT, e.STATEMENTS_URL, e.STATEMENTS_DATABASE_URL),
      incidents: subgraph(e.INCIDENTS_PORT, e.INCIDENTS_URL, e.INCIDENTS_DATABASE_URL),
    },
    databasePoolMax: e.DATABASE_POOL_MAX,
    pgliteDataDir: e.PGLITE_DATA_DIR,
    seedOnStart: e.SEED_ON_START,
  };
}

/** Where the gateway reaches each subgraph. */
export function subgraphUrls(config: Config): Record<SubgraphName, string> {
  return {
    actors: config.subgraphs.actors.url,
    statements: config.subgraphs.statements.url,
    incidents: config.subgraphs.incidents.url,
  };
}

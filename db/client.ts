// Opens the database a subgraph works on: PGlite embedded in the process when no URL is
// given (the zero-setup default), a Postgres server through postgres.js otherwise.
import { mkdirSync } from "node:fs";
import { hostname } from "node:os";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import type { Logger as DrizzleLogger } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";

/** What repositories take: the driver-independent Drizzle API. */
export type Database = PgDatabase<PgQueryResultHKT>;

export interface DatabaseHandle {
  readonly db: Database;
  readonly driver: "pglite" | "postgres";
  /** Where it is, without credentials, for log lines. */
  readonly description: string;
  migrate(config: { migrationsFolder: string; migrationsTable: string }): Promise<void>;
  /** How the connections are used right now, for /metrics. */
  poolUsage(): Promise<PoolUsage>;
  /** SQL statements sent through this handle since it opened (its migrations included). */
  statementsSent(): number;
  close(): Promise<void>;
}

export interface PoolUsage {
  /** The most connections the pool opens. */
  max: number;
  open: number;
  /** Connections busy with a query; undefined where the driver cannot tell. */
  inUse?: number;
}

export interface OpenOptions {
  /** Called with every SQL statement as it is sent, and its parameters; the N+1 tests count statements with it, the benchmark records them. */
  onQuery?: (query: string, params: unknown[]) => void;
}

/** Counts every statement Drizzle sends, for /metrics, and hands it to `onQuery` when given. */
function countingLogger(options: OpenOptions): { logger: DrizzleLogger; sent: () => number } {
  let sent = 0;
  const { onQuery } = options;
  return {
    logger: {
      logQuery(query, params) {
        sent += 1;
        onQuery?.(query, params);
      },
    },
    sent: () => sent,
  };
}

/** Opens PGlite in `dataDir`, or in memory when `dataDir` is undefined (tests). */
export async function openPglite(dataDir: string | undefined, options: OpenOptions = {}): Promise<DatabaseHandle> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir, { extensions: { pg_trgm } });
  const statements = countingLogger(options);
  const db = drizzlePglite({ client, logger: statements.logger });
  return {
    db: db as unknown as Database,
    driver: "pglite",
    description: dataDir ? `PGlite in ${dataDir}` : "PGlite in memory",
    migrate: (config) => migratePglite(db, { ...config, migrationsSchema: "drizzle" }),
    // PGlite is one connection inside this process, and runs one query at a time.
    poolUsage: async () => ({ max: 1, open: 1 }),
    statementsSent: statements.sent,
    close: () => client.close(),
  };
}

export interface PostgresOptions extends OpenOptions {
  /** Upper bound on connections this process opens. */
  maxConnections?: number;
  /**
   * Send every statement with parameters as a named prepared statement, reused on its
   * connection (DATABASE_PREPARED_STATEMENTS; on when undefined). Off, postgres.js spends a
   * round trip per statement asking the server for its parameter types before sending them;
   * it must be off behind a pooler that hands each transaction another connection (PgBouncer
   * in transaction mode, before its max_prepared_statements).
   */
  preparedStatements?: boolean;
}

/** Connects to a Postgres server and checks that it answers, so a bad URL fails at start. */
export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<DatabaseHandle> {
  const max = options.maxConnections ?? 10;
  const preparedStatements = options.preparedStatements ?? true;
  // postgres.js keeps its connection counts to itself; the server knows them, by this name.
  const applicationName = uniqueApplicationName();
  const client = postgres(url, {
    max,
    prepare: preparedStatements,
    onnotice: () => {},
    connect_timeout: 10,
    // A prepared statement is still planned for its values each time: after five runs Postgres
    // would otherwise keep a generic plan, the same for a country with 100,000 incidents and one with 10.
    connection: { application_name: applicationName, ...(preparedStatements ? { plan_cache_mode: "force_custom_plan" } : {}) },
  });
  try {
    await client`select 1`;
  } catch (error) {
    await client.end({ timeout: 1 });
    throw new DatabaseUnreachableError(describeUrl(url), error);
  }
  const statements = countingLogger(options);
  const db = drizzlePostgres({ client: preparedStatements ? preparingEveryStatement(client) : client, logger: statements.logger });
  return {
    db: db as unknown as Database,
    driver: "postgres",
    description: `Postgres at ${describeUrl(url)}`,
    migrate: (config) => migratePostgres(db, { ...config, migrationsSchema: "drizzle" }),
    poolUsage: async () => {
      // The connection asking is open too, but not in use by the application.
      const [row] = await client<{ open: number; in_use: number }[]>`
        select count(*)::int as open, (count(*) filter (where state <> 'idle' and pid <> pg_backend_pid()))::int as in_use
        from pg_stat_activity where application_name = ${applicationName}`;
      return { max, open: row!.open, inUse: row!.in_use };
    },
    statementsSent: statements.sent,
    close: () => client.end({ timeout: 5 }),
  };
}

/**
 * Drizzle asks postgres.js to prepare only queries named with `.prepare(name)`, and ours are
 * built per request; this client prepares every statement Drizzle sends with parameters
 * (without any, postgres.js uses the simple protocol, which cannot prepare), in transactions too.
 */
function preparingEveryStatement<T extends postgres.Sql | postgres.TransactionSql>(client: T): T {
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property === "unsafe") {
        return (query: string, parameters?: postgres.ParameterOrJSON<never>[], queryOptions?: postgres.UnsafeQueryOptions) =>
          target.unsafe(query, parameters, { ...queryOptions, prepare: true });
      }
      if (property === "begin") {
        return (...args: unknown[]) => {
          const work = args.pop() as (transaction: postgres.TransactionSql) => unknown;
          return (target as postgres.Sql).begin(...(args as [string]), (transaction) => work(preparingEveryStatement(transaction)));
        };
      }
      return Reflect.get(target, property, receiver);
    },
  });
}

let poolsOpened = 0;

/** "meridian/<host>/<pid>/<n>": unique per pool, also across containers (where every pid is 1). */
function uniqueApplicationName(): string {
  poolsOpened += 1;
  return `meridian/${hostname().slice(0, 32)}/${process.pid}/${poolsOpened}`;
}

export class DatabaseUnreachableError extends Error {
  constructor(where: string, cause: unknown) {
    super(`cannot reach the database at ${where}: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = "DatabaseUnreachableError";
  }
}

/** host:port/database of a URL, leaving out user and password. */
export function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
  } catch {
    return "(unparseable URL)";
  }
}

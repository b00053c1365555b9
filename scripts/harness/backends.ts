// The same database tests run on in-process PGlite always, and on a real Postgres server
// when TEST_DATABASE_URL is set. Each suite gets a database of its own, so suites can run in
// parallel without seeing each other's rows.
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { type DatabaseHandle, type OpenOptions, openPglite, openPostgres } from "../../db/client.js";
import { migrateSubgraph } from "../../db/migrate.js";
import { SUBGRAPHS } from "../../services/registry.js";

export interface Backend {
  name: "pglite" | "postgres";
  /** A new, empty, migrated database, and how to throw it away. */
  create(options?: OpenOptions): Promise<TestDatabase>;
}

export interface TestDatabase {
  handle: DatabaseHandle;
  /** Its URL, for processes started by the test (Postgres only). */
  url?: string;
  dispose(): Promise<void>;
}

export const POSTGRES_URL = process.env.TEST_DATABASE_URL;

const pglite: Backend = {
  name: "pglite",
  async create(options) {
    const handle = await openPglite(undefined, options);
    for (const subgraph of SUBGRAPHS) await migrateSubgraph(handle, subgraph);
    return { handle, dispose: () => handle.close() };
  },
};

function postgresBackend(adminUrl: string): Backend {
  return {
    name: "postgres",
    async create(options) {
      const database = `meridian_test_${randomBytes(6).toString("hex")}`;
      const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
      await admin.unsafe(`create database ${database}`);
      const url = new URL(adminUrl);
      url.pathname = `/${database}`;
      const handle = await openPostgres(url.toString(), { ...options, maxConnections: 4 });
      for (const subgraph of SUBGRAPHS) await migrateSubgraph(handle, subgraph);
      return {
        handle,
        url: url.toString(),
        async dispose() {
          await handle.close();
          await admin.unsafe(`drop database if exists ${database} with (force)`);
          await admin.end();
        },
      };
    },
  };
}

/** PGlite, and Postgres when TEST_DATABASE_URL is set. */
export const BACKENDS: Backend[] = POSTGRES_URL ? [pglite, postgresBackend(POSTGRES_URL)] : [pglite];

/** Says in the test report that the Postgres run was left out, instead of leaving it out silently. */
export const POSTGRES_SKIPPED_NOTE = POSTGRES_URL ? undefined : "postgres backend: set TEST_DATABASE_URL to run these tests on a Postgres server too";

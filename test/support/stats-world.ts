// A database holding the seed story and, optionally, a real dataset sample imported as the CLI
// imports it, with one subgraph's schema in front of it: for checks that the statistics
// account for every record of real data, not only of the small fixtures.
import "reflect-metadata";
import { graphql } from "graphql";
import type { DatabaseHandle } from "../../db/client.js";
import { loadSeed } from "../../ingest/seed/load-seed.js";
import type { ImportOptions } from "../../ingest/import/cli-args.js";
import type { Backend, TestDatabase } from "../../scripts/harness/backends.js";
import { realSample } from "../../scripts/harness/shared-data.js";
import { type SubgraphName, forEverySubgraph, subgraphNamed } from "../../services/registry.js";
import { importFiles } from "../ingest/import/support/import-runs.js";

export interface StatsWorld {
  database: TestDatabase;
  handle: DatabaseHandle;
  /** Runs an operation that must succeed on the subgraph and returns its data. */
  ask(source: string): Promise<any>;
}

/** `sample`: a file of the shared folder and its format, imported after the seed. */
export async function statsWorld(backend: Backend, subgraph: SubgraphName, sample?: { format: ImportOptions["format"]; path: string }): Promise<StatsWorld> {
  const database = await backend.create();
  const handles = forEverySubgraph(database.handle);
  await loadSeed(handles);
  if (sample) await importFiles(handles, sample.format, [realSample(sample.path)]);
  const code = await subgraphNamed(subgraph).load();
  const schema = await code.buildSchema();
  return {
    database,
    handle: database.handle,
    async ask(source) {
      const result = await graphql({ schema, source, contextValue: code.createContext(database.handle.db) });
      if (result.errors) throw new Error(result.errors.map((error) => error.message).join("; "));
      return result.data;
    },
  };
}

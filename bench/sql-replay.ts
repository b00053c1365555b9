// "SQL alone" as a request really sends it: one operation run against the incidents subgraph's
// own schema in this process, on a client opened exactly as the services open theirs
// (openPostgres: prepared statements, plan_cache_mode=force_custom_plan), records each SQL
// statement with its parameters and the round it was sent in; replaying sends the same
// statements, in the same rounds and order, through that same client, without GraphQL, HTTP
// or Drizzle's building and mapping around them.
import "reflect-metadata";
import { graphql } from "graphql";
import type postgres from "postgres";
import { type DatabaseHandle, openPostgres } from "../db/client.js";
import { subgraphNamed } from "../services/registry.js";
import type { Call } from "./harness.js";
import type { BenchOperation } from "./operations.js";

export interface RecordedStatement {
  sql: string;
  params: unknown[];
  /**
   * Statements sent in the same turn of the event loop went out together, none waiting for
   * another's answer (e.g. totalCount beside a DataLoader's batch); a later round waited for
   * an earlier one's rows.
   */
  round: number;
}

export interface SqlReplay {
  statements: RecordedStatement[];
  call: Call;
  close(): Promise<void>;
}

/** Records what `operation` at page size `first` sends to the database of `databaseUrl`, and replays it. */
export async function recordSqlOf(databaseUrl: string, operation: BenchOperation, first: number, maxConnections: number): Promise<SqlReplay> {
  let recording: RecordedStatement[] | undefined;
  let round = 0;
  let turnEnding = false;
  const handle: DatabaseHandle = await openPostgres(databaseUrl, {
    maxConnections,
    onQuery(sql, params) {
      if (!recording) return;
      recording.push({ sql, params: [...params], round });
      // The rest of this turn's statements join this round; the next turn starts another.
      if (!turnEnding) {
        turnEnding = true;
        setImmediate(() => {
          round += 1;
          turnEnding = false;
        });
      }
    },
  });
  try {
    const incidents = await subgraphNamed("incidents").load();
    const schema = await incidents.buildSchema();
    const run = async () => {
      const result = await graphql({
        schema,
        source: operation.query,
        variableValues: operation.variables(first),
        contextValue: incidents.createContext(handle.db),
      });
      if (result.errors?.length) throw new Error(`bench: ${operation.name} fails in the incidents subgraph: ${result.errors[0]!.message}`);
    };
    // The second run is recorded: whatever a first request does once is not what each one does.
    await run();
    recording = [];
    await run();
    const statements = recording.map((statement, index, all) => ({
      ...statement,
      round: new Set(all.slice(0, index + 1).map((earlier) => earlier.round)).size - 1,
    }));
    recording = undefined;
    // The services' own client: a postgres.js pool that prepares every statement, with their connection settings.
    const client = (handle.db as unknown as { $client: postgres.Sql }).$client;
    const rounds = [...new Set(statements.map((statement) => statement.round))].map((number) => statements.filter((statement) => statement.round === number));
    const call: Call = async () => {
      for (const together of rounds) await Promise.all(together.map((statement) => client.unsafe(statement.sql, statement.params as never[])));
      return undefined;
    };
    return { statements, call, close: () => handle.close() };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/** The recorded statements as a results file shows them. */
export function recordedSqlText(statements: RecordedStatement[]): string {
  return statements.map((statement) => `-- round ${statement.round + 1}\n${statement.sql}\n-- params: ${JSON.stringify(statement.params)}`).join("\n\n");
}

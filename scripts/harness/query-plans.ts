// Reading query plans for the index tests (*-plans.test.ts): the scans a statement's plan
// makes, and the statements a GraphQL request sends, recorded with their parameters so that
// each can be EXPLAINed exactly as it ran.
import { type Logger, type SQL, sql } from "drizzle-orm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import type { Database, DatabaseHandle } from "../../db/client.js";

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  Plans?: PlanNode[];
}

/** A node of a plan that reads a table or an index. */
export interface Scan {
  node: string;
  relation?: string;
  index?: string;
}

function scansIn(plan: PlanNode): Scan[] {
  const own = plan["Relation Name"] || plan["Index Name"] ? [{ node: plan["Node Type"], relation: plan["Relation Name"], index: plan["Index Name"] }] : [];
  return [...own, ...(plan.Plans ?? []).flatMap(scansIn)];
}

/** Every scan in the plan Postgres chooses for `query`. */
export async function explainScans(db: Database, query: SQL): Promise<Scan[]> {
  const result = await db.execute(sql`explain (format json) ${query}`);
  const rows = (Array.isArray(result) ? result : (result as unknown as { rows: unknown[] }).rows) as Record<string, unknown>[];
  const output = rows[0]!["QUERY PLAN"];
  const explained = (typeof output === "string" ? JSON.parse(output) : output) as { Plan: PlanNode }[];
  return scansIn(explained[0]!.Plan);
}

export interface SentStatement {
  query: string;
  params: unknown[];
}

/** The same database through a Drizzle instance that keeps every statement with its parameters. */
export function recordingDatabase(handle: DatabaseHandle, sent: SentStatement[]): Database {
  const logger: Logger = { logQuery: (query, params) => sent.push({ query, params }) };
  const client = (handle.db as unknown as { $client: never }).$client;
  const db = handle.driver === "pglite" ? drizzlePglite({ client, logger }) : drizzlePostgres({ client, logger });
  return db as unknown as Database;
}

/** A sent statement as Drizzle SQL again, its `$n` placeholders bound to the values sent. */
export function withParameters({ query, params }: SentStatement): SQL {
  const parts = query.split(/\$(\d+)/);
  // sql.param: an array (a list of IDs) is one parameter, as it was sent, not a list of them.
  return sql.join(parts.map((part, index) => (index % 2 === 0 ? sql.raw(part) : sql`${sql.param(params[Number(part) - 1])}`)));
}

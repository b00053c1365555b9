// Which of a subgraph's tables its history records, and how a row of each is known: the
// entity it belongs to and the columns that identify it. Tallies kept by triggers (the daily
// incident counts) are not recorded: they follow the rows they count, on a revert too.
import { type SQL, sql } from "drizzle-orm";
import { getTableConfig, type PgColumn, type PgTable } from "drizzle-orm/pg-core";

export interface TrackedTable {
  table: PgTable;
  /** The kind of entity its rows belong to, or the column that says it (a tombstone's kind). */
  entityKind: string | PgColumn;
  /** The column holding the ID of the entity a row belongs to. */
  entityId: PgColumn;
  /** Columns that identify a row (its primary key or a unique constraint's columns). */
  key: readonly PgColumn[];
}

/** A subgraph's recorded tables, with the settings name under which its writes name their change. */
export interface SubgraphHistoryTracking {
  /** The Postgres schema, as in `pgSchema(name)`. */
  schema: string;
  tracked: readonly TrackedTable[];
}

/** The transaction-local setting that holds the ID of the change a schema's writes belong to. */
export function changeSetting(schema: string): string {
  return `meridian.${schema}_change`;
}

export function tableName(table: PgTable): string {
  return getTableConfig(table).name;
}

/** The columns a restore writes: all but generated ones (a stored search document). */
export function writableColumns(table: PgTable): PgColumn[] {
  return getTableConfig(table).columns.filter((column) => column.generated === undefined);
}

/** Generated columns, which the recorded rows leave out. */
export function generatedColumnNames(tracked: readonly TrackedTable[]): string[] {
  const names = tracked.flatMap(({ table }) =>
    getTableConfig(table)
      .columns.filter((column) => column.generated !== undefined)
      .map((column) => column.name),
  );
  return [...new Set(names)].sort();
}

export function qualifiedTable(table: PgTable, schema: string): SQL {
  return sql`${sql.identifier(getTableConfig(table).schema ?? schema)}.${sql.identifier(tableName(table))}`;
}

/** The row `t` has the recorded key (a JSON object of its key columns); a nullable key column (a participant's side) matches null to null. */
export function keyMatch(key: readonly PgColumn[], recordedKey: SQL): SQL {
  return sql.join(
    key.map((column) => {
      const stored = sql`t.${sql.identifier(column.name)}`;
      const recorded = sql`(${recordedKey} ->> ${column.name})::${sql.raw(column.getSQLType())}`;
      return column.notNull ? sql`${stored} = ${recorded}` : sql`${stored} is not distinct from ${recorded}`;
    }),
    sql` and `,
  );
}

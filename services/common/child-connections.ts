import DataLoader from "dataloader";
import { type SQL, and, count, inArray, sql } from "drizzle-orm";
import type { AnyPgColumn, PgSelect, PgTable } from "drizzle-orm/pg-core";
import type { Database } from "../../db/client.js";
import { type Connection, type Keyset, checkPageSize, toConnection } from "./pagination.js";

/** One parent's page request, e.g. the statements of one actor, first 10 after a cursor. */
export interface ChildPageKey<TFilter> {
  parentId: string;
  first: number;
  after?: string | null;
  filter?: TFilter;
}

export interface ChildConnectionSpec<TRow, TNode, TFilter> {
  db: Database;
  /** The child rows' table and the columns to read from it. */
  table: PgTable;
  columns: Record<string, AnyPgColumn>;
  /** Joins that bring the parent's ID, when it is not a column of the table itself. */
  join?: (query: PgSelect) => PgSelect;
  /** The parent's ID for a child row (e.g. statements.speaker_id). */
  parent: AnyPgColumn | SQL;
  keyset: Keyset;
  cursorOf: (row: TRow) => (string | number)[];
  toNode: (row: TRow) => TNode;
  /** Extra conditions for a filter argument; undefined for none. */
  filterCondition?: (filter: TFilter) => SQL | undefined;
}

/**
 * Pages of child rows for many parents in one SQL statement: the rows are ranked per
 * parent with a window function, so a list of 500 actors asking for their statements is
 * one query, not 500. Counts are batched the same way and only run when asked for.
 */
export function createChildConnectionLoader<TRow, TNode, TFilter = never>(
  spec: ChildConnectionSpec<TRow, TNode, TFilter>,
): DataLoader<ChildPageKey<TFilter>, Connection<TNode>, string> {
  const countLoaders = new Map<string, DataLoader<string, number>>();
  const countLoaderFor = (filter: TFilter | undefined) => {
    const filterKey = JSON.stringify(filter ?? null);
    let loader = countLoaders.get(filterKey);
    if (!loader) {
      loader = new DataLoader<string, number>((parentIds) => countChildren(spec, parentIds, filter));
      countLoaders.set(filterKey, loader);
    }
    return loader;
  };

  return new DataLoader<ChildPageKey<TFilter>, Connection<TNode>, string>(
    async (keys) => {
      const groups = new Map<string, ChildPageKey<TFilter>[]>();
      for (const key of keys) {
        const groupKey = JSON.stringify([key.first, key.after ?? null, key.filter ?? null]);
        groups.set(groupKey, [...(groups.get(groupKey) ?? []), key]);
      }
      const connections = new Map<ChildPageKey<TFilter>, Connection<TNode>>();
      for (const group of groups.values()) {
        const { first, after, filter } = group[0]!;
        checkPageSize(first);
        const parentIds = [...new Set(group.map((key) => key.parentId))];
        const rowsByParent = await fetchRankedChildren(spec, parentIds, first, after, filter);
        const counter = countLoaderFor(filter);
        for (const key of group) {
          const rows = rowsByParent.get(key.parentId) ?? [];
          connections.set(key, toConnection(rows, first, spec.cursorOf, spec.toNode, () => counter.load(key.parentId)));
        }
      }
      return keys.map((key) => connections.get(key)!);
    },
    { cacheKeyFn: (key) => JSON.stringify([key.parentId, key.first, key.after ?? null, key.filter ?? null]) },
  );
}

function childConditions<TRow, TNode, TFilter>(
  spec: ChildConnectionSpec<TRow, TNode, TFilter>,
  parentIds: readonly string[],
  filter: TFilter | undefined,
): SQL | undefined {
  return and(
    inArray(sql`${spec.parent}`, [...parentIds]),
    filter === undefined ? undefined : spec.filterCondition?.(filter),
  );
}

function fromWithJoins<TRow, TNode, TFilter>(spec: ChildConnectionSpec<TRow, TNode, TFilter>, query: PgSelect): PgSelect {
  return spec.join ? spec.join(query) : query;
}

async function fetchRankedChildren<TRow, TNode, TFilter>(
  spec: ChildConnectionSpec<TRow, TNode, TFilter>,
  parentIds: string[],
  first: number,
  after: string | null | undefined,
  filter: TFilter | undefined,
): Promise<Map<string, TRow[]>> {
  const rowsByParent = new Map<string, TRow[]>();
  if (parentIds.length === 0) return rowsByParent;
  const orderBy = sql.join(spec.keyset.orderBy(), sql`, `);
  const base = spec.db
    .select({
      ...spec.columns,
      parentId: sql<string>`${spec.parent}`.as("parent_id"),
      childRank: sql<number>`row_number() over (partition by ${spec.parent} order by ${orderBy})`.as("child_rank"),
    })
    .from(spec.table)
    .$dynamic();
  const ranked = fromWithJoins(spec, base)
    .where(and(childConditions(spec, parentIds, filter), spec.keyset.after(after)))
    .as("ranked");
  const rows = (await spec.db
    .select()
    .from(ranked)
    .where(sql`${sql.identifier("child_rank")} <= ${first + 1}`)
    .orderBy(sql`${sql.identifier("child_rank")}`)) as unknown as (TRow & { parentId: string })[];
  for (const row of rows) {
    rowsByParent.set(row.parentId, [...(rowsByParent.get(row.parentId) ?? []), row]);
  }
  return rowsByParent;
}

async function countChildren<TRow, TNode, TFilter>(
  spec: ChildConnectionSpec<TRow, TNode, TFilter>,
  parentIds: readonly string[],
  filter: TFilter | undefined,
): Promise<number[]> {
  const base = spec.db
    .select({ parentId: sql<string>`${spec.parent}`, total: count() })
    .from(spec.table)
    .$dynamic();
  const rows = (await fromWithJoins(spec, base)
    .where(childConditions(spec, parentIds, filter))
    .groupBy(sql`${spec.parent}`)) as unknown as { parentId: string; total: number }[];
  const totals = new Map(rows.map((row) => [row.parentId, Number(row.total)]));
  return parentIds.map((parentId) => totals.get(parentId) ?? 0);
}

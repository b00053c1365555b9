import DataLoader from "dataloader";
import { type SQL, and, count, sql } from "drizzle-orm";
import type { AnyPgColumn, PgSelect, PgTable } from "drizzle-orm/pg-core";
import { anyOfIds } from "../../../db/any-of-ids.js";
import type { Database } from "../../../db/client.js";
import { type Connection, type Keyset, checkPageSize, toConnection } from "./pagination.js";

/** One parent's page request, e.g. the statements of one actor, first 10 after a cursor. */
export interface ChildPageKey<TFilter> {
  parentId: string;
  /**
   * Other IDs the parent's children may name, e.g. the IDs of actors merged into an actor:
   * the parent's list is the union of the children of all its IDs, each child once.
   */
  otherIds?: readonly string[];
  first: number;
  after?: string | null;
  filter?: TFilter;
  /** The fields asked of the page's nodes (selectedNodeFields), for a spec that reads only their columns (columnsFor). */
  nodeFields?: ReadonlySet<string>;
}

export interface ChildConnectionSpec<TRow, TNode, TFilter> {
  db: Database;
  /** The child rows' table and the columns to read from it. */
  table: PgTable;
  columns: Record<string, AnyPgColumn>;
  /** The columns that answer the fields asked of the nodes, when fewer than `columns` do (a key's nodeFields). */
  columnsFor?: (nodeFields: ReadonlySet<string> | undefined) => Record<string, AnyPgColumn>;
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
  const countLoaders = new Map<string, DataLoader<ChildParent, number, string>>();
  const countLoaderFor = (filter: TFilter | undefined) => {
    const filterKey = JSON.stringify(filter ?? null);
    let loader = countLoaders.get(filterKey);
    if (!loader) {
      loader = new DataLoader<ChildParent, number, string>((parents) => countChildren(spec, parents, filter), { cacheKeyFn: parentKey });
      countLoaders.set(filterKey, loader);
    }
    return loader;
  };

  return new DataLoader<ChildPageKey<TFilter>, Connection<TNode>, string>(
    async (keys) => {
      const groups = new Map<string, ChildPageKey<TFilter>[]>();
      for (const key of keys) {
        const groupKey = JSON.stringify([key.first, key.after ?? null, key.filter ?? null, nodeFieldsKey(spec, key)]);
        groups.set(groupKey, [...(groups.get(groupKey) ?? []), key]);
      }
      const connections = new Map<ChildPageKey<TFilter>, Connection<TNode>>();
      for (const group of groups.values()) {
        const { first, after, filter, nodeFields } = group[0]!;
        checkPageSize(first);
        const parents = [...new Map(group.map((key) => [parentKey(key), key])).values()];
        const columns = spec.columnsFor?.(nodeFields) ?? spec.columns;
        const rowsByParent = await fetchRankedChildren(spec, columns, parents, first, after, filter);
        const counter = countLoaderFor(filter);
        for (const key of group) {
          const rows = rowsByParent.get(key.parentId) ?? [];
          connections.set(
            key,
            toConnection(rows, first, spec.cursorOf, spec.toNode, () => counter.load(key)),
          );
        }
      }
      return keys.map((key) => connections.get(key)!);
    },
    { cacheKeyFn: (key) => JSON.stringify([parentKey(key), key.first, key.after ?? null, key.filter ?? null, nodeFieldsKey(spec, key)]) },
  );
}

/** Pages asking different fields read different columns, so they are batched and cached apart; without columnsFor they are one. */
function nodeFieldsKey(spec: Pick<ChildConnectionSpec<never, never, never>, "columnsFor">, key: Pick<ChildPageKey<unknown>, "nodeFields">): string[] | null {
  return spec.columnsFor && key.nodeFields ? [...key.nodeFields].sort() : null;
}

type ChildParent = Pick<ChildPageKey<unknown>, "parentId" | "otherIds">;

function parentKey(parent: ChildParent): string {
  return JSON.stringify([parent.parentId, [...(parent.otherIds ?? [])].sort()]);
}

/**
 * The parent each child row belongs to. Without other IDs it is the row's parent column; with
 * them, a CASE maps each other ID to its parent (an ID belongs to one parent: a merged actor's
 * ID redirects to one survivor).
 */
function parentOf(parentColumn: AnyPgColumn | SQL, parents: readonly ChildParent[]): { memberIds: string[]; parent: SQL; merges: boolean } {
  const owners = new Map<string, string>();
  for (const { parentId } of parents) owners.set(parentId, parentId);
  for (const { parentId, otherIds } of parents) {
    for (const otherId of otherIds ?? []) if (!owners.has(otherId)) owners.set(otherId, parentId);
  }
  const others = [...owners].filter(([memberId, parentId]) => memberId !== parentId);
  const memberIds = [...owners.keys()];
  if (others.length === 0) return { memberIds, parent: sql`${parentColumn}`, merges: false };
  const cases = sql.join(
    others.map(([memberId, parentId]) => sql`when ${memberId} then ${parentId}`),
    sql` `,
  );
  return { memberIds, parent: sql`(case ${parentColumn} ${cases} else ${parentColumn} end)`, merges: true };
}

function childConditions<TRow, TNode, TFilter>(
  spec: ChildConnectionSpec<TRow, TNode, TFilter>,
  memberIds: readonly string[],
  filter: TFilter | undefined,
): SQL | undefined {
  return and(anyOfIds(spec.parent, memberIds), filter === undefined ? undefined : spec.filterCondition?.(filter));
}

function fromWithJoins<TRow, TNode, TFilter>(spec: ChildConnectionSpec<TRow, TNode, TFilter>, query: PgSelect): PgSelect {
  return spec.join ? spec.join(query) : query;
}

async function fetchRankedChildren<TRow, TNode, TFilter>(
  spec: ChildConnectionSpec<TRow, TNode, TFilter>,
  columns: Record<string, AnyPgColumn>,
  parents: readonly ChildParent[],
  first: number,
  after: string | null | undefined,
  filter: TFilter | undefined,
): Promise<Map<string, TRow[]>> {
  const rowsByParent = new Map<string, TRow[]>();
  if (parents.length === 0) return rowsByParent;
  const { memberIds, parent, merges } = parentOf(spec.parent, parents);
  const orderBy = sql.join(spec.keyset.orderBy(), sql`, `);
  // A child can name two IDs of one parent (a claim whose subject is the survivor and whose
  // object the merged actor): dense_rank gives both rows one rank, and the copy is dropped below.
  const rank = merges ? sql`dense_rank()` : sql`row_number()`;
  const base = spec.db
    .select({
      ...columns,
      parentId: sql<string>`${parent}`.as("parent_id"),
      childRank: sql<number>`${rank} over (partition by ${parent} order by ${orderBy})`.as("child_rank"),
    })
    .from(spec.table)
    .$dynamic();
  const ranked = fromWithJoins(spec, base)
    .where(and(childConditions(spec, memberIds, filter), spec.keyset.after(after)))
    .as("ranked");
  const rows = (await spec.db
    .select()
    .from(ranked)
    .where(sql`${sql.identifier("child_rank")} <= ${first + 1}`)
    .orderBy(sql`${sql.identifier("child_rank")}`)) as unknown as (TRow & { parentId: string })[];
  const seen = new Set<string>();
  for (const row of rows) {
    const position = JSON.stringify([row.parentId, spec.cursorOf(row)]);
    if (seen.has(position)) continue;
    seen.add(position);
    rowsByParent.set(row.parentId, [...(rowsByParent.get(row.parentId) ?? []), row]);
  }
  return rowsByParent;
}

async function countChildren<TRow, TNode, TFilter>(
  spec: ChildConnectionSpec<TRow, TNode, TFilter>,
  parents: readonly ChildParent[],
  filter: TFilter | undefined,
): Promise<number[]> {
  const { memberIds, parent, merges } = parentOf(spec.parent, parents);
  // Counted by position, as the pages are ranked: a child naming two IDs of its parent counts once.
  const total = merges ? sql<number>`count(distinct ${spec.keyset.position()})` : count();
  const base = spec.db
    .select({ parentId: sql<string>`${parent}`, total })
    .from(spec.table)
    .$dynamic();
  const rows = (await fromWithJoins(spec, base)
    .where(childConditions(spec, memberIds, filter))
    // By position: Postgres cannot tell that a CASE with bound values is the one selected.
    .groupBy(merges ? sql`1` : parent)) as unknown as { parentId: string; total: number }[];
  const totals = new Map(rows.map((row) => [row.parentId, Number(row.total)]));
  return parents.map(({ parentId }) => totals.get(parentId) ?? 0);
}

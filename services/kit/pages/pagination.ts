import "reflect-metadata";
import { type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { ArgsType, Directive, Field, Int, ObjectType, type ClassType } from "type-graphql";
import { badUserInput } from "../schema/errors.js";
import { characterProblem } from "../../../platform/graphql/text-limits.js";
import { isIsoDate } from "../schema/iso-date.js";

export const DEFAULT_PAGE_SIZE = 20;
/** Large enough for a dashboard page of 500 incidents, small enough to bound one request. */
export const MAX_PAGE_SIZE = 500;

@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    defaultValue: DEFAULT_PAGE_SIZE,
    description: `How many items to return, 0 to ${MAX_PAGE_SIZE}.`,
  })
  first: number = DEFAULT_PAGE_SIZE;

  @Field(() => String, { nullable: true, description: "Return the items after this cursor (an edge's `cursor` or `pageInfo.endCursor`)." })
  after?: string | null;
}

// Every subgraph returns pages, so every subgraph resolves PageInfo.
@Directive("@shareable")
@ObjectType({ description: "Where a page stands in its list (Relay cursor connections)." })
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: "Always false: lists are paged forward only." })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

export interface Edge<TNode> {
  cursor: string;
  node: TNode;
}

/** A page of a list. `totalCount` is a getter so the count query only runs when it is asked for. */
export interface Connection<TNode> {
  edges: Edge<TNode>[];
  pageInfo: PageInfo;
  readonly totalCount: Promise<number>;
}

/** Declares `<Name>Edge` and `<Name>Connection` object types for a node type. */
export function ConnectionType<TNode extends object>(nodeType: ClassType<TNode>, name: string, description: string) {
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field(() => String, { description: "Opaque position of this item, to pass as `after`." })
    cursor!: string;

    @Field(() => nodeType)
    node!: TNode;
  }

  @ObjectType(`${name}Connection`, { description })
  class ConnectionObjectType {
    @Field(() => [EdgeType])
    edges!: EdgeType[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int, { description: "How many items the whole list holds under the same filters; counted only when asked for." })
    totalCount!: number;
  }
  return ConnectionObjectType;
}

/** Checks `first` against its bounds; returns it. */
export function checkPageSize(first: number, argumentName = "first"): number {
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw badUserInput(argumentName, `must be between 0 and ${MAX_PAGE_SIZE}, got ${first}`);
  }
  return first;
}

type CursorValue = string | number;

export function encodeCursor(values: CursorValue[]): string {
  return Buffer.from(JSON.stringify(values)).toString("base64url");
}

/** The SQL type each value of a cursor is compared as: a value must fit it before it reaches a cast. */
export type CursorValueType = "text" | "date" | "integer" | "real";

// Postgres's real (float4) holds magnitudes from its smallest subnormal to its largest finite value.
const REAL_MAX = 3.4028234663852886e38;
const REAL_MIN = 1.401298464324817e-45;

const FITS: Record<CursorValueType, (value: unknown) => boolean> = {
  text: (value) => typeof value === "string" && characterProblem(value) === undefined,
  date: (value) => typeof value === "string" && isIsoDate(value),
  integer: (value) => Number.isInteger(value) && Math.abs(value as number) <= 2_147_483_647,
  real: (value) => typeof value === "number" && (value === 0 || (Math.abs(value) >= REAL_MIN && Math.abs(value) <= REAL_MAX)),
};

/**
 * Decodes a cursor made by `encodeCursor` whose values have the given types. Anything else, a
 * tampered cursor included, is a client error naming the argument: no value reaches SQL that
 * its cast or column would refuse.
 */
export function decodeCursor(cursor: string, types: readonly CursorValueType[], argumentName = "after"): CursorValue[] {
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    values = undefined;
  }
  const valid = Array.isArray(values) && values.length === types.length && values.every((value, index) => FITS[types[index]!](value));
  if (!valid) throw badUserInput(argumentName, "is not a cursor from this list");
  return values as CursorValue[];
}

export type SortDirection = "ASC" | "DESC";

/**
 * A keyset over (sort column, id): the condition for "after this cursor" and the ORDER BY
 * that an index on the same columns serves. Row comparison keeps it one index range scan.
 */
export class Keyset {
  constructor(
    private readonly sortColumn: AnyPgColumn,
    private readonly idColumn: AnyPgColumn,
    private readonly direction: SortDirection = "ASC",
    // Drivers may send a cursor value as text; the cast lets Postgres compare it to a date column.
    private readonly sortType: "text" | "date" | "integer" = "text",
  ) {}

  after(cursor: string | null | undefined, argumentName = "after"): SQL | undefined {
    if (!cursor) return undefined;
    const [sortValue, id] = decodeCursor(cursor, [this.sortType, "text"], argumentName);
    const comparison = this.direction === "ASC" ? sql`>` : sql`<`;
    const typedValue = sql`cast(${sortValue} as ${sql.raw(this.sortType)})`;
    return sql`(${this.sortColumn}, ${this.idColumn}) ${comparison} (${typedValue}, ${id})`;
  }

  /** A row's place in this order as one row value, which tells two rows apart. */
  position(): SQL {
    return sql`(${this.sortColumn}, ${this.idColumn})`;
  }

  orderBy(): SQL[] {
    return this.direction === "ASC" ? [sql`${this.sortColumn} asc`, sql`${this.idColumn} asc`] : [sql`${this.sortColumn} desc`, sql`${this.idColumn} desc`];
  }
}

/**
 * Builds a connection from rows fetched with `limit first + 1`: the extra row only tells
 * whether a next page exists.
 */
export function toConnection<TRow, TNode>(
  rows: TRow[],
  first: number,
  cursorOf: (row: TRow) => CursorValue[],
  toNode: (row: TRow) => TNode,
  countTotal: () => Promise<number>,
): Connection<TNode> {
  const pageRows = rows.slice(0, first);
  const edges = pageRows.map((row) => ({ cursor: encodeCursor(cursorOf(row)), node: toNode(row) }));
  let counted: Promise<number> | undefined;
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage: false,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    get totalCount() {
      counted ??= countTotal();
      return counted;
    },
  };
}

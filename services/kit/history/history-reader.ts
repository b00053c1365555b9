// Reads a subgraph's history: the changes of each entity (batched: a page of 50 actors asking
// for their history is one query, ranked per entity), the rows of each change (one query per
// page of changes), lists of changes by filter, and the import runs.
import DataLoader from "dataloader";
import { type SQL, and, count, desc, eq, gte, lt, sql } from "drizzle-orm";
import { anyOfIds, anyOfNumbers } from "../../../db/any-of-ids.js";
import type { Database } from "../../../db/client.js";
import { resultRows } from "../../../db/result-rows.js";
import { badUserInput } from "../schema/errors.js";
import { assertWellFormedId } from "../schema/ids.js";
import { type Connection, checkPageSize, decodeCursor, toConnection } from "../pages/pagination.js";
import { Change, type ChangeFilter, ChangeAuthor, ImportRun, RowChange } from "./change.type.js";
import type { SubgraphHistory } from "./subgraph-history.js";
import { generatedColumnNames, keyMatch, qualifiedTable, tableName } from "./tracked-tables.js";

type ChangeRow = SubgraphHistory["tables"]["changes"]["$inferSelect"];

/** How many rows of one change a page shows at most: an import's change may hold a million. */
export const MAX_ROWS_PER_CHANGE = 500;

export interface EntityHistoryKey {
  kind: string;
  id: string;
  first: number;
  after?: string | null;
}

export class HistoryReader {
  private readonly pages: DataLoader<EntityHistoryKey, Connection<Change>, string>;
  private readonly counts: DataLoader<string, number>;
  private readonly rowLoaders = new Map<number, DataLoader<Change, RowChange[], string>>();

  constructor(
    private readonly db: Database,
    private readonly history: SubgraphHistory,
  ) {
    this.pages = new DataLoader((keys) => this.loadPages(keys), { cacheKeyFn: (key) => JSON.stringify([key.kind, key.id, key.first, key.after ?? null]) });
    this.counts = new DataLoader((keys) => this.countChanges(keys));
  }

  /** The changes that wrote a row of the entity, newest first. */
  historyOf(kind: string, id: string, first: number, after: string | null | undefined): Promise<Connection<Change>> {
    checkPageSize(first);
    return this.pages.load({ kind, id, first, after });
  }

  /** The rows a change wrote (those of its entity when it was listed by an entity's history), up to `first`. */
  rowsOf(change: Change, first: number): Promise<RowChange[]> {
    if (!Number.isInteger(first) || first < 0 || first > MAX_ROWS_PER_CHANGE)
      throw badUserInput("first", `must be between 0 and ${MAX_ROWS_PER_CHANGE}, got ${first}`);
    // One loader per `first`, for every entity: a page of 50 actors' histories is one query, not one per actor.
    let loader = this.rowLoaders.get(first);
    if (!loader) {
      loader = new DataLoader((changes) => this.loadRows(changes, first), {
        cacheKeyFn: (key) => JSON.stringify([key.id, key.forEntity?.kind ?? null, key.forEntity?.id ?? null]),
      });
      this.rowLoaders.set(first, loader);
    }
    return loader.load(change);
  }

  /** Changes meeting the filter, newest first. */
  async list(filter: ChangeFilter | null | undefined, first: number, after: string | null | undefined): Promise<Connection<Change>> {
    checkPageSize(first);
    const { changes } = this.history.tables;
    const condition = this.filterCondition(filter);
    const cursor = after ? Number(decodeCursor(after, ["integer"])[0]) : undefined;
    const rows = await this.db
      .select()
      .from(changes)
      .where(and(condition, cursor === undefined ? undefined : lt(changes.id, cursor)))
      .orderBy(desc(changes.id))
      .limit(first + 1);
    return toConnection(
      rows,
      first,
      (row) => [row.id],
      (row) => this.toChange(row),
      () => this.db.$count(changes, condition),
    );
  }

  /** Import runs, newest first. */
  async imports(first: number, after: string | null | undefined): Promise<Connection<ImportRun>> {
    checkPageSize(first);
    const { importRuns, changes } = this.history.tables;
    const cursor = after ? String(decodeCursor(after, ["text"])[0]) : undefined;
    const rows = await this.db
      .select({ run: importRuns, change: changes })
      .from(importRuns)
      .innerJoin(changes, eq(changes.id, importRuns.changeId))
      .where(
        cursor === undefined
          ? undefined
          : sql`(${importRuns.startedAt}, ${importRuns.id}) < (select "started_at", "id" from ${importRuns} where "id" = ${cursor})`,
      )
      .orderBy(desc(importRuns.startedAt), desc(importRuns.id))
      .limit(first + 1);
    const revertTimes = await this.revertTimes(rows.map(({ change }) => change.revertedBy).filter((id): id is number => id !== null));
    return toConnection(
      rows,
      first,
      ({ run }) => [run.id],
      ({ run, change }) =>
        Object.assign(new ImportRun(), {
          id: run.id,
          format: run.format,
          files: run.files,
          startedAt: run.startedAt.toISOString(),
          finishedAt: run.finishedAt?.toISOString() ?? null,
          author: authorOf(change),
          summary: (run.summary as Record<string, unknown> | null) ?? null,
          revertedAt: change.revertedBy === null ? null : (revertTimes.get(change.revertedBy) ?? null),
        }),
      () => this.db.$count(importRuns),
    );
  }

  toChange(row: ChangeRow, forEntity?: { kind: string; id: string }): Change {
    const id = (number: number | null) => (number === null ? null : `${this.history.schema}:${number}`);
    return Object.assign(new Change(), {
      id: id(row.id)!,
      at: row.at.toISOString(),
      kind: row.kind,
      entityKind: row.entityKind,
      entityId: row.entityId,
      author: authorOf(row),
      requestId: row.requestId,
      operationName: row.operationName,
      importRunId: row.importRunId,
      reverts: id(row.reverts),
      revertedBy: id(row.revertedBy),
      forEntity,
    });
  }

  private filterCondition(filter: ChangeFilter | null | undefined): SQL | undefined {
    if (!filter) return undefined;
    const { changes, rowChanges } = this.history.tables;
    if (filter.entity != null) assertWellFormedId("filter.entity", filter.entity);
    return and(
      filter.entity == null
        ? undefined
        : sql`${changes.id} in (select ${rowChanges.changeId} from ${rowChanges} where ${rowChanges.entityId} = ${filter.entity})`,
      filter.keyName == null ? undefined : eq(changes.keyName, filter.keyName),
      filter.kind == null ? undefined : eq(changes.kind, filter.kind),
      filter.importRun == null ? undefined : eq(changes.importRunId, filter.importRun),
      filter.since == null ? undefined : gte(changes.at, instant(filter.since, "filter.since")),
      filter.before == null ? undefined : lt(changes.at, instant(filter.before, "filter.before")),
    );
  }

  private async loadPages(keys: readonly EntityHistoryKey[]): Promise<Connection<Change>[]> {
    const groups = new Map<string, EntityHistoryKey[]>();
    for (const key of keys) {
      const group = JSON.stringify([key.kind, key.first, key.after ?? null]);
      groups.set(group, [...(groups.get(group) ?? []), key]);
    }
    const answers = new Map<EntityHistoryKey, Connection<Change>>();
    const { changes, rowChanges } = this.history.tables;
    for (const group of groups.values()) {
      const { kind, first, after } = group[0]!;
      const cursor = after ? Number(decodeCursor(after, ["integer"])[0]) : undefined;
      const ids = [...new Set(group.map((key) => key.id))];
      const ranked = resultRows<{ entity: string; change_id: string }>(
        await this.db.execute(sql`
          select "entity", "change_id" from (
            select e."entity_id" as "entity", e."change_id", row_number() over (partition by e."entity_id" order by e."change_id" desc) as "rank"
            from (select distinct ${rowChanges.entityId} as "entity_id", ${rowChanges.changeId} as "change_id" from ${rowChanges}
                  where ${rowChanges.entityKind} = ${kind} and ${anyOfIds(rowChanges.entityId, ids)}
                  ${cursor === undefined ? sql`` : sql`and ${rowChanges.changeId} < ${cursor}`}) e
          ) ranked where "rank" <= ${first + 1}`),
      );
      const changeIds = [...new Set(ranked.map((row) => Number(row.change_id)))];
      const rows = changeIds.length === 0 ? [] : await this.db.select().from(changes).where(anyOfNumbers(changes.id, changeIds));
      const byId = new Map(rows.map((row) => [row.id, row]));
      for (const key of group) {
        const entityRows = ranked
          .filter((row) => row.entity === key.id)
          .map((row) => byId.get(Number(row.change_id))!)
          .sort((a, b) => b.id - a.id);
        answers.set(
          key,
          toConnection(
            entityRows,
            first,
            (row) => [row.id],
            (row) => this.toChange(row, { kind, id: key.id }),
            () => this.counts.load(JSON.stringify([kind, key.id])),
          ),
        );
      }
    }
    return keys.map((key) => answers.get(key)!);
  }

  private async countChanges(keys: readonly string[]): Promise<number[]> {
    const { rowChanges } = this.history.tables;
    const pairs = keys.map((key) => JSON.parse(key) as [string, string]);
    const rows = await this.db
      .select({ kind: rowChanges.entityKind, id: rowChanges.entityId, count: count(sql`distinct ${rowChanges.changeId}`) })
      .from(rowChanges)
      .where(anyOfIds(rowChanges.entityId, [...new Set(pairs.map(([, id]) => id))]))
      .groupBy(rowChanges.entityKind, rowChanges.entityId);
    const counted = new Map(rows.map((row) => [JSON.stringify([row.kind, row.id]), Number(row.count)]));
    return keys.map((key) => counted.get(key) ?? 0);
  }

  // Changes listed by an entity's history show that entity's rows (read by the entity's index),
  // the others all their rows: at most two queries, however many changes are asked for.
  private async loadRows(changesAsked: readonly Change[], first: number): Promise<RowChange[][]> {
    const scoped = changesAsked.filter((change) => change.forEntity !== undefined);
    const whole = changesAsked.filter((change) => change.forEntity === undefined);
    const byEntity = sql`rc."entity_id" = asked."entity_id" and rc."entity_kind" = asked."entity_kind" and rc."change_id" = asked."change_id"`;
    const answers = new Map<Change, RowChange[]>();
    for (const [asked, match] of [
      [scoped, byEntity],
      [whole, sql`rc."change_id" = asked."change_id"`],
    ] as const) {
      if (asked.length === 0) continue;
      const rows = await this.rowsOfAsked(asked, first, match);
      for (const [index, change] of asked.entries()) answers.set(change, rows.get(index + 1) ?? []);
    }
    return changesAsked.map((change) => answers.get(change)!);
  }

  /** The first `first` rows of each change asked for that meet `match`, by the change's position (from 1) in `asked`. */
  private async rowsOfAsked(asked: readonly Change[], first: number, match: SQL): Promise<Map<number, RowChange[]>> {
    const { rowChanges } = this.history.tables;
    const numbers = asked.map((change) => change.id.split(":").at(-1)!);
    const kinds = asked.map((change) => change.forEntity?.kind ?? "");
    const entities = asked.map((change) => change.forEntity?.id ?? "");
    // An insert is recorded by its key only (history-migration.ts): its values are the "before"
    // of the row's next change, or, when nothing changed it since, the row as stored.
    const rows = resultRows<Record<string, unknown>>(
      await this.db.execute(sql`
        select asked."position", rc."id", rc."table_name", rc."operation", rc."entity_kind", rc."entity_id", rc."row_key", rc."before",
          coalesce(rc."after", following."before") as "after", (rc."operation" = 'INSERT' and following."before" is null) as "as_stored"
        from unnest(${sql.param(numbers)}::bigint[], ${sql.param(kinds)}::text[], ${sql.param(entities)}::text[])
          with ordinality as asked("change_id", "entity_kind", "entity_id", "position")
        cross join lateral (select * from ${rowChanges} rc where ${match} order by rc."id" limit ${first}) rc
        left join lateral (
          select n."before" from (
            (select n1."id", n1."before" from ${rowChanges} n1
              where rc."operation" = 'INSERT' and n1."table_name" = rc."table_name" and n1."row_key" = rc."row_key" and n1."id" > rc."id" order by n1."id" limit 1)
            union all
            (select n2."id", n2."before" from ${rowChanges} n2
              where rc."operation" = 'INSERT' and n2."table_name" = rc."table_name" and n2."prior_key" = rc."row_key" and n2."id" > rc."id" order by n2."id" limit 1)
          ) n order by n."id" limit 1
        ) following on true
        order by asked."position", rc."id"`),
    );
    await this.fillStoredRows(rows);
    const byPosition = new Map<number, RowChange[]>();
    for (const row of rows) {
      const position = Number(row.position);
      const list = byPosition.get(position);
      if (list) list.push(toRowChange(row));
      else byPosition.set(position, [toRowChange(row)]);
    }
    return byPosition;
  }

  // The inserts no later change touched: their values are the rows as stored, one query per table.
  private async fillStoredRows(rows: Record<string, unknown>[]): Promise<void> {
    const asStored = rows.filter((row) => row.as_stored === true || row.as_stored === "t");
    const byTable = new Map<string, Record<string, unknown>[]>();
    for (const row of asStored) byTable.set(String(row.table_name), [...(byTable.get(String(row.table_name)) ?? []), row]);
    for (const [name, tableRows] of byTable) {
      const tracked = this.history.tracked.find((candidate) => tableName(candidate.table) === name);
      if (!tracked) continue;
      const keys = tableRows.map((row) => (typeof row.row_key === "string" ? row.row_key : JSON.stringify(row.row_key)));
      const stored = resultRows<{ position: string; row: unknown }>(
        await this.db.execute(sql`
          select k."position", to_jsonb(t) as "row"
          from unnest(${sql.param(keys)}::jsonb[]) with ordinality as k("key", "position")
          join ${qualifiedTable(tracked.table, this.history.schema)} t on ${keyMatch(tracked.key, sql`k."key"`)}`),
      );
      const generated = new Set(generatedColumnNames([tracked]));
      for (const { position, row } of stored) {
        const values = (typeof row === "string" ? JSON.parse(row) : row) as Record<string, unknown>;
        for (const column of generated) delete values[column];
        tableRows[Number(position) - 1]!.after = values;
      }
    }
  }

  private async revertTimes(ids: number[]): Promise<Map<number, string>> {
    if (ids.length === 0) return new Map();
    const { changes } = this.history.tables;
    const rows = await this.db.select({ id: changes.id, at: changes.at }).from(changes).where(anyOfNumbers(changes.id, ids));
    return new Map(rows.map((row) => [row.id, row.at.toISOString()]));
  }
}

function toRowChange(row: Record<string, unknown>): RowChange {
  const json = (value: unknown) => (typeof value === "string" ? JSON.parse(value) : value) as Record<string, unknown> | null;
  return Object.assign(new RowChange(), {
    table: String(row.table_name),
    operation: String(row.operation),
    entityKind: String(row.entity_kind),
    entityId: String(row.entity_id),
    key: json(row.row_key)!,
    before: json(row.before),
    after: json(row.after),
  });
}

function authorOf(row: Pick<ChangeRow, "keyName" | "role">): ChangeAuthor | null {
  return row.keyName === null ? null : Object.assign(new ChangeAuthor(), { keyName: row.keyName, role: row.role });
}

function instant(value: string, argument: string): Date {
  const date = new Date(value);
  if (Number.isNaN(date.getTime()) || !/^\d{4}-\d{2}-\d{2}/.test(value)) throw badUserInput(argument, `is not an ISO 8601 instant: "${value}"`);
  return date;
}

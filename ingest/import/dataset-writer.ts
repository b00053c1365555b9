// Writes the records of a dataset a batch at a time, each table in a few multi-row
// statements whatever the batch's size: actors are resolved (and created) first, then the
// statements schema (sources, statements), then the incidents schema. Entities are compared
// with what is stored (the subgraph kit's syncEntities), so an unchanged record writes nothing and
// is counted unchanged. Sources that many records share are written once per import. A record
// an editor deleted stays deleted: its tombstone (services/kit/records/tombstones.ts) keeps it
// out of every later import, which counts it as kept deleted.
import { LRUCache } from "lru-cache";
import type { Database } from "../../db/client.js";
import type { SubgraphName } from "../../services/registry.js";
import type { IncidentsPart, ParticipantRow } from "../../services/incidents/writes/incident-rows.js";
import type { SourceRow, StatementsPart } from "../../services/statements/writes/statement-rows.js";
import type { EntityCounts } from "../../services/kit/writes/sync-entities.js";
import { addCountryAliases } from "../../services/actors/writes/country-aliases.js";
import { INCIDENT_KIND_TABLES, writeIncidents } from "../../services/incidents/writes/write-incidents.js";
import { STATEMENT_KIND_TABLES, writeStatements } from "../../services/statements/writes/write-statements.js";
import { type ActorResolver, mentionKey } from "./actor-resolver.js";
import { type DatasetRecord, recordEntityId } from "./dataset-record.js";
import { isOlderThanStored, storedVersions } from "./record-versions.js";

type EntityRecord = Exclude<DatasetRecord, { kind: "skipped" }>;
type IncidentRecord = Extract<DatasetRecord, { kind: "incident" }>;
type StatementRecord = Extract<DatasetRecord, { kind: "statement" }>;

export type WrittenEntity = "incidents" | "statements" | "sources";

/**
 * Shared sources remembered as written in this import: the most recently met, not all. A year of
 * GDELT names tens of millions of articles, and every ID kept takes about 200 bytes (measured for
 * a million GDELT-like IDs): 20 million would be 4 GB. A source forgotten and met again is
 * compared with what is stored, as a later import's is: it writes nothing, and is counted
 * unchanged. Articles are cited by events close together in a file, so few are forgotten early.
 */
export const REMEMBERED_SHARED_SOURCES = 100_000;

export class DatasetWriter {
  readonly counts: Record<WrittenEntity, EntityCounts> = { incidents: noCounts(), statements: noCounts(), sources: noCounts() };
  /** Records left out because the stored version is newer. */
  olderThanStored = 0;
  /** Records repeated within a batch; the newest (or last) was written. */
  repeated = 0;
  /** Records an editor deleted, or statements citing a source an editor deleted: left deleted. */
  keptDeleted = 0;
  private readonly writtenSharedSources: LRUCache<string, true>;
  private readonly countryAliasesChecked = new Set<string>();

  constructor(
    private readonly databases: Record<SubgraphName, Database>,
    readonly actors: ActorResolver,
    /** How many shared sources are remembered as written (REMEMBERED_SHARED_SOURCES when undefined). */
    rememberedSharedSources = REMEMBERED_SHARED_SOURCES,
  ) {
    this.writtenSharedSources = new LRUCache({ max: rememberedSharedSources });
  }

  async write(records: readonly EntityRecord[]): Promise<void> {
    if (records.length === 0) return;
    const latest = latestPerEntity(records);
    this.repeated += records.length - latest.length;
    const { records: current, deletedSources } = await this.withoutDeleted(await this.withoutOlderThanStored(latest));
    const actorIds = await this.actors.resolve(
      current.flatMap((record) =>
        record.kind === "incident"
          ? record.incident.participants.map((participant) => participant.actor)
          : [record.statement.speaker, record.statement.addressee].filter((actor) => actor !== null),
      ),
    );
    await this.addCountryAliases([...actorIds.values()]);
    const incidents = current.filter((record): record is IncidentRecord => record.kind === "incident");
    const statements = current.filter((record): record is StatementRecord => record.kind === "statement");
    const written = await writeStatements(this.databases.statements, {
      sources: this.sourcesToWrite(current).filter((source) => !deletedSources.has(source.id)),
      claims: [],
      statements: statements.map(({ statement }): StatementsPart["statements"][number] => ({
        row: {
          ...statement.row,
          speakerId: statement.speaker ? actorIds.get(mentionKey(statement.speaker))! : null,
          addresseeId: statement.addressee ? actorIds.get(mentionKey(statement.addressee))! : null,
          speakerAsWritten: statement.speakerAsWritten,
          addresseeAsWritten: statement.addresseeAsWritten,
        },
        stances: [],
        incidents: [],
      })),
    });
    add(this.counts.sources, written.sources);
    add(this.counts.statements, written.statements);
    add(
      this.counts.incidents,
      (await writeIncidents(this.databases.incidents, { incidents: incidents.map((record) => incidentPart(record, actorIds)) })).incidents,
    );
  }

  /** A country's actor the import made or found (gdelt:tur) gets the country's names and code, as a document's does. */
  private async addCountryAliases(actorIds: readonly string[]): Promise<void> {
    const unseen = actorIds.filter((id) => !this.countryAliasesChecked.has(id));
    for (const id of unseen) this.countryAliasesChecked.add(id);
    await addCountryAliases(this.databases.actors, unseen, { thenAbsorbed: false });
  }

  private async withoutOlderThanStored(records: EntityRecord[]): Promise<EntityRecord[]> {
    const versions = records.flatMap((record) => (record.kind === "incident" && record.version ? [record.version] : []));
    if (versions.length === 0) return records;
    const stored = await storedVersions(this.databases.incidents, versions);
    const current = records.filter((record) => !(record.kind === "incident" && record.version && isOlderThanStored(record.version, stored)));
    this.olderThanStored += records.length - current.length;
    return current;
  }

  /** The records without those an editor deleted; a statement needs its source, so one citing a deleted source stays out too. */
  private async withoutDeleted(records: EntityRecord[]): Promise<{ records: EntityRecord[]; deletedSources: ReadonlySet<string> }> {
    const ids = { incident: [] as string[], statement: [] as string[], source: [] as string[] };
    for (const record of records) {
      if (record.kind === "incident") ids.incident.push(record.incident.row.id);
      else ids.statement.push(record.statement.row.id);
      if (record.kind === "statement") ids.source.push(record.statement.row.sourceId);
      if (record.kind === "incident" && record.recordSource) ids.source.push(record.recordSource.id);
      ids.source.push(...record.sharedSources.map((source) => source.id));
    }
    const { statements, incidents } = this.databases;
    const deleted = {
      incident: await INCIDENT_KIND_TABLES.incident!.retired!(incidents, ids.incident),
      statement: await STATEMENT_KIND_TABLES.statement!.retired!(statements, ids.statement),
      source: await STATEMENT_KIND_TABLES.source!.retired!(statements, ids.source),
    };
    const kept = records.filter((record) =>
      record.kind === "incident"
        ? !deleted.incident.has(record.incident.row.id)
        : !deleted.statement.has(record.statement.row.id) && !deleted.source.has(record.statement.row.sourceId),
    );
    this.keptDeleted += records.length - kept.length;
    return { records: kept, deletedSources: new Set(deleted.source.keys()) };
  }

  private sourcesToWrite(records: readonly EntityRecord[]): SourceRow[] {
    const rows = new Map<string, SourceRow>();
    for (const record of records) {
      for (const source of record.sharedSources) {
        if (!this.writtenSharedSources.has(source.id)) rows.set(source.id, source);
      }
      if (record.kind === "incident" && record.recordSource) rows.set(record.recordSource.id, record.recordSource);
    }
    for (const record of records) for (const source of record.sharedSources) this.writtenSharedSources.set(source.id, true);
    return [...rows.values()];
  }
}

function incidentPart({ incident }: IncidentRecord, actorIds: ReadonlyMap<string, string>): IncidentsPart["incidents"][number] {
  const { row, place } = incident;
  const participants = new Map<string, ParticipantRow>();
  for (const { actor, role, associatedWith = null } of incident.participants) {
    const actorId = actorIds.get(mentionKey(actor))!;
    // An actor named twice in one role and side takes part once in it; associated with
    // both sides (in both of ACLED's associated lists) it takes part once with each.
    participants.set(`${actorId} ${role} ${associatedWith}`, { incidentId: row.id, actorId, role, associatedWith, count: null });
  }
  return {
    // Copied from the primary place, as every writer of incidents does (see incident-rows.ts).
    row: { ...row, country: place?.country ?? null, admin1: place?.admin1 ?? null, latitude: place?.latitude ?? null, longitude: place?.longitude ?? null },
    places: place ? [place] : [],
    participants: [...participants.values()],
    sources: [...new Set(incident.sourceIds)].map((sourceId) => ({ incidentId: row.id, sourceId })),
  };
}

/** One record per entity: of repeats, the newest version, or the last one read. */
function latestPerEntity(records: readonly EntityRecord[]): EntityRecord[] {
  const latest = new Map<string, EntityRecord>();
  for (const record of records) {
    const id = `${record.kind} ${recordEntityId(record)}`;
    const earlier = latest.get(id);
    if (earlier?.kind === "incident" && record.kind === "incident" && earlier.version && record.version && earlier.version.seconds > record.version.seconds)
      continue;
    latest.set(id, record);
  }
  return [...latest.values()];
}

function noCounts(): EntityCounts {
  return { inserted: 0, updated: 0, unchanged: 0 };
}

function add(total: EntityCounts, counts: EntityCounts): void {
  total.inserted += counts.inserted;
  total.updated += counts.updated;
  total.unchanged += counts.unchanged;
}

// Which tables the generator fills, in an order that respects their foreign keys, and the
// rows each generated entity contributes to each.
import type { PgTable } from "drizzle-orm/pg-core";
import { actorRelations, actors, aliases } from "../../services/actors/data/tables.js";
import { incidentSources, incidents, participants, places } from "../../services/incidents/data/tables.js";
import { claims, sources, stances, statementIncidents, statements } from "../../services/statements/data/tables.js";
import type { SubgraphName } from "../../services/registry.js";
import type { Row } from "../../db/bulk/table-sink.js";
import { generateActor, generateRelation } from "./actors.js";
import { generateIncident } from "./incidents.js";
import type { Scale } from "./scales.js";
import { generateClaim, generateSource, generateStatement } from "./statements.js";

export interface GeneratedTable {
  subgraph: SubgraphName;
  /** schema.table, for messages and ANALYZE. */
  name: string;
  table: PgTable;
  /** How many entities to generate; each gives zero or more rows. */
  entities: (scale: Scale) => number;
  rowsOf: (seed: number, index: number, scale: Scale) => Row[];
}

export const GENERATED_TABLES: readonly GeneratedTable[] = [
  { subgraph: "actors", name: "actors.actors", table: actors, entities: (s) => s.actors, rowsOf: (seed, i) => [generateActor(seed, i).row] },
  { subgraph: "actors", name: "actors.aliases", table: aliases, entities: (s) => s.actors, rowsOf: (seed, i) => generateActor(seed, i).aliases },
  {
    subgraph: "actors",
    name: "actors.actor_relations",
    table: actorRelations,
    entities: (s) => s.relations,
    rowsOf: (seed, i, s) => [generateRelation(seed, i, s)].filter((row) => row !== null),
  },
  { subgraph: "statements", name: "statements.sources", table: sources, entities: (s) => s.sources, rowsOf: (seed, i) => [generateSource(seed, i)] },
  { subgraph: "statements", name: "statements.claims", table: claims, entities: (s) => s.claims, rowsOf: (seed, i, s) => [generateClaim(seed, i, s)] },
  {
    subgraph: "statements",
    name: "statements.statements",
    table: statements,
    entities: (s) => s.statements,
    rowsOf: (seed, i, s) => [generateStatement(seed, i, s).row],
  },
  {
    subgraph: "statements",
    name: "statements.stances",
    table: stances,
    entities: (s) => s.statements,
    rowsOf: (seed, i, s) => generateStatement(seed, i, s).stances,
  },
  {
    subgraph: "statements",
    name: "statements.statement_incidents",
    table: statementIncidents,
    entities: (s) => s.statements,
    rowsOf: (seed, i, s) => generateStatement(seed, i, s).incidents,
  },
  {
    subgraph: "incidents",
    name: "incidents.incidents",
    table: incidents,
    entities: (s) => s.incidents,
    rowsOf: (seed, i, s) => [generateIncident(seed, i, s).row],
  },
  { subgraph: "incidents", name: "incidents.places", table: places, entities: (s) => s.incidents, rowsOf: (seed, i, s) => generateIncident(seed, i, s).places },
  {
    subgraph: "incidents",
    name: "incidents.participants",
    table: participants,
    entities: (s) => s.incidents,
    rowsOf: (seed, i, s) => generateIncident(seed, i, s).participants,
  },
  {
    subgraph: "incidents",
    name: "incidents.incident_sources",
    table: incidentSources,
    entities: (s) => s.incidents,
    rowsOf: (seed, i, s) => generateIncident(seed, i, s).sources,
  },
];

/** The rows of a table, in batches of about `batchSize`. */
export function* rowBatches(table: GeneratedTable, seed: number, scale: Scale, batchSize: number): Generator<Row[]> {
  let batch: Row[] = [];
  const count = table.entities(scale);
  for (let index = 0; index < count; index++) {
    for (const row of table.rowsOf(seed, index, scale)) batch.push(row);
    if (batch.length >= batchSize) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

// What an import did, per entity (inserted, updated, unchanged, rejected) and for actors
// (matched by the same code, by a crosswalk rule, by name and country, created), and its rendering for the terminal.
import type { EntityCounts } from "../../services/kit/writes/sync-entities.js";
import type { ActorResolution, ResolutionOutcome } from "./actor-resolver.js";

export interface EntitySummary extends EntityCounts {
  /** Rows meant to become this entity that were invalid (with --skip-invalid). */
  rejected: number;
}

export interface ImportSummary {
  /** The run's ID in the history (`imports`, `npm run revert-import -- <id>`); a dry run's is not kept. */
  runId?: string;
  format: string;
  files: string[];
  dryRun: boolean;
  rows: {
    /** Data rows read (documents: entities read). */
    read: number;
    rejected: number;
    /** Valid rows that become no entity, by reason. */
    skipped: Record<string, number>;
    /** Records whose stored version is newer, left as stored. */
    olderThanStored: number;
    /** Records repeated in one batch of the input, of which the newest was written. */
    repeated: number;
    /** Records an editor deleted (or statements citing a source an editor deleted), left deleted. */
    keptDeleted: number;
  };
  entities: Record<string, EntitySummary>;
  /** Dataset imports only: how the actors they name were resolved. */
  actors?: { resolutions: ActorResolution[] };
  rejectFiles: string[];
  seconds: number;
  /** Set when the import took the bulk path (bulk-choice.ts). */
  bulk?: BulkSummary;
}

export interface BulkSummary {
  /** Why it was chosen. */
  reason: string;
  /** Indexes dropped before the load and built after it. */
  indexes: number;
  /** Seconds building them and counting the tallies again took. */
  upkeepSeconds: number;
}

export function countOutcomes(resolutions: readonly ActorResolution[]): Record<ResolutionOutcome, number> {
  const counts: Record<ResolutionOutcome, number> = { alias: 0, crosswalk: 0, name: 0, created: 0, retired: 0 };
  for (const resolution of resolutions) counts[resolution.outcome] += 1;
  return counts;
}

export function formatSummary(summary: ImportSummary, options: { listActors: boolean }): string {
  const lines: string[] = [];
  const rate = summary.seconds > 0 ? `, ${Math.round(summary.rows.read / summary.seconds).toLocaleString("en")} rows/s` : "";
  lines.push(
    `import --format ${summary.format}${summary.dryRun ? " (dry run: nothing was written)" : ""}: ` +
      `${number(summary.rows.read)} rows from ${summary.files.join(", ")} in ${summary.seconds.toFixed(1)} s${rate}`,
  );
  lines.push(table(summary.entities));
  if (summary.bulk)
    lines.push(
      `bulk load (${summary.bulk.reason}): ${summary.bulk.indexes} indexes built after the rows, and the tallies counted, in ${summary.bulk.upkeepSeconds.toFixed(1)} s`,
    );
  if (summary.actors) {
    const counts = countOutcomes(summary.actors.resolutions);
    lines.push(
      `actors: ${number(counts.alias + counts.crosswalk + counts.name)} matched (${number(counts.alias)} by the same code or name in its scheme, ` +
        `${number(counts.crosswalk)} by a crosswalk rule, ${number(counts.name)} by name and country), ${number(counts.created)} created` +
        (counts.retired > 0 ? `, ${number(counts.retired)} kept deleted` : ""),
    );
    if (options.listActors) lines.push(...actorList(summary.actors.resolutions));
  }
  if (summary.runId) lines.push(`recorded as import run ${summary.runId} (listed by \`imports\`; undo it with npm run revert-import -- ${summary.runId})`);
  for (const [reason, count] of Object.entries(summary.rows.skipped)) lines.push(`skipped: ${number(count)} ${reason}`);
  if (summary.rows.olderThanStored > 0) lines.push(`kept as stored: ${number(summary.rows.olderThanStored)} records older than the stored version`);
  if (summary.rows.keptDeleted > 0)
    lines.push(`kept deleted: ${number(summary.rows.keptDeleted)} records an editor deleted (or citing a source an editor deleted)`);
  if (summary.rows.repeated > 0) lines.push(`repeated: ${number(summary.rows.repeated)} records given more than once; the newest was written`);
  if (summary.rows.rejected > 0) lines.push(`rejected: ${number(summary.rows.rejected)} invalid rows, listed in ${summary.rejectFiles.join(", ")}`);
  return `${lines.join("\n")}\n`;
}

function table(entities: Record<string, EntitySummary>): string {
  const header = ["", "inserted", "updated", "unchanged", "rejected"];
  const rows = Object.entries(entities).map(([name, counts]) => [name, ...[counts.inserted, counts.updated, counts.unchanged, counts.rejected].map(number)]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  return [header, ...rows]
    .map((row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join("  "))
    .join("\n");
}

const OUTCOME_TITLES: Record<ResolutionOutcome, string> = {
  created: "actors created",
  crosswalk: "actors matched by a crosswalk rule (ACLED state forces → CAMEO <country>MIL, GOV, COP)",
  name: "actors matched by name and country (the alias is added to the actor)",
  alias: "actors matched by alias",
  retired: "actors kept deleted or merged away, as an editor left them (the records name their IDs)",
};

function actorList(resolutions: readonly ActorResolution[]): string[] {
  return (["created", "crosswalk", "name", "alias", "retired"] as const).flatMap((outcome) => {
    const listed = resolutions.filter((resolution) => resolution.outcome === outcome);
    if (listed.length === 0) return [];
    return [
      `${OUTCOME_TITLES[outcome]}:`,
      ...listed.map(
        (resolution) =>
          `  ${resolution.scheme} ${JSON.stringify(resolution.value)} → ${resolution.actorId} (${resolution.kind}, ${JSON.stringify(resolution.actorName)})`,
      ),
    ];
  });
}

function number(value: number): string {
  return value.toLocaleString("en");
}

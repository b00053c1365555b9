// The figures of the last run of `npm run bench:import`, read back from the results file it
// wrote, so that a new run shows each of its figures beside the last one's.
import { existsSync, readFileSync } from "node:fs";

export interface LastRun {
  /** "last run (commit 3082b74, 2026-12-03, 103,456 rows)". */
  heading: string;
  /** Each measure's figure, by figureKey of the measure's label. */
  figures: Map<string, string>;
}

/** A measure's label with its numbers left out ("COPY of all the import wrote (798,403 rows, …)"): what matches it across runs. */
export function figureKey(label: string): string {
  return label.replace(/\d[\d,.]*/g, "#");
}

export function readLastRun(path: string): LastRun | undefined {
  if (!existsSync(path)) return undefined;
  const text = readFileSync(path, "utf8");
  const figures = new Map<string, string>();
  for (const line of text.split("\n")) {
    if (!line.startsWith("|")) continue;
    // The label, then this run's figure (the file's second column, whatever follows it).
    const [label, figure] = line
      .split("|")
      .slice(1, -1)
      .map((cell) => cell.trim());
    if (!label || figure === undefined || label === "measure" || /^:?-+:?$/.test(label)) continue;
    figures.set(figureKey(label), figure);
  }
  const commit = /commit `([0-9a-f]{7})/.exec(text)?.[1] ?? "unknown commit";
  const date = / on (\d{4}-\d{2}-\d{2})/.exec(text)?.[1] ?? "undated";
  const rows = figures.get(figureKey("rows"));
  return { heading: `last run (commit ${commit}, ${date}${rows ? `, ${rows} rows` : ""})`, figures };
}

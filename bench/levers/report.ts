// How a lever's two sides are compared and written down: the rounds, the ratio and its verdict, the rows and details of the report.
import { type Figures, type Measured, type Side, alternateRounds, median, spreadOf } from "../harness.js";
import type { Settings } from "./settings.js";

/** A lever pays when it makes its figure at least this much better; smaller differences are within this machine's noise. */
export const PAYS_AT = 1.05;

/** Each side probed and warmed up, then measured in `rounds` alternating rounds sharing --duration; figures per side. */
export async function compare(title: string, sides: Side[], settings: Settings, concurrency = settings.concurrency): Promise<Measured[]> {
  const measured = await alternateRounds(title, sides, {
    rounds: settings.rounds,
    roundS: settings.durationS / settings.rounds,
    warmupS: settings.warmupS,
    concurrency,
  });
  for (const [index, figures] of measured.entries()) console.log(`  ${title.padEnd(44)} ${sides[index]!.label.padEnd(34)} ${text(figures.all)}`);
  return measured;
}

export function text(figures: Figures): string {
  const cpu = figures.cpuMsPerRequest
    ? `; CPU ${Object.entries(figures.cpuMsPerRequest)
        .map(([name, ms]) => `${name} ${ms}`)
        .join(", ")} ms/request`
    : "";
  return `${figures.throughput} req/s, p50 ${figures.p50} / p95 ${figures.p95} / p99 ${figures.p99} ms${figures.errors ? `, ${figures.errors} errors (${figures.firstError})` : ""}${cpu}`;
}

export const round2 = (value: number) => Math.round(value * 100) / 100;

interface Row {
  lever: string;
  scale: string;
  measured: string;
  a: string;
  b: string;
  aFigures: string;
  bFigures: string;
  /** How many times better A is than B on the figure the verdict reads: the median of the rounds' ratios. */
  ratio: number;
  /** The least and greatest of the rounds' ratios. */
  range: [number, number];
  ratioOf: string;
  pays: boolean;
}

/** A row whose verdict reads throughput (A÷B) or p50 latency (B÷A), round by round (the median pays or not); errors on A's side never pay. */
export function row(
  fields: Omit<Row, "aFigures" | "bFigures" | "ratio" | "range" | "ratioOf" | "pays">,
  a: Measured,
  b: Measured,
  by: "throughput" | "p50",
  extra: { a?: string; b?: string } = {},
): Row {
  const spread = by === "throughput" ? spreadOf(a, b, (figures) => figures.throughput) : spreadOf(b, a, (figures) => figures.p50);
  return {
    ...fields,
    aFigures: text(a.all) + (extra.a ?? ""),
    bFigures: text(b.all) + (extra.b ?? ""),
    ratio: spread.median,
    range: [spread.min, spread.max],
    ratioOf: by === "throughput" ? "throughput A÷B" : "p50 B÷A",
    pays: spread.median >= PAYS_AT && a.all.errors === 0,
  };
}

export interface Report {
  rows: Row[];
  /** Per lever, what the table cannot hold: plans, timings, the switch used. */
  details: Map<string, string[]>;
}

export function detail(report: Report, lever: string, ...lines: string[]) {
  report.details.set(lever, [...(report.details.get(lever) ?? []), ...lines]);
}

export async function timeIt(times: number, work: () => unknown): Promise<number> {
  await work();
  const spent: number[] = [];
  for (let run = 0; run < times; run += 1) {
    const started = performance.now();
    await work();
    spent.push(performance.now() - started);
  }
  return Math.round(median(spent) * 100) / 100;
}

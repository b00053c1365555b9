// The levers bench:levers knows and the command line that chooses them and how they are measured.
import { parseArgs } from "node:util";
import { integerOption, numberOption } from "../options.js";

const LEVERS = [
  "dataloader",
  "keyset",
  "indexes",
  "total-count",
  "prepared-statements",
  "pools",
  "keep-alive",
  "inline-tracing",
  "plan-cache",
  "schema-once",
  "subgraph-client",
  "young-generation",
  "compiled-execution",
  "single-fetch",
  "early-cache-hits",
  "columns",
] as const;
export type Lever = (typeof LEVERS)[number];
/** The levers whose cost grows with the data: measured on a million incidents. */
export const LARGE_DATA_LEVERS: readonly Lever[] = ["keyset", "indexes", "total-count"];

export function options() {
  const { values } = parseArgs({
    options: {
      duration: { type: "string", default: "5" },
      warmup: { type: "string", default: "3" },
      rounds: { type: "string", default: "4" },
      concurrency: { type: "string", default: "8" },
      "pool-concurrency": { type: "string", default: "32" },
      levers: { type: "string", default: LEVERS.join(",") },
      // A run of a few levers can be written beside the full report instead of over it.
      out: { type: "string", default: "bench/LEVERS.md" },
    },
  });
  const levers = values.levers.split(",").map((lever) => lever.trim());
  for (const lever of levers) if (!LEVERS.includes(lever as Lever)) throw new Error(`--levers: "${lever}" is not one of ${LEVERS.join(", ")}`);
  return {
    durationS: numberOption("duration", values.duration, 0.5),
    warmupS: numberOption("warmup", values.warmup, 0),
    rounds: integerOption("rounds", values.rounds, 1, 20),
    concurrency: integerOption("concurrency", values.concurrency, 1, 256),
    poolConcurrency: integerOption("pool-concurrency", values["pool-concurrency"], 1, 256),
    levers: levers as Lever[],
    out: values.out,
  };
}

export type Settings = ReturnType<typeof options>;

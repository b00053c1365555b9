// How much each scale generates. Everything else is derived from these counts: a claim for
// every ten statements, a source for every five, about half as many relations as actors.

export const SCALE_NAMES = ["10k", "100k", "1m"] as const;
export type ScaleName = (typeof SCALE_NAMES)[number];

export interface Scale {
  incidents: number;
  statements: number;
  actors: number;
  claims: number;
  sources: number;
  relations: number;
}

export function scaleOf(counts: { incidents: number; statements: number; actors: number }): Scale {
  return {
    ...counts,
    claims: Math.max(1, Math.round(counts.statements / 10)),
    sources: Math.max(1, Math.round(counts.statements / 5)),
    relations: Math.round(counts.actors / 2),
  };
}

export const SCALES: Record<ScaleName, Scale> = {
  "10k": scaleOf({ incidents: 10_000, statements: 10_000, actors: 1_000 }),
  "100k": scaleOf({ incidents: 100_000, statements: 100_000, actors: 10_000 }),
  "1m": scaleOf({ incidents: 1_000_000, statements: 1_000_000, actors: 100_000 }),
};

/** The first day generated dates may fall on, and how many days follow: ten years, 2016–2025. */
export const FIRST_DAY = Date.UTC(2016, 0, 1);
export const DAYS = 3653;

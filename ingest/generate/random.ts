// Seeded randomness. Every generated entity draws from a generator of its own, seeded by the
// run's seed, the kind of entity and its index: entity 41,207 comes out the same whichever
// table is being written, so children (places, stances) can be generated in a later pass than
// their parents and still agree with them, and the same seed gives the same database.

export class Random {
  private state: number;

  constructor(seed: number, stream: number, index: number) {
    this.state = mix(mix(seed ^ Math.imul(stream, 0x9e3779b1)) ^ Math.imul(index, 0x85ebca6b));
  }

  /** Uniform in [0, 1): mulberry32. */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  /** An index in [0, n) where low indexes come up far more often: a few actors speak or fight a lot. */
  skewed(n: number): number {
    const u = this.next();
    return Math.min(n - 1, Math.floor(n * u * u));
  }

  /** One of the weighted items, e.g. [["ARMED_CLASH", 30], ["RIOT", 2]]. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = this.next() * total;
    for (const [item, weight] of items) {
      roll -= weight;
      if (roll < 0) return item;
    }
    return items[items.length - 1]![0];
  }
}

/** murmur3's finaliser: spreads nearby seeds far apart. */
function mix(value: number): number {
  let h = value | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

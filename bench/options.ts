// Checks of the benchmarks' numeric command-line options (bench/run.ts, bench/levers.ts): a
// bad value stops the run at once, naming the option, before any process starts.

/** A finite number of at least `min`. */
export function numberOption(name: string, text: string, min: number): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value < min) throw new Error(`--${name}: must be a number ≥ ${min}, got ${text}`);
  return value;
}

/** An integer from `min` to `max`. */
export function integerOption(name: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) throw new Error(`--${name}: must be an integer in [${min}, ${max}], got ${text}`);
  return value;
}

// Benchmark only (bench/levers.ts): loaded with `node --import` into a subgraph process, it
// makes every DataLoader of that process dispatch each key alone (maxBatchSize 1), so the
// DataLoader lever can be measured against the same code without batching. Each loader
// still caches per request; only the batching goes. Never loaded by the services themselves.
import DataLoader from "dataloader";

const load = DataLoader.prototype.load;

DataLoader.prototype.load = function loadAlone(this: DataLoader<unknown, unknown>, key: unknown) {
  // dataloader 2.x reads its batch limit from this field on every load; fail loudly if a new version renames it.
  const loader = this as unknown as { _maxBatchSize?: number };
  if (!("_maxBatchSize" in loader)) throw new Error("bench/unbatched-loaders.ts: this dataloader version has no _maxBatchSize");
  loader._maxBatchSize = 1;
  return load.call(this, key);
};

// The operations the soak benchmark sends: the example operations, i.e. every operation in
// examples/ (the seed story first), as the Sandbox offers them.
import { readExamples } from "../platform/metrics/example-operations.js";

export interface SoakOperation {
  name: string;
  query: string;
}

export const SOAK_OPERATIONS: readonly SoakOperation[] = readExamples().map((example) => ({ name: example.name, query: example.source }));

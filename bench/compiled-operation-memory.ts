// node --expose-gc --import tsx bench/compiled-operation-memory.ts
// What an operation compiled by graphql-jit costs a subgraph (services/kit/server/compiled-execution.ts):
// for pages of incidents aliased 1, 5 and 20 times, the time to compile one, the heap it keeps
// after a full collection (its parsed document included), the length of the JavaScript
// graphql-jit generated for it, and the ratio of the two, which the compiled operations' cache
// counts each entry by (COMPILED_BYTES_PER_SOURCE_CHARACTER). Nothing runs against a database.
import "reflect-metadata";
import { type ExecutionResult, parse } from "graphql";
import { type CompiledQuery, type CompilerOptions, compileQuery, isCompiledQuery } from "graphql-jit";
import { buildIncidentsSchema } from "../services/incidents/schema/schema.js";

const OPERATIONS_PER_SIZE = 200;
const PAGE = "totalCount edges { node { id type title startDate { date precision } status fatalities { best } place { name admin1 latitude longitude } } }";

const collectGarbage = globalThis.gc;
if (!collectGarbage) throw new Error("run with node --expose-gc, so that the heap kept is measured after a full collection");

const schema = await buildIncidentsSchema();
for (const aliases of [1, 5, 20]) {
  const kept: unknown[] = [];
  collectGarbage();
  const heapBefore = process.memoryUsage().heapUsed;
  let sourceCharacters = 0;
  const startedAt = performance.now();
  for (let index = 0; index < OPERATIONS_PER_SIZE; index += 1) {
    const fields = Array.from({ length: aliases }, (_, alias) => `a${index}_${alias}: incidents(first: ${1 + (alias % 5)}) { ${PAGE} }`);
    const document = parse(`query Q${index} { ${fields.join("\n")} }`);
    const compiled = compileQuery(schema, document, undefined, { debug: true } as Partial<CompilerOptions>) as (CompiledQuery | ExecutionResult) &
      Record<string, unknown>;
    if (!isCompiledQuery(compiled)) throw new Error(`not compiled: ${JSON.stringify(compiled.errors)}`);
    sourceCharacters += String(compiled.__DO_NOT_USE_THIS_OR_YOU_WILL_BE_FIRED_compilation).length;
    delete compiled.__DO_NOT_USE_THIS_OR_YOU_WILL_BE_FIRED_compilation;
    kept.push(compiled, document);
  }
  const compileMs = (performance.now() - startedAt) / OPERATIONS_PER_SIZE;
  collectGarbage();
  const keptBytes = (process.memoryUsage().heapUsed - heapBefore) / OPERATIONS_PER_SIZE;
  const sourcePerOperation = sourceCharacters / OPERATIONS_PER_SIZE;
  console.log(
    `${String(aliases).padStart(2)} aliased pages: compiled in ${compileMs.toFixed(1)} ms, keeps ${Math.round(keptBytes / 1024)} KB, ` +
      `generated ${Math.round(sourcePerOperation / 1024)} K characters; heap kept per character ${(keptBytes / sourcePerOperation).toFixed(2)}`,
  );
  kept.length = 0;
}

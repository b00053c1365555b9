// Benchmark only (bench/levers.ts): `node --import ./bench/with-fetch-fetcher.mjs` makes the
// gateway send its subgraph requests through the fetch-based fetcher (bench/fetch-fetcher.ts).
import { register } from "node:module";

register("./fetch-fetcher-hooks.mjs", import.meta.url);
// Said once on stderr, so a run can be checked to have taken the replacement.
process.stderr.write("bench: subgraph requests go through undici's fetch (bench/fetch-fetcher.ts)\n");

// Benchmark only: module hooks that load bench/fetch-fetcher.ts wherever the gateway imports
// gateway/subgraph-fetcher.ts. Registered by bench/with-fetch-fetcher.mjs (`node --import`).
const replacement = new URL("./fetch-fetcher.ts", import.meta.url).href;

export async function resolve(specifier, context, nextResolve) {
  const resolved = await nextResolve(specifier, context);
  // The replacement imports the real module's types only, which leave no import behind to loop on.
  if (resolved.url.endsWith("/gateway/subgraph-fetcher.ts")) {
    return { ...resolved, url: replacement };
  }
  return resolved;
}

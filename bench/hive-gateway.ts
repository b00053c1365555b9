// The peer the benchmark compares our gateway with: Hive Gateway serving the same supergraph
// and the same subgraphs (issue 6, item 4b). Run by bench/run.ts as its own process, with
// HIVE_PORT, SUBGRAPH_SECRET and ACTORS_URL / STATEMENTS_URL / INCIDENTS_URL in the environment.
import { createServer } from "node:http";
import { readFileSync } from "node:fs";
import { createGatewayRuntime } from "@graphql-hive/gateway";

const projectRoot = new URL("..", import.meta.url).pathname;

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`bench/hive-gateway.ts: ${name} is not set`);
  return value;
}

// The routing URLs written in the supergraph point at the default ports; the benchmark's subgraphs listen elsewhere.
const supergraph = readFileSync(`${projectRoot}gateway/supergraph.graphql`, "utf8")
  .replace(/url: "http:\/\/localhost:4001\/graphql"/, `url: "${required("ACTORS_URL")}"`)
  .replace(/url: "http:\/\/localhost:4002\/graphql"/, `url: "${required("STATEMENTS_URL")}"`)
  .replace(/url: "http:\/\/localhost:4003\/graphql"/, `url: "${required("INCIDENTS_URL")}"`);
const secret = required("SUBGRAPH_SECRET");

const gateway = createGatewayRuntime({
  supergraph,
  logging: "error",
  // Hive merges identical queries in flight to a subgraph by default; ours does not, and a
  // benchmark sending one query over and over would measure the merging, not the gateway.
  // HIVE_DEDUPLICATE_INFLIGHT=1 turns it back on.
  transportEntries: { "*.http": { options: { deduplicateInflightRequests: process.env.HIVE_DEDUPLICATE_INFLIGHT === "1" } } },
  // Like ours, it proves itself to the subgraphs with the shared secret.
  plugins: () => [
    {
      onFetch({ options, setOptions }) {
        setOptions({ ...options, headers: { ...(options.headers as Record<string, string>), "meridian-subgraph-secret": secret } });
      },
    },
  ],
});

const server = createServer(gateway);
server.listen(Number(required("HIVE_PORT")), "127.0.0.1", () => console.log("hive gateway ready"));
process.on("SIGTERM", () => {
  server.close();
  void Promise.resolve(gateway.dispose()).then(() => process.exit(0));
});

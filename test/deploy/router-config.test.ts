// Apollo Router is the alternative gateway (`docker compose --profile router up`). No Router
// runs here, so router/router.yaml is checked by reading it: it must carry the Node gateway's
// default limits, timeout and subgraph secret, and compose must hand it the same supergraph.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { loadConfig } from "../../services/config.js";
import { SUBGRAPH_NAMES } from "../../services/registry.js";
import { REQUEST_ID_HEADER } from "../../platform/logging/request-log.js";
import { SUBGRAPH_SECRET_HEADER } from "../../platform/http/subgraph-secret.js";

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");
const router = parse(read("router/router.yaml"));
const compose = parse(read("docker-compose.yml"), { merge: true }).services as Record<string, any>;
const defaults = loadConfig({});
const SUBGRAPHS = SUBGRAPH_NAMES;

/** Router durations ("10s", "1500ms") in milliseconds. */
function milliseconds(duration: string): number {
  const match = /^(\d+)(ms|s)$/.exec(duration);
  if (!match) throw new Error(`router.yaml: ${duration} is not a duration this test reads`);
  return Number(match[1]) * (match[2] === "s" ? 1000 : 1);
}

describe("router/router.yaml", () => {
  it("has the Node gateway's default operation limits and request body limit", () => {
    expect(router.limits).toEqual({
      max_depth: defaults.operationLimits.maxDepth,
      max_aliases: defaults.operationLimits.maxAliases,
      max_root_fields: defaults.operationLimits.maxRootFields,
      parser_max_tokens: defaults.operationLimits.maxTokens,
      http_max_request_bytes: defaults.maxRequestBodyBytes,
    });
  });

  it("gives each subgraph request the Node gateway's default timeout", () => {
    expect(milliseconds(router.traffic_shaping.all.timeout)).toBe(defaults.subgraphTimeoutMs);
  });

  it("sends the subgraph secret from the environment and passes on the request ID and Authorization", () => {
    expect(router.headers.all.request).toEqual([
      { insert: { name: SUBGRAPH_SECRET_HEADER, value: "${env.SUBGRAPH_SECRET}" } },
      { propagate: { named: REQUEST_ID_HEADER } },
      { propagate: { named: "authorization" } },
    ]);
  });

  it("answers like the Node gateway in production: no introspection, CSRF prevention, no subgraph error details", () => {
    expect(router.supergraph.introspection).toBe(false);
    expect(router.csrf.unsafe_disabled).toBe(false);
    expect(router.include_subgraph_errors.all).toBe(false);
    expect(router.supergraph.listen).toBe(`0.0.0.0:${defaults.gatewayPort}`);
    expect(router.health_check.enabled).toBe(true);
  });

  it("reaches every subgraph of the supergraph at its compose service", () => {
    const supergraphNames = [...read("gateway/supergraph.graphql").matchAll(/@join__graph\(name: "(\w+)"/g)].map((match) => match[1]);
    expect(Object.keys(router.override_subgraph_url).sort()).toEqual([...supergraphNames].sort());
    expect(Object.keys(router.override_subgraph_url).sort()).toEqual([...SUBGRAPHS].sort());
    for (const name of SUBGRAPHS) {
      const url = `http://${name}:${defaults.subgraphs[name].port}/graphql`;
      expect(router.override_subgraph_url[name]).toBe(`\${env.${name.toUpperCase()}_URL:-${url}}`);
      expect(compose.gateway.environment[`${name.toUpperCase()}_URL`]).toBe(url);
    }
  });
});

describe("the router service in docker-compose.yml", () => {
  const service = compose.router;

  it("runs a pinned Router 2 image", () => {
    expect(service.image).toMatch(/^ghcr\.io\/apollographql\/router:v2\.\d+\.\d+$/);
  });

  it("mounts the supergraph file and router.yaml where its command points", () => {
    const mounts = Object.fromEntries(service.volumes.map((volume: string) => volume.replace(/:ro$/, "").split(":").reverse()));
    const argument = (flag: string) => service.command[service.command.indexOf(flag) + 1];
    expect(mounts[argument("--config")]).toBe("./router/router.yaml");
    expect(mounts[argument("--supergraph")]).toBe("./gateway/supergraph.graphql");
  });

  it("gets the subgraph secret the subgraphs demand, and starts after they are healthy", () => {
    expect(service.environment.SUBGRAPH_SECRET).toBe(compose.actors.environment.SUBGRAPH_SECRET);
    for (const name of SUBGRAPHS) expect(service.depends_on[name].condition, name).toBe("service_healthy");
  });
});

// No Docker engine runs here, so docker-compose.yml is checked by reading it: its services,
// ports, commands and environment must agree with what the code reads and serves.
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { DEFAULT_ROUTING_URLS } from "../../services/supergraph.js";
import { ENVIRONMENT_VARIABLES, loadConfig } from "../../services/config.js";
import { SUBGRAPH_NAMES } from "../../services/registry.js";

interface ComposeService {
  build?: string;
  image?: string;
  profiles?: string[];
  command?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  volumes?: string[];
}

const compose = parse(readFileSync(new URL("../../docker-compose.yml", import.meta.url), "utf8"), { merge: true }) as {
  services: Record<string, ComposeService>;
  volumes: Record<string, unknown>;
};
const defaults = loadConfig({});
const SUBGRAPHS = SUBGRAPH_NAMES;

describe("docker-compose.yml", () => {
  it("runs Postgres, the migrations, the three subgraphs, and the Node gateway or Apollo Router", () => {
    expect(Object.keys(compose.services).sort()).toEqual(["actors", "gateway", "incidents", "migrate", "postgres", "router", "statements"]);
  });

  it("runs a service for every registered subgraph", () => {
    for (const name of SUBGRAPHS) expect(Object.keys(compose.services), name).toContain(name);
  });

  it("starts one gateway per profile: the Node gateway with `node`, Apollo Router with `router`, on the same port", () => {
    expect(compose.services.gateway!.profiles).toEqual(["node"]);
    expect(compose.services.router!.profiles).toEqual(["router"]);
    expect(compose.services.router!.ports).toEqual(compose.services.gateway!.ports);
    for (const name of ["postgres", "migrate", ...SUBGRAPHS]) expect(compose.services[name]!.profiles, name).toBeUndefined();
  });

  it("keeps Postgres's data in a volume and waits for it to be healthy", () => {
    const postgres = compose.services.postgres!;
    expect(postgres.volumes?.some((volume: string) => volume.startsWith("pgdata:"))).toBe(true);
    expect(Object.keys(compose.volumes)).toContain("pgdata");
    expect(postgres.healthcheck?.test.join(" ")).toContain("pg_isready");
    expect(compose.services.migrate!.depends_on?.postgres?.condition).toBe("service_healthy");
  });

  it("runs every Meridian service from the Dockerfile's image as node on a compiled entry point", () => {
    // Not npm or tsx: node is PID 1 and gets SIGTERM itself. test/system/build.e2e.test.ts checks that
    // `npm run build` produces each of these files.
    for (const [name, service] of Object.entries(compose.services)) {
      if (name === "postgres" || name === "router") continue;
      expect(service.build, name).toBe(".");
      const [program, entry] = service.command ?? [];
      expect(program, name).toBe("node");
      const source = /^dist\/(.+)\.js$/.exec(entry ?? "")?.[1];
      expect(source && existsSync(new URL(`../../${source}.ts`, import.meta.url)), `${name}: ${entry}`).toBe(true);
    }
  });

  it("applies migrations before any subgraph serves", () => {
    expect(compose.services.migrate!.command).toEqual(["node", "dist/scripts/seed.js", "--if-empty"]);
    for (const name of SUBGRAPHS) {
      expect(compose.services[name]!.depends_on?.migrate?.condition, name).toBe("service_completed_successfully");
    }
  });

  it("serves each subgraph on the port the code configures and publishes it", () => {
    for (const name of SUBGRAPHS) {
      const service = compose.services[name]!;
      const port = defaults.subgraphs[name].port;
      expect(service.command, name).toEqual(["node", `dist/services/${name}/main.js`]);
      expect(service.environment?.[`${name.toUpperCase()}_PORT`], name).toBe(String(port));
      expect(service.ports, name).toEqual([`${port}:${port}`]);
      expect(service.environment?.DATABASE_URL, name).toMatch(/^postgres:\/\/.+@postgres:5432\//);
      expect(service.environment?.HOST, name).toBe("0.0.0.0");
      // Ready, not merely alive: the database answers and carries every migration.
      expect(service.healthcheck?.test.join(" "), name).toContain(`localhost:${port}/ready`);
    }
  });

  it("points the gateway at each subgraph's service name and port, and starts it after they are healthy", () => {
    const gateway = compose.services.gateway!;
    expect(gateway.ports).toEqual([`${defaults.gatewayPort}:${defaults.gatewayPort}`]);
    for (const name of SUBGRAPHS) {
      const path = new URL(DEFAULT_ROUTING_URLS[name]).pathname;
      expect(gateway.environment?.[`${name.toUpperCase()}_URL`]).toBe(`http://${name}:${defaults.subgraphs[name].port}${path}`);
      expect(gateway.depends_on?.[name]?.condition).toBe("service_healthy");
    }
    expect(gateway.healthcheck?.test.join(" ")).toContain(`localhost:${defaults.gatewayPort}/ready`);
  });

  it("gives both gateways and every subgraph the shared secret from the user's environment, and nobody else", () => {
    for (const [name, service] of Object.entries(compose.services)) {
      const secret = service.environment?.SUBGRAPH_SECRET;
      if (name === "gateway" || name === "router" || (SUBGRAPHS as readonly string[]).includes(name)) {
        expect(secret, name).toBe("${SUBGRAPH_SECRET:?set SUBGRAPH_SECRET}");
      } else {
        expect(secret, name).toBeUndefined();
      }
    }
  });

  it("sets only environment variables the configuration knows, and values it accepts", () => {
    for (const [name, service] of Object.entries(compose.services)) {
      // Postgres and Apollo Router read variables of their own.
      if (name === "postgres" || name === "router") continue;
      for (const variable of Object.keys(service.environment ?? {})) {
        expect([...ENVIRONMENT_VARIABLES, "APOLLO_TELEMETRY_DISABLED"], `${name}: ${variable}`).toContain(variable);
      }
      const environment = Object.fromEntries(
        Object.entries(service.environment ?? {}).map(([key, value]) => [
          key,
          value
            .replace(/\$\{(POSTGRES_PASSWORD|SUBGRAPH_SECRET)[^}]*\}/, "a-secret-of-at-least-16-characters")
            // ${NAME:-default}: what Compose passes when the user sets nothing.
            .replace(/\$\{[A-Z_]+:-([^}]*)\}/, "$1"),
        ]),
      );
      expect(() => loadConfig(environment), name).not.toThrow();
    }
  });

  it("gives the gateway and every subgraph the API keys from the user's environment", () => {
    for (const name of ["gateway", ...SUBGRAPHS]) {
      expect(compose.services[name]!.environment?.MERIDIAN_API_KEYS, name).toBe("${MERIDIAN_API_KEYS:-}");
    }
  });

  it("keeps the database password out of the file", () => {
    expect(compose.services.postgres!.environment?.POSTGRES_PASSWORD).toMatch(/^\$\{POSTGRES_PASSWORD:\?/);
  });
});

// No Docker engine runs here, so docker-compose.yml is checked by reading it: its services,
// ports, commands and environment must agree with what the code reads and serves.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { DEFAULT_ROUTING_URLS } from "../gateway/compose.js";
import { ENVIRONMENT_VARIABLES, loadConfig } from "../services/common/config.js";

interface ComposeService {
  build?: string;
  image?: string;
  command?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  volumes?: string[];
}

const compose = parse(readFileSync(new URL("../docker-compose.yml", import.meta.url), "utf8"), { merge: true }) as {
  services: Record<string, ComposeService>;
  volumes: Record<string, unknown>;
};
const packageScripts = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")).scripts as Record<string, string>;
const defaults = loadConfig({});
const SUBGRAPHS = ["actors", "statements", "incidents"] as const;

describe("docker-compose.yml", () => {
  it("runs Postgres, the migrations, the three subgraphs and the gateway", () => {
    expect(Object.keys(compose.services).sort()).toEqual(["actors", "gateway", "incidents", "migrate", "postgres", "statements"]);
  });

  it("keeps Postgres's data in a volume and waits for it to be healthy", () => {
    const postgres = compose.services.postgres!;
    expect(postgres.volumes?.some((volume: string) => volume.startsWith("pgdata:"))).toBe(true);
    expect(Object.keys(compose.volumes)).toContain("pgdata");
    expect(postgres.healthcheck?.test.join(" ")).toContain("pg_isready");
    expect(compose.services.migrate!.depends_on?.postgres?.condition).toBe("service_healthy");
  });

  it("runs only npm scripts that package.json defines", () => {
    for (const [name, service] of Object.entries(compose.services)) {
      if (!service.command) continue;
      expect(service.command.slice(0, 2), name).toEqual(["npm", "run"]);
      expect(packageScripts, name).toHaveProperty(service.command[2]!);
    }
  });

  it("applies migrations before any subgraph serves", () => {
    expect(compose.services.migrate!.command).toEqual(["npm", "run", "db:setup"]);
    for (const name of SUBGRAPHS) {
      expect(compose.services[name]!.depends_on?.migrate?.condition, name).toBe("service_completed_successfully");
    }
  });

  it("serves each subgraph on the port the code configures and publishes it", () => {
    for (const name of SUBGRAPHS) {
      const service = compose.services[name]!;
      const port = defaults.subgraphs[name].port;
      expect(service.command, name).toEqual(["npm", "run", `start:${name}`]);
      expect(service.environment?.[`${name.toUpperCase()}_PORT`], name).toBe(String(port));
      expect(service.ports, name).toEqual([`${port}:${port}`]);
      expect(service.environment?.DATABASE_URL, name).toMatch(/^postgres:\/\/.+@postgres:5432\//);
      expect(service.environment?.HOST, name).toBe("0.0.0.0");
      expect(service.healthcheck?.test.join(" "), name).toContain(`localhost:${port}/health`);
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
  });

  it("sets only environment variables the configuration knows, and values it accepts", () => {
    for (const [name, service] of Object.entries(compose.services)) {
      if (name === "postgres") continue;
      for (const variable of Object.keys(service.environment ?? {})) {
        expect([...ENVIRONMENT_VARIABLES, "APOLLO_TELEMETRY_DISABLED"], `${name}: ${variable}`).toContain(variable);
      }
      const environment = Object.fromEntries(
        Object.entries(service.environment ?? {}).map(([key, value]) => [key, value.replace(/\$\{POSTGRES_PASSWORD[^}]*\}/, "secret")]),
      );
      expect(() => loadConfig(environment), name).not.toThrow();
    }
  });

  it("keeps the database password out of the file", () => {
    expect(compose.services.postgres!.environment?.POSTGRES_PASSWORD).toMatch(/^\$\{POSTGRES_PASSWORD:\?/);
  });
});

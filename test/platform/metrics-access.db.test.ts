// Who may read /metrics: in development anyone, as before; in production only a scraper with
// the access token (METRICS_TOKEN), and without a token there is no /metrics at all, on the
// gateway and on a subgraph. Nothing here asks the database, so this runs on PGlite only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGatewayServer } from "../../gateway/server.js";
import { readSupergraph } from "../../gateway/supergraph.js";
import { ConfigError } from "../../platform/config/config.js";
import { loadConfig } from "../../services/config.js";
import type { RunningServer } from "../../platform/http/http-server.js";
import { createSubgraphServer } from "../../services/kit/server/subgraph-server.js";
import { subgraphNamed, forEverySubgraph } from "../../services/registry.js";
import { BACKENDS, type TestDatabase } from "../../scripts/harness/backends.js";

const TOKEN = "metrics-token-for-prometheus-0123";
const NOWHERE = "http://127.0.0.1:9/graphql";

async function scrape(server: RunningServer, authorization?: string): Promise<number> {
  const response = await fetch(new URL("/metrics", server.url), { headers: authorization ? { authorization } : {} });
  await response.arrayBuffer();
  return response.status;
}

describe("access to /metrics", () => {
  let database: TestDatabase;
  const servers: Record<string, RunningServer> = {};
  beforeAll(async () => {
    database = await BACKENDS[0]!.create();
    const gateway = (isProduction: boolean, metricsToken?: string) =>
      createGatewayServer({
        supergraphSdl: readSupergraph(),
        subgraphUrls: forEverySubgraph(NOWHERE),
        isProduction,
        subgraphSecret: isProduction ? "a-subgraph-secret-for-this-test" : undefined,
        metricsToken,
      }).listen(0, "127.0.0.1");
    const subgraph = async (isProduction: boolean, metricsToken?: string) =>
      (await createSubgraphServer(subgraphNamed("actors"), database.handle.db, { isProduction, metricsToken })).listen(0, "127.0.0.1");
    servers.developmentGateway = await gateway(false);
    servers.productionGateway = await gateway(true);
    servers.productionGatewayWithToken = await gateway(true, TOKEN);
    servers.productionSubgraph = await subgraph(true);
    servers.productionSubgraphWithToken = await subgraph(true, TOKEN);
  });
  afterAll(async () => {
    for (const server of Object.values(servers)) await server.stop();
    await database?.dispose();
  });

  it("is open in development, where tests and the README's examples read it", async () => {
    expect(await scrape(servers.developmentGateway!)).toBe(200);
  });

  it("is not served on a production server's public port without a token", async () => {
    expect(await scrape(servers.productionGateway!)).toBe(404);
    expect(await scrape(servers.productionSubgraph!)).toBe(404);
  });

  it("needs the token as a bearer token in production, on the gateway and a subgraph", async () => {
    for (const server of [servers.productionGatewayWithToken!, servers.productionSubgraphWithToken!]) {
      expect(await scrape(server)).toBe(401);
      expect(await scrape(server, `Bearer ${TOKEN}x`)).toBe(401);
      expect(await scrape(server, TOKEN)).toBe(401);
      expect(await scrape(server, `Bearer ${TOKEN}`)).toBe(200);
    }
  });

  it("takes the token from METRICS_TOKEN, at least 16 characters", () => {
    expect(loadConfig({ METRICS_TOKEN: TOKEN }).metricsToken).toBe(TOKEN);
    expect(loadConfig({}).metricsToken).toBeUndefined();
    expect(() => loadConfig({ METRICS_TOKEN: "short" })).toThrow(ConfigError);
  });
});

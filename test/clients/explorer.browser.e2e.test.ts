// The offline explorer in a real browser: Debian's Chromium, driven by playwright-core, loads
// /graphiql from a gateway on the seed story, runs the seed-story operation and sees its
// answer, without a single request leaving the gateway. Saves docs/explorer.png for the README and docs/api.md.
import { existsSync, mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readExamples } from "../../platform/metrics/example-operations.js";
import { BACKENDS } from "../../scripts/harness/backends.js";
import { useSeededGraph } from "../support/seeded-graph.js";

const CHROMIUM = "/usr/bin/chromium";
const SCREENSHOT = fileURLToPath(new URL("../../docs/explorer.png", import.meta.url));
const pglite = BACKENDS.find((backend) => backend.name === "pglite")!;

const describeWithChromium = existsSync(CHROMIUM) ? describe : describe.skip;
if (!existsSync(CHROMIUM)) describe.skip(`the explorer in a browser: ${CHROMIUM} is missing (apt-get install chromium)`, () => it("runs the seed story"));

describeWithChromium("the offline explorer at /graphiql, in Chromium", () => {
  const graph = useSeededGraph(pglite);
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ["--no-sandbox"] });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("opens on the seed story with every example as a tab, runs it, shows the answer; nothing leaves the gateway", async () => {
    const origin = new URL(graph.gatewayUrl).origin;
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const elsewhere: string[] = [];
    // An air-gapped user's browser reaches nothing else: refuse any other address.
    await page.route("**/*", (route) => {
      if (route.request().url().startsWith(origin)) return route.continue();
      elsewhere.push(route.request().url());
      return route.abort();
    });
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));

    await page.goto(`${origin}/graphiql`);
    const tabs = page.locator(".graphiql-tab-button");
    await tabs.first().waitFor();
    expect(await tabs.allTextContents()).toEqual(readExamples().map((example) => example.name));
    await page.locator(".graphiql-query-editor").getByText("query SeedStory").waitFor();

    await page.locator(".graphiql-execute-button").click();
    await page.locator(".result-window").getByText("155 Chinese citizens fight for Russia in Ukraine").waitFor();
    // The documentation explorer has the schema too: introspection worked through the gateway.
    await page.getByRole("button", { name: "Show Documentation Explorer" }).click();
    await page.locator(".graphiql-doc-explorer").getByText("Query", { exact: true }).first().waitFor();
    await page.getByRole("button", { name: "Hide Documentation Explorer" }).click();

    mkdirSync(fileURLToPath(new URL("../../docs/", import.meta.url)), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
    // The tabs are kept per set of examples, so a changed set is not hidden by old tabs.
    const stored: string[] = await page.evaluate("Object.keys(localStorage)");
    expect(stored).toContainEqual(expect.stringMatching(/^meridian-[0-9a-f]{12}:graphiql:tabState$/));
    expect(elsewhere).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});

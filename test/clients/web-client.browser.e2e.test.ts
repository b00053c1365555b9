// The reference web client (clients/web/) in a real browser, from its own origin: Vite builds
// it for a gateway on the seed story and serves it on another port; Debian's Chromium, driven
// by playwright-core, opens it and the page asks the gateway across origins (CORS). A page on
// an origin the gateway does not allow is refused by the browser. Saves docs/web-client.png.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, type Page, chromium } from "playwright-core";
import { print } from "graphql";
import { type PreviewServer, build, preview } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SeedStoryDocument } from "../../clients/generated/graphql.js";
import { BACKENDS } from "../../scripts/harness/backends.js";
import { useSeededGraph } from "../support/seeded-graph.js";

const CHROMIUM = "/usr/bin/chromium";
const SCREENSHOT = fileURLToPath(new URL("../../docs/web-client.png", import.meta.url));
const WEB_CONFIG = fileURLToPath(new URL("../../clients/web/vite.config.ts", import.meta.url));
/** A host name Chromium resolves to this machine: a page there is on an origin the gateway does not allow. */
const REFUSED_HOST = "web.example.test";
const pglite = BACKENDS.find((backend) => backend.name === "pglite")!;

const describeWithChromium = existsSync(CHROMIUM) ? describe : describe.skip;
if (!existsSync(CHROMIUM)) describe.skip(`the web client in a browser: ${CHROMIUM} is missing (apt-get install chromium)`, () => it("shows the seed story"));

/** Builds the web client for this gateway, as `VITE_GATEWAY_URL=… vite build` does, and serves it with `vite preview`. */
async function serveWebClient(gatewayUrl: string, outDir: string): Promise<PreviewServer> {
  const previous = process.env.VITE_GATEWAY_URL;
  process.env.VITE_GATEWAY_URL = gatewayUrl;
  try {
    await build({ configFile: WEB_CONFIG, logLevel: "error", build: { outDir, emptyOutDir: true } });
  } finally {
    if (previous === undefined) delete process.env.VITE_GATEWAY_URL;
    else process.env.VITE_GATEWAY_URL = previous;
  }
  return preview({
    configFile: WEB_CONFIG,
    logLevel: "warn",
    build: { outDir },
    preview: { host: "127.0.0.1", port: 0, strictPort: false, allowedHosts: [REFUSED_HOST] },
  });
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** What went wrong in a page: failed requests, console errors, uncaught exceptions. */
function watch(page: Page) {
  const trouble = { failedRequests: [] as string[], consoleErrors: [] as string[], pageErrors: [] as string[] };
  page.on("requestfailed", (request) => trouble.failedRequests.push(`${request.method()} ${request.url()}: ${request.failure()?.errorText}`));
  page.on("console", (message) => {
    if (message.type() === "error") trouble.consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => trouble.pageErrors.push(error.message));
  return trouble;
}

describeWithChromium("the reference web client, on its own origin, in Chromium", () => {
  // A gateway in development: any page on this machine may call it, nothing else (CORS_ORIGINS unset).
  const graph = useSeededGraph(pglite);
  let browser: Browser;
  let server: PreviewServer;
  let outDir: string;
  let port: number;
  beforeAll(async () => {
    outDir = mkdtempSync(join(tmpdir(), "meridian-web-client-"));
    server = await serveWebClient(graph.gatewayUrl, outDir);
    port = Number(new URL(server.resolvedUrls!.local[0]!).port);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      // Offline machine: no background calls home. The rule sends REFUSED_HOST to this machine.
      args: [
        "--no-sandbox",
        "--headless",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        `--host-resolver-rules=MAP ${REFUSED_HOST} 127.0.0.1`,
      ],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  it("shows the seed story and pages through the incidents, every answer allowed across origins", { timeout: 180_000 }, async () => {
    const pageOrigin = `http://127.0.0.1:${port}`;
    const gatewayOrigin = new URL(graph.gatewayUrl).origin;
    expect(pageOrigin).not.toBe(gatewayOrigin);
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    page.setDefaultTimeout(60_000);
    const trouble = watch(page);
    const allowedOrigins: (string | null)[] = [];
    page.on("response", (response) => {
      if (response.url().startsWith(gatewayOrigin)) allowedOrigins.push(response.headers()["access-control-allow-origin"] ?? null);
    });

    await page.goto(`${pageOrigin}/`);
    const claim = page.getByRole("region", { name: "Claim" });
    await claim.getByText("155 Chinese citizens fight for Russia in Ukraine").waitFor();
    // Every stance the graph has on the claim, in its order: who, and each statement's source.
    const story = await graph.ask(print(SeedStoryDocument));
    const stances = story.claim.stances.edges.map(({ node }: any) => ({
      stance: node.stance,
      speaker: node.statement.speaker.name,
      source: node.statement.source.title,
    }));
    expect(stances).toContainEqual(expect.objectContaining({ stance: "ASSERTS", speaker: "Volodymyr Zelensky" }));
    expect(stances).toContainEqual(expect.objectContaining({ stance: "DISPUTES", speaker: "Lin Jian" }));
    await expect
      .poll(() => claim.locator("ul.stances > li").allInnerTexts())
      .toEqual(
        stances.map(({ stance, speaker, source }: any) =>
          expect.stringMatching(new RegExp(`^${escapeRegExp(`${stance} ${speaker}, `)}[^]*\nSource: ${escapeRegExp(source)}`)),
        ),
      );

    const captures = page.getByRole("region", { name: "Captures" });
    const capture = captures.locator("article", { hasText: "Capture of Wang Guangjun and Zhang Renbo" });
    await capture.getByText("Sources disagree about where this happened").waitFor();
    expect(await capture.locator("li.place.disputed").allInnerTexts()).toEqual([
      expect.stringMatching(/^Near Tarasivka and Bilohorivka, Donetsk \(UKR\)\s*primary\s*disputed$/),
      expect.stringMatching(/^Bilohorivka, Luhansk \(UKR\)\s*disputed$/),
    ]);
    // The North Korean capture has one place, which nobody disputes.
    const undisputed = captures.locator("article", { hasText: "North Korean" });
    expect(await undisputed.locator("li.place").count()).toBeGreaterThan(0);
    expect(await undisputed.locator("li.place.disputed").count()).toBe(0);

    // The pager shows the graph's incidents, three at a time, in the graph's order.
    const all = await graph.ask(`{ incidents(first: 500) { totalCount edges { node { title } } } }`);
    const titles: string[] = all.incidents.edges.map((edge: { node: { title: string } }) => edge.node.title);
    expect(titles.length).toBeGreaterThan(3);
    const incidents = page.getByRole("region", { name: "Incidents" });
    const shown = () => incidents.locator("ol.incidents > li strong").allInnerTexts();
    await incidents.getByRole("heading", { name: `All incidents (${all.incidents.totalCount})` }).waitFor();
    await expect.poll(shown).toEqual(titles.slice(0, 3));
    mkdirSync(fileURLToPath(new URL("../../docs/", import.meta.url)), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });

    const pageOf = (pageNumber: number) => titles.slice((pageNumber - 1) * 3, pageNumber * 3);
    const seen: string[] = [];
    let pageNumber = 1;
    for (;;) {
      await expect.poll(shown).toEqual(pageOf(pageNumber));
      await incidents.getByText(`Page ${pageNumber}`).waitFor();
      seen.push(...(await shown()));
      const next = incidents.getByRole("button", { name: "Next" });
      if (await next.isDisabled()) break;
      await next.click();
      pageNumber++;
    }
    expect(seen).toEqual(titles);
    await incidents.getByRole("button", { name: "Previous" }).click();
    await expect.poll(shown).toEqual(pageOf(pageNumber - 1));

    expect(allowedOrigins.length).toBeGreaterThan(0);
    expect(new Set(allowedOrigins)).toEqual(new Set([pageOrigin]));
    expect(trouble).toEqual({ failedRequests: [], consoleErrors: [], pageErrors: [] });
    await page.close();
  });

  it("is refused by the browser on an origin the gateway does not allow, and says it could not ask the graph", { timeout: 180_000 }, async () => {
    const page = await browser.newPage();
    page.setDefaultTimeout(60_000);
    const trouble = watch(page);
    await page.goto(`http://${REFUSED_HOST}:${port}/`);
    await page.getByRole("region", { name: "Incidents" }).getByRole("alert").getByText("Could not ask the graph: Failed to fetch").waitFor();
    expect(trouble.failedRequests).toContainEqual(expect.stringContaining(`POST ${graph.gatewayUrl}`));
    expect(trouble.consoleErrors).toContainEqual(
      expect.stringMatching(new RegExp(`from origin 'http://${REFUSED_HOST}:${port}' has been blocked by CORS policy`)),
    );
    expect(trouble.pageErrors).toEqual([]);
    await page.close();
  });
});

// package.json is checked against the registry (services/registry.ts): each registered
// subgraph can be served alone with `npm run start:<name>`, and no script starts or names a
// subgraph that is not registered.
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SUBGRAPH_NAMES } from "../../services/registry.js";

const { scripts } = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { scripts: Record<string, string> };

describe("package.json", () => {
  it("has a start:<name> script serving each registered subgraph alone", () => {
    for (const name of SUBGRAPH_NAMES) {
      expect(scripts[`start:${name}`], name).toBe(`tsx services/${name}/main.ts`);
      expect(existsSync(new URL(`../../services/${name}/main.ts`, import.meta.url)), name).toBe(true);
    }
  });

  it("starts only the gateway and the registered subgraphs one by one", () => {
    const started = Object.keys(scripts)
      .filter((script) => script.startsWith("start:"))
      .map((script) => script.slice("start:".length));
    expect(started.sort()).toEqual(["gateway", ...SUBGRAPH_NAMES].sort());
  });

  it("names no subgraph folder that is not registered", () => {
    for (const [script, command] of Object.entries(scripts)) {
      for (const [, folder] of command.matchAll(/services\/([\w-]+)\//g)) {
        expect([...SUBGRAPH_NAMES, "kit"], `${script}: ${command}`).toContain(folder);
      }
    }
  });
});

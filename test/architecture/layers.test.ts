import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { importCycles, importEdges, sourceFiles } from "./import-graph.js";
import { layerOf, layeringProblem } from "./layers.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const files = sourceFiles(root);
const edges = importEdges(root, files);

describe("the import graph of the tree", () => {
  it("is read: hundreds of files and imports, so an empty graph cannot pass for a clean one", () => {
    expect(files.length).toBeGreaterThan(300);
    expect(edges.length).toBeGreaterThan(1000);
    expect(edges).toContainEqual({ from: "gateway/main.ts", to: "gateway/server.ts" });
  });

  it("places every file outside test/ in a layer", () => {
    const unplaced = files.filter((file) => layerOf(file)?.name.startsWith("unplaced"));
    expect(unplaced).toEqual([]);
  });

  it("has no import from a lower layer to a higher one, nor between the gateway and a subgraph or two subgraphs", () => {
    const problems = edges.map(({ from, to }) => layeringProblem(from, to)).filter((problem) => problem !== undefined);
    expect(problems).toEqual([]);
  });

  it("has no cycle", () => {
    expect(importCycles(files, edges)).toEqual([]);
  });
});

describe("the layering rule itself", () => {
  it("refuses the imports it exists to refuse", () => {
    expect(layeringProblem("db/open.ts", "platform/config/config.ts")).toMatch(/higher layer/);
    expect(layeringProblem("services/kit/records/x.ts", "ingest/documents/y.ts")).toMatch(/higher layer/);
    expect(layeringProblem("services/actors/schema/a.ts", "services/statements/data/b.ts")).toMatch(/stand apart/);
    expect(layeringProblem("gateway/server.ts", "services/incidents/data/tables.ts")).toMatch(/stand apart/);
    expect(layeringProblem("bench/run.ts", "test/support/graph.ts")).toMatch(/test file/);
  });

  it("lets imports run down", () => {
    expect(layeringProblem("scripts/start.ts", "services/registry.ts")).toBeUndefined();
    expect(layeringProblem("services/actors/schema/a.ts", "services/kit/pages/pagination.ts")).toBeUndefined();
    expect(layeringProblem("gateway/server.ts", "platform/http/http-server.ts")).toBeUndefined();
    expect(layeringProblem("test/x.test.ts", "ingest/import/run-import.ts")).toBeUndefined();
  });

  it("finds a cycle", () => {
    const cycles = importCycles(
      ["a.ts", "b.ts", "c.ts"],
      [
        { from: "a.ts", to: "b.ts" },
        { from: "b.ts", to: "a.ts" },
        { from: "b.ts", to: "c.ts" },
      ],
    );
    expect(cycles).toEqual([["a.ts", "b.ts"]]);
  });
});

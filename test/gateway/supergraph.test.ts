import "reflect-metadata";
import { describe, expect, it } from "vitest";
import { composeSupergraph } from "../../services/supergraph.js";
import { readSupergraph } from "../../gateway/supergraph.js";

describe("the committed supergraph", () => {
  it("equals a fresh composition of the subgraphs (run `npm run compose` after a schema change)", async () => {
    expect(readSupergraph()).toBe(await composeSupergraph());
  });

  it("joins all three subgraphs", () => {
    const supergraph = readSupergraph();
    for (const name of ["ACTORS", "STATEMENTS", "INCIDENTS"]) {
      expect(supergraph).toMatch(new RegExp(`${name} @join__graph\\(name: "${name.toLowerCase()}"`));
    }
  });
});

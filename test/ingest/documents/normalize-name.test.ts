import { describe, expect, it } from "vitest";
import { normalizeName } from "../../../services/kit/records/normalize-name.js";

describe("normalizeName", () => {
  it("lower-cases and collapses punctuation and spaces", () => {
    expect(normalizeName("  Military Forces of Russia (2022-) ")).toBe("military forces of russia 2022");
  });

  it("folds accents", () => {
    expect(normalizeName("El País")).toBe("el pais");
  });

  it("drops apostrophes instead of splitting words at them", () => {
    expect(normalizeName("Zelens'kyi")).toBe(normalizeName("Zelenskyi"));
    expect(normalizeName("People's Republic of China")).toBe("peoples republic of china");
  });

  it("keeps letters of other scripts", () => {
    expect(normalizeName("Володимир Зеленський")).toBe("володимир зеленськии");
    expect(normalizeName("林剑")).toBe("林剑");
  });
});

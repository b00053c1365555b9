// When an import takes the bulk path by itself: files large beside what is stored.
import { describe, expect, it } from "vitest";
import { BULK_MIN_ROWS, chooseBulk } from "../../../ingest/import/bulk-choice.js";

const BYTES_PER_ROW = 500;
const files = (...rows: number[]) => rows.map((count, index) => ({ file: `part-${index}.csv`, size: count * BYTES_PER_ROW }));
const stored = (rows: number) => async () => rows;
const notCounted = async (): Promise<number> => {
  throw new Error("the stored rows were counted for an import too small to need them");
};

describe("the bulk path's choice", () => {
  it("follows --bulk and --no-bulk whatever the sizes", async () => {
    expect(await chooseBulk("on", files(10), BYTES_PER_ROW, notCounted)).toEqual({ bulk: true, reason: "--bulk" });
    expect(await chooseBulk("off", files(BULK_MIN_ROWS * 10), BYTES_PER_ROW, notCounted)).toEqual({ bulk: false, reason: "--no-bulk" });
  });

  it("loads standard input and small files incrementally, without counting what is stored", async () => {
    expect(await chooseBulk("auto", [{ file: "-", size: undefined }], BYTES_PER_ROW, notCounted)).toMatchObject({ bulk: false });
    expect(await chooseBulk("auto", files(BULK_MIN_ROWS / 2 - 1, BULK_MIN_ROWS / 2 - 1), BYTES_PER_ROW, notCounted)).toMatchObject({
      bulk: false,
      reason: "about 99,998 rows, fewer than 100,000",
    });
  });

  it("takes the bulk path when the files, together, hold at least as many rows as are stored", async () => {
    expect(await chooseBulk("auto", files(60_000, 60_000), BYTES_PER_ROW, stored(0))).toEqual({
      bulk: true,
      reason: "about 120,000 rows, at least the 0 stored",
    });
    expect(await chooseBulk("auto", files(120_000), BYTES_PER_ROW, stored(120_000))).toMatchObject({ bulk: true });
    expect(await chooseBulk("auto", files(120_000), BYTES_PER_ROW, stored(2_600_000))).toEqual({
      bulk: false,
      reason: "about 120,000 rows, fewer than the 2,600,000 stored",
    });
  });
});

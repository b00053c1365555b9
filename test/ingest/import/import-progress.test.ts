// An import of many files shows one bar over all of them on a terminal (by bytes of all the
// files, rows of all of them, the file being read), and numbered lines elsewhere.
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createProgress } from "../../../ingest/import/import-progress.js";

function capture(isTTY: boolean): { stream: Writable & { isTTY?: boolean }; text: () => string } {
  const chunks: string[] = [];
  const stream = Object.assign(
    new Writable({
      write(chunk, _encoding, done) {
        chunks.push(String(chunk));
        done();
      },
    }),
    { isTTY, columns: 200 },
  );
  return { stream, text: () => chunks.join("") };
}

describe("import progress over many files", () => {
  it("runs one bar over every file on a terminal, to 100% of all their bytes, with all their rows", async () => {
    const { stream, text } = capture(true);
    const progress = createProgress(stream);
    const inputs = [
      { file: "a.CSV", size: 1000 },
      { file: "b.CSV", size: 3000 },
    ];
    progress.startImport?.(inputs);
    let read = 0;
    progress.startFile("a.CSV", 1000, () => read);
    read = 1000;
    progress.rowsDone(10);
    progress.endFile(10);
    progress.startFile("b.CSV", 3000, () => read);
    read = 1500;
    progress.rowsDone(15);
    // The bar redraws on a timer, every 100 ms.
    await new Promise((resolve) => setTimeout(resolve, 250));
    const halfway = text();
    // 1,000 of the first file and 1,500 of the second: 2,500 of 4,000 bytes.
    expect(halfway).toContain("file 2 of 2");
    expect(halfway).toMatch(/ 62% \| 25 rows/);
    read = 3000;
    progress.rowsDone(30);
    progress.endFile(30);
    expect(text()).toMatch(/ 100% \| 40 rows/);
  });

  it("numbers the files on the lines it writes elsewhere", () => {
    const { stream, text } = capture(false);
    const progress = createProgress(stream);
    progress.startImport?.([
      { file: "a.CSV", size: 10 },
      { file: "b.CSV", size: 10 },
    ]);
    progress.startFile("a.CSV", 10, () => 5);
    progress.endFile(0);
    progress.startFile("b.CSV", 10, () => 5);
    progress.rowsDone(5_000);
    expect(text()).toContain("import: file 2 of 2, b.CSV: 5,000 rows");
  });
});

// Shows how an import advances. On a terminal: a bar by bytes read of the file's size, with
// rows, rows/s and ETA. Otherwise (a log, a pipe, a test), and for standard input, whose size
// is unknown: a plain line every PLAIN_EVERY rows. Both go to stderr, leaving stdout to the summary.
import type { Writable } from "node:stream";
import { Presets, SingleBar } from "cli-progress";

const PLAIN_EVERY = 5_000;

export interface ProgressSink {
  /** A new file is being read; `bytesRead` says how far. */
  startFile(file: string, size: number | undefined, bytesRead: () => number): void;
  /** `rows` rows of the current file have been written. */
  rowsDone(rows: number): void;
  endFile(rows: number): void;
}

export function createProgress(stream: Writable & { isTTY?: boolean }): ProgressSink {
  return stream.isTTY ? new TerminalProgress(stream) : new PlainProgress(stream);
}

/** For imports that show nothing (tests calling runImport). */
export const NO_PROGRESS: ProgressSink = { startFile() {}, rowsDone() {}, endFile() {} };

class PlainProgress implements ProgressSink {
  private file = "";
  private size: number | undefined;
  private bytesRead: () => number = () => 0;
  private startedAt = 0;
  private reported = 0;

  constructor(private readonly stream: Writable) {}

  startFile(file: string, size: number | undefined, bytesRead: () => number): void {
    Object.assign(this, { file, size, bytesRead, startedAt: performance.now(), reported: 0 });
  }

  rowsDone(rows: number): void {
    if (rows - this.reported < PLAIN_EVERY) return;
    this.reported = rows;
    const share = this.size ? `, ${Math.floor((100 * this.bytesRead()) / this.size)}%` : "";
    this.stream.write(`import: ${this.file}: ${rows.toLocaleString("en")} rows (${rate(rows, this.startedAt)} rows/s${share})\n`);
  }

  endFile(): void {}
}

class TerminalProgress implements ProgressSink {
  private bar: SingleBar | undefined;
  private plain: PlainProgress;
  private bytesRead: () => number = () => 0;
  private startedAt = 0;

  constructor(private readonly stream: Writable) {
    this.plain = new PlainProgress(stream);
  }

  startFile(file: string, size: number | undefined, bytesRead: () => number): void {
    if (size === undefined) {
      this.plain.startFile(file, size, bytesRead);
      return;
    }
    this.bytesRead = bytesRead;
    this.startedAt = performance.now();
    this.bar = new SingleBar(
      { stream: this.stream, format: `${file} [{bar}] {percentage}% | {rows} rows | {speed} rows/s | ETA {eta_formatted}`, hideCursor: true, etaBuffer: 20 },
      Presets.shades_classic,
    );
    this.bar.start(size, 0, { rows: 0, speed: 0 });
  }

  rowsDone(rows: number): void {
    if (!this.bar) return this.plain.rowsDone(rows);
    this.bar.update(this.bytesRead(), { rows: rows.toLocaleString("en"), speed: rate(rows, this.startedAt) });
  }

  endFile(rows: number): void {
    if (!this.bar) return;
    this.bar.update(this.bar.getTotal(), { rows: rows.toLocaleString("en"), speed: rate(rows, this.startedAt) });
    this.bar.stop();
    this.bar = undefined;
  }
}

function rate(rows: number, since: number): string {
  const seconds = (performance.now() - since) / 1000;
  return seconds > 0 ? Math.round(rows / seconds).toLocaleString("en") : "–";
}
